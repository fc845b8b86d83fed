#include "kv/keyscanner.h"

#include <QPromise>
#include <QSet>

#include <algorithm>
#include <memory>

namespace pmkv {

namespace {

struct ScanState
{
    KvStore* store = nullptr;
    KeyScanner::Options options;
    QPromise<Result<QList<QByteArray>>> promise;
    QList<QByteArray> keys;
    QSet<QByteArray> seen;
    qint64 calls = 0;
};

void finishWith(const std::shared_ptr<ScanState>& state, Result<QList<QByteArray>> result)
{
    state->promise.addResult(std::move(result));
    state->promise.finish();
}

void nextPage(std::shared_ptr<ScanState> state, QByteArray cursor)
{
    if (state->promise.isCanceled()) {
        state->promise.finish();
        return;
    }
    const KvCommand scan = KeyScanner::command(cursor, state->options);
    state->store->execute({scan}).then([state](const Result<KvStore::Replies>& result) {
        ++state->calls;
        if (!result) {
            finishWith(state, result.error());
            return;
        }
        const QString where = state->store->describe();
        if (result.value().size() != 1) {
            finishWith(state, makeError(QStringLiteral("scan-protocol"),
                                        QStringLiteral("%1 answered SCAN with %2 replies")
                                            .arg(where)
                                            .arg(result.value().size())));
            return;
        }
        QList<QByteArray> page;
        auto next = KeyScanner::parsePage(result.value().first(), page, where);
        if (!next) {
            finishWith(state, next.error());
            return;
        }
        for (QByteArray& key : page) {
            if (state->seen.contains(key))
                continue;
            state->seen.insert(key);
            state->keys.append(std::move(key));
            if (state->options.limit >= 0 && state->keys.size() >= state->options.limit) {
                finishWith(state, std::move(state->keys));
                return;
            }
        }
        if (next.value() == "0") {
            finishWith(state, std::move(state->keys));
            return;
        }
        nextPage(state, next.value());
    });
}

} // namespace

KvCommand KeyScanner::command(const QByteArray& cursor, const Options& options)
{
    KvCommand scan{"SCAN", cursor};
    if (!options.match.isEmpty())
        scan << "MATCH" << options.match;
    const int cap = options.maxCount > 0 ? options.maxCount : options.count;
    scan << "COUNT" << QByteArray::number(std::clamp(options.count, 1, std::max(1, cap)));
    if (!options.type.isEmpty())
        scan << "TYPE" << options.type;
    return scan;
}

Result<QByteArray> KeyScanner::parsePage(const KvReply& reply, QList<QByteArray>& keys,
                                         const QString& where)
{
    if (reply.isError()) {
        return makeError(
            QStringLiteral("scan-refused"),
            QStringLiteral("%1 refused SCAN: %2").arg(where, QString::fromUtf8(reply.bytes)));
    }
    if (reply.type != KvReply::Type::Array || reply.elements.size() != 2 ||
        reply.elements.at(1).type != KvReply::Type::Array) {
        return makeError(QStringLiteral("scan-protocol"),
                         QStringLiteral("%1 answered SCAN with something that is not "
                                        "[cursor, [keys]]")
                             .arg(where));
    }
    const KvReply& cursor = reply.elements.at(0);
    QByteArray next =
        cursor.type == KvReply::Type::Integer ? QByteArray::number(cursor.integer) : cursor.bytes;
    if (next.isEmpty())
        next = "0";
    for (const KvReply& key : reply.elements.at(1).elements)
        keys.append(key.bytes);
    return next;
}

QFuture<Result<QList<QByteArray>>> KeyScanner::scanAll(KvStore* store, Options options)
{
    auto state = std::make_shared<ScanState>();
    state->store = store;
    state->options = std::move(options);
    state->promise.start();
    QFuture<Result<QList<QByteArray>>> future = state->promise.future();
    if (!store->capabilities().canScan) {
        finishWith(state, makeError(QStringLiteral("scan-not-allowed"),
                                    QStringLiteral("%1: these credentials may not SCAN (an Upstash "
                                                   "read-only token). Browse through the key "
                                                   "layout's list keys instead, or use a token "
                                                   "that may scan.")
                                        .arg(store->describe())));
        return future;
    }
    nextPage(state, "0");
    return future;
}

} // namespace pmkv
