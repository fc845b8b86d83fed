#pragma once

#include "core/result.h"
#include "jobs/jobpaths.h"
#include "jobs/jobprogress.h"
#include "kv/kvstore.h"

#include <QStringList>

#include <atomic>

namespace pmkv {

// A copy of every key under a pattern (the layout's prefix) as NDJSON, one line per key in
// key order: {"key", "type", "ttl" (ms, -1 none), "value" (UTF-8 text) or "valueBase64"}.
// Keys that are not strings are listed with "value": null and reported (they are not
// restored). Beside it, <file>.manifest.json: format, time, source, pattern, key count,
// bytes and the SHA-256 of the NDJSON file; reading a snapshot checks that hash first.
// restore() writes a snapshot into any store (REST or direct), journaled as a run of kind
// "restore-snapshot" (undo it with RollbackJob); `prune` also deletes the keys under the
// pattern the snapshot does not have, so the key space ends up exactly as snapshotted.
class SnapshotJob final
{
public:
    struct Record
    {
        QByteArray key;
        QString type;
        qint64 ttl = -1;
        QByteArray value;
        bool hasValue = false;
    };
    struct Outcome
    {
        QString path;
        QString manifestPath;
        qint64 keys = 0;
        qint64 bytes = 0;
        QByteArray sha256;
        QStringList notStrings;
    };
    struct RestoreParams
    {
        JobPaths paths;
        QString pattern; // the layout's keys, e.g. "pm:*": what prune deletes from
        bool prune = false;
        // A snapshot holding keys outside `pattern` is refused (nothing written) unless this
        // is set: a snapshot file is data from elsewhere, and its keys go anywhere.
        bool allowOutsidePattern = false;
        int batchKeys = 1000;
        ProgressCallback progress;
    };
    struct RestoreOutcome
    {
        QString runId;
        qint64 written = 0;
        qint64 deleted = 0;
        qint64 skipped = 0; // not strings
    };

    static Result<Outcome> take(KvStore& store, const QString& pattern, const QString& path,
                                int batchKeys = 1000);
    static Result<QVector<Record>> read(const QString& path);
    static Result<RestoreOutcome> restore(const QString& path, KvStore& store,
                                          const RestoreParams& params);
    // Every key matching `pattern` (SCAN), sorted, duplicates removed.
    static Result<QVector<QByteArray>> scan(KvStore& store, const QString& pattern);
};

} // namespace pmkv
