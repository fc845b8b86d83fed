#pragma once

#include "kv/kvstore.h"
#include "sync/synctarget.h"

namespace pmkv {

// A key space as a sync target: GET+PTTL to read, SET (with EX when a TTL is given) and DEL
// to write, pipelined per call. Blocks on the store's futures: never call it on the store's
// own thread.
class KvSyncTarget final : public SyncTarget
{
public:
    explicit KvSyncTarget(KvStore& store) : m_store(store) {}

    QString describe() const override;
    bool isFolder() const override { return false; }
    Result<QVector<Value>> read(const QStringList& locations) override;
    Result<void> write(const QVector<Write>& writes) override;
    bool matches(const QByteArray& current, const QByteArray& expected) const override;

private:
    KvStore& m_store;
};

} // namespace pmkv
