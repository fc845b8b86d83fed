#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QStringList>
#include <QVector>

#include <optional>

namespace pmkv {

// The side a sync writes to: a key space or a pm/ folder. Locations are keys, or file paths
// relative to the folder.
class SyncTarget
{
public:
    struct Value
    {
        bool exists = false;
        QByteArray bytes;
        std::optional<qint64> ttl; // seconds, -1 none (KV only)
    };
    struct Write
    {
        QString location;
        std::optional<QByteArray> bytes; // empty: delete
        std::optional<qint64> ttl;       // seconds; set when > 0
    };

    virtual ~SyncTarget() = default;
    virtual QString describe() const = 0;
    virtual bool isFolder() const = 0;
    virtual Result<QVector<Value>> read(const QStringList& locations) = 0;
    // Writes in order; stops at the first failure (earlier writes stay done).
    virtual Result<void> write(const QVector<Write>& writes) = 0;
    // Whether a value read from the target is what a plan expected (folders compare the JSON,
    // since a plan holds the JSON.stringify bytes of a pretty-printed file).
    virtual bool matches(const QByteArray& current, const QByteArray& expected) const = 0;
};

} // namespace pmkv
