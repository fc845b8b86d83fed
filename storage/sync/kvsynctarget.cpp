#include "sync/kvsynctarget.h"

#include "kv/kvwait.h"

namespace pmkv {

QString KvSyncTarget::describe() const
{
    return m_store.describe();
}

bool KvSyncTarget::matches(const QByteArray& current, const QByteArray& expected) const
{
    return current == expected;
}

Result<QVector<SyncTarget::Value>> KvSyncTarget::read(const QStringList& locations)
{
    QVector<Value> out;
    out.reserve(locations.size());
    const qsizetype batch = 500;
    for (qsizetype start = 0; start < locations.size(); start += batch) {
        const qsizetype end = std::min(locations.size(), start + batch);
        QVector<KvCommand> commands;
        for (qsizetype i = start; i < end; ++i) {
            const QByteArray key = locations[i].toUtf8();
            commands << KvCommand{"GET", key} << KvCommand{"PTTL", key};
        }
        auto replies = waitFor(m_store, m_store.execute(std::move(commands)));
        if (!replies)
            return replies.error();
        for (qsizetype i = start; i < end; ++i) {
            const KvReply& get = replies.value().value((i - start) * 2);
            const KvReply& pttl = replies.value().value((i - start) * 2 + 1);
            if (get.isError())
                return makeError(
                    QStringLiteral("kv.reply"),
                    QStringLiteral("GET %1 on %2 failed: %3")
                        .arg(locations[i], m_store.describe(), QString::fromUtf8(get.bytes)));
            Value v;
            v.exists = get.type == KvReply::Type::String;
            v.bytes = get.bytes;
            if (pttl.type == KvReply::Type::Integer)
                v.ttl = pttl.integer < 0 ? qint64(-1) : (pttl.integer + 999) / 1000;
            out.append(std::move(v));
        }
    }
    return out;
}

Result<void> KvSyncTarget::write(const QVector<Write>& writes)
{
    QVector<KvCommand> commands;
    commands.reserve(writes.size());
    for (const Write& w : writes) {
        const QByteArray key = w.location.toUtf8();
        if (!w.bytes)
            commands << KvCommand{"DEL", key};
        else if (w.ttl && *w.ttl > 0)
            commands << KvCommand{"SET", key, *w.bytes, "EX", QByteArray::number(*w.ttl)};
        else
            commands << KvCommand{"SET", key, *w.bytes};
    }
    auto replies = waitFor(m_store, m_store.execute(std::move(commands)));
    if (!replies)
        return replies.error();
    for (qsizetype i = 0; i < replies.value().size(); ++i) {
        if (replies.value()[i].isError())
            return makeError(QStringLiteral("kv.write"),
                             QStringLiteral("writing %1 on %2 failed: %3")
                                 .arg(writes.value(i).location, m_store.describe(),
                                      QString::fromUtf8(replies.value()[i].bytes)));
    }
    return {};
}

} // namespace pmkv
