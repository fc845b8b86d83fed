#include "jobs/keycapture.h"

#include <optional>

namespace pmkv {

namespace {

constexpr qint64 kTtlToRead = -3;

} // namespace

qint64 KeyCapture::serverTimeMs(const KvReply& time)
{
    if (time.type != KvReply::Type::Array || time.elements.size() != 2)
        return 0;
    bool secondsOk = false;
    bool microsOk = false;
    const qint64 seconds = time.elements.at(0).bytes.toLongLong(&secondsOk);
    const qint64 micros = time.elements.at(1).bytes.toLongLong(&microsOk);
    return secondsOk && microsOk ? seconds * 1000 + micros / 1000 : 0;
}

qint64 KeyCapture::serverTimeMs(KvStore& store)
{
    auto answer = waitFor(store, store.execute({{QByteArrayLiteral("TIME")}}));
    return answer && !answer.value().isEmpty() ? serverTimeMs(answer.value().constFirst()) : 0;
}

QVector<KvCommand> KeyCapture::commands(const QVector<QByteArray>& keys)
{
    KvCommand mget{QByteArrayLiteral("MGET")};
    KvCommand exists{QByteArrayLiteral("EXISTS")};
    for (const QByteArray& key : keys) {
        mget.append(key);
        exists.append(key);
    }
    return {mget, exists};
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
    if (replies.size() != 2)
        return bad(QStringLiteral("%1 replies for 2 commands").arg(replies.size()));
    const KvReply& mget = replies.at(0);
    const KvReply& exists = replies.at(1);
    if (mget.isError())
        return bad(QString::fromUtf8(mget.bytes));
    if (mget.type != KvReply::Type::Array || mget.elements.size() != keys.size())
        return bad(QStringLiteral("MGET did not return one value per key"));
    if (exists.type != KvReply::Type::Integer)
        return bad(QStringLiteral("EXISTS: ") + QString::fromUtf8(exists.bytes));
    QVector<PreviousValue> values(keys.size());
    qint64 strings = 0;
    for (int i = 0; i < keys.size(); ++i) {
        const KvReply& value = mget.elements.at(i);
        if (value.type == KvReply::Type::String) {
            values[i].type = QStringLiteral("string");
            values[i].value = value.bytes;
            values[i].pttl = kTtlToRead;
            ++strings;
        }
    }
    // Every key that exists is a string (the usual case): the others are absent. Otherwise
    // some of the nil ones exist with another type, and complete() asks which.
    const bool othersAbsent = exists.integer == strings;
    for (PreviousValue& v : values) {
        if (v.isString())
            continue;
        v.type = othersAbsent ? QStringLiteral("none") : QStringLiteral("?");
        v.pttl = othersAbsent ? -1 : kTtlToRead;
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
    // Second round, only for keys that exist: their TTL, and the type of non-strings.
    QVector<int> asked;
    QVector<KvCommand> more;
    for (int i = 0; i < values.size(); ++i) {
        if (values.at(i).pttl != kTtlToRead)
            continue;
        asked.append(i);
        more.append({QByteArrayLiteral("PTTL"), keys.at(i)});
        if (!values.at(i).isString())
            more.append({QByteArrayLiteral("TYPE"), keys.at(i)});
    }
    if (more.isEmpty())
        return values;
    // The key space's clock next to the PTTLs (Redis runs a pipeline's commands back to
    // back): expiries as moments, however long the answers take to come back.
    more.append({QByteArrayLiteral("TIME")});
    auto answers = waitFor(store, store.execute(more));
    if (!answers)
        return answers.error();
    const qint64 serverNow = serverTimeMs(answers.value().constLast());
    int r = 0;
    for (int i : asked) {
        PreviousValue& v = values[i];
        const KvReply pttl = answers.value().value(r++);
        if (pttl.isError() || pttl.type != KvReply::Type::Integer)
            return makeError(
                QStringLiteral("capture.reply"),
                QStringLiteral("PTTL %1: %2")
                    .arg(QString::fromUtf8(keys.at(i)), QString::fromUtf8(pttl.bytes)));
        v.pttl = pttl.integer < 0 ? -1 : pttl.integer;
        v.expireAtMs = v.pttl > 0 && serverNow > 0 ? serverNow + v.pttl : 0;
        if (!v.isString()) {
            const KvReply type = answers.value().value(r++);
            v.type = type.isError() ? QStringLiteral("unknown") : QString::fromUtf8(type.bytes);
            if (v.type == QLatin1String("none")) // deleted in between
                v.pttl = -1;
        }
    }
    return values;
}

Result<QVector<PreviousValue>> KeyCapture::captureAll(KvStore& store,
                                                      const QVector<QByteArray>& keys,
                                                      int batchKeys, const std::atomic_bool* stop)
{
    const qsizetype step = qMax(1, batchKeys);
    QVector<PreviousValue> values;
    values.reserve(keys.size());
    auto send = [&](qsizetype from) { return store.execute(commands(keys.mid(from, step))); };
    std::optional<QFuture<Result<KvStore::Replies>>> next;
    if (!keys.isEmpty())
        next = send(0);
    for (qsizetype from = 0; next; from += step) {
        QFuture<Result<KvStore::Replies>> current = std::move(*next);
        next.reset();
        const bool stopped = stop && stop->load();
        if (from + step < keys.size() && !stopped)
            next = send(from + step);
        auto batch = complete(store, keys.mid(from, step), waitFor(store, current));
        if (!batch || stopped) {
            if (next)
                (void)waitFor(store, *next);
            if (!batch)
                return batch.error();
            return makeError(
                QStringLiteral("capture.stopped"),
                QStringLiteral("reading keys of %1 was stopped").arg(store.describe()));
        }
        values += std::move(batch).value();
    }
    return values;
}

} // namespace pmkv
