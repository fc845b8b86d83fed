#pragma once

#include "core/comparison.h"
#include "core/result.h"
#include "files/problem.h"
#include "jobs/jobprogress.h"
#include "kv/kvstore.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QVector>

#include <atomic>

namespace pmkv {

// Compares a pm/ tree with a key space both ways under the layout's prefix:
// every key the tree maps to is read (MGET + PTTL, TYPE for non-strings) and every key under
// the prefix is listed (SCAN), giving per key one Comparison (files left, key space right,
// named with ComparisonSides::FilesKv): same, equal-json (same JSON, other bytes), changed,
// only-files, only-kv (orphan), unreadable (not a string, or not JSON); plus a TTL flag (a key
// that will expire is a surprise: the application never sets one).
// `sample` > 0 checks that many tree keys chosen at random (seeded) and skips the orphan scan.
class Validator final
{
public:
    using State = Comparison;

    struct Params
    {
        QString root;
        QString layoutSpec = QStringLiteral("repository");
        QString prefix;
        QStringList projects; // empty: the whole tree
        qint64 sample = 0;    // 0: full
        quint32 seed = 1;
        int batchKeys = 1000;
        const std::atomic_bool* cancel = nullptr;
        ProgressCallback progress;
    };
    struct Finding
    {
        QString key;
        State state = State::Changed;
        QString role;   // key role, "unknown" for an orphan the layout cannot parse
        QString source; // file (empty for orphans)
        QString detail;
        bool hasTtl = false;
    };
    struct Outcome
    {
        QString root;
        QString layoutName;
        QString prefix;
        QString target;
        bool sampled = false;
        bool orphansChecked = true;
        qint64 fileKeys = 0; // keys the tree maps to (in scope)
        qint64 checkedKeys = 0;
        qint64 kvKeys = 0; // keys found under the prefix (full runs)
        ComparisonCounts counts;
        QMap<QString, ComparisonCounts> byRole; // role -> keys per comparison
        qint64 withTtl = 0;
        QVector<Finding> findings; // everything that is not plain equal
        QVector<Problem> problems; // what the tree could not map
        QStringList notes;
        double seconds = 0;        // everything, reading the tree included
        double keysPerSecond = 0;  // distinct keys (compared + only in KV) / seconds
        double compareSeconds = 0; // reading and comparing the key space only

        // Every checked key holds its file's value and none expires (nor, in a full check, is
        // there a key no file maps to). The files' own problems are a separate question:
        // workflows/verdict.h judges both.
        bool matches() const;
        QJsonObject toJson(int maxFindings = -1) const;
    };

    static QString stateName(State state);
    static Result<Outcome> run(const Params& params, KvStore& store);
};

} // namespace pmkv
