#include "jobs/keycapture.h"

namespace pmkv {

Result<KvStore::Replies> waitFor(KvStore& store, QFuture<Result<KvStore::Replies>> future)
{
    future.waitForFinished();
    if (future.isCanceled() || future.resultCount() == 0)
        return makeError(QStringLiteral("kv.cancelled"),
                         QStringLiteral("the request to %1 was cancelled").arg(store.describe()));
    return future.result();
}

QVector<KvCommand> KeyCapture::commands(const QVector<QByteArray>& keys)
{
    QVector<KvCommand> batch;
    batch.reserve(keys.size() + 1);
    KvCommand mget{QByteArrayLiteral("MGET")};
    for (const QByteArray& key : keys)
        mget.append(key);
    batch.append(mget);
    for (const QByteArray& key : keys)
        batch.append({QByteArrayLiteral("PTTL"), key});
    return batch;
}

Result<QVector<PreviousValue>> KeyCapture::parse(const QVector<QByteArray>& keys,
                                                 const KvStore::Replies& replies)
{
    auto bad = [](const QString& why) {
        return makeError(QStringLiteral("capture.reply"),
                         QStringLiteral("unexpected reply while reading the keys' previous "
                                        "values: %1")
                             .arg(why));
    };
    if (replies.size() != keys.size() + 1)
        return bad(
            QStringLiteral("%1 replies for %2 commands").arg(replies.size()).arg(keys.size() + 1));
    const KvReply& mget = replies.first();
    if (mget.isError())
        return bad(QString::fromUtf8(mget.bytes));
    if (mget.type != KvReply::Type::Array || mget.elements.size() != keys.size())
        return bad(QStringLiteral("MGET did not return one value per key"));
    QVector<PreviousValue> values(keys.size());
    for (int i = 0; i < keys.size(); ++i) {
        const KvReply& value = mget.elements.at(i);
        const KvReply& pttl = replies.at(i + 1);
        if (pttl.isError() || pttl.type != KvReply::Type::Integer)
            return bad(QStringLiteral("PTTL %1: %2")
                           .arg(QString::fromUtf8(keys.at(i)), QString::fromUtf8(pttl.bytes)));
        PreviousValue& out = values[i];
        if (value.type == KvReply::Type::String) {
            out.type = QStringLiteral("string");
            out.value = value.bytes;
            out.pttl = pttl.integer < 0 ? -1 : pttl.integer;
        } else if (pttl.integer == -2) {
            out.type = QStringLiteral("none");
            out.pttl = -1;
        } else {
            out.type = QStringLiteral("?"); // exists, not a string
            out.pttl = pttl.integer < 0 ? -1 : pttl.integer;
        }
    }
    return values;
}

Result<QVector<PreviousValue>> KeyCapture::capture(KvStore& store, const QVector<QByteArray>& keys)
{
    if (keys.isEmpty())
        return QVector<PreviousValue>();
    return complete(store, keys, waitFor(store, store.execute(commands(keys))));
}

Result<QVector<PreviousValue>> KeyCapture::complete(KvStore& store, const QVector<QByteArray>& keys,
                                                    const Result<KvStore::Replies>& replies)
{
    if (!replies)
        return replies.error();
    auto parsed = parse(keys, replies.value());
    if (!parsed)
        return parsed;
    QVector<PreviousValue> values = std::move(parsed).value();
    QVector<int> unknown;
    QVector<KvCommand> types;
    for (int i = 0; i < values.size(); ++i) {
        if (values.at(i).type == QLatin1String("?")) {
            unknown.append(i);
            types.append({QByteArrayLiteral("TYPE"), keys.at(i)});
        }
    }
    if (types.isEmpty())
        return values;
    auto typeReplies = waitFor(store, store.execute(types));
    if (!typeReplies)
        return typeReplies.error();
    for (int j = 0; j < unknown.size() && j < typeReplies.value().size(); ++j) {
        const KvReply& r = typeReplies.value().at(j);
        PreviousValue& v = values[unknown.at(j)];
        v.type = r.isError() ? QStringLiteral("unknown") : QString::fromUtf8(r.bytes);
        if (v.type == QLatin1String("none")) // deleted in between
            v.pttl = -1;
    }
    return values;
}

} // namespace pmkv
