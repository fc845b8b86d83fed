// libFuzzer target for pmkv-proxy's response path: what Redis sends (any bytes, taken as a
// RESP stream, fed in pieces the input chooses) -> RespSizeGuard -> hiredis's reader ->
// KvReply -> ReplyJson (base64 and plain) -> the HTTP head. Beyond "no crash, no leak, no UB"
// it aborts when a property fails:
// * no string the reader builds behind the guard is longer than the limit;
// * under the limit the guard changes nothing: a stream whose strings all fit parses to the
//   same replies with or without it;
// * a base64 answer decodes back to the bytes of the reply.
#include "kv/kvreply.h"
#include "proxy/httpresponse.h"
#include "proxy/replyjson.h"
#include "redis/hiredisreply.h"
#include "redis/respsizeguard.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <cstdint>
#include <cstdlib>

using namespace pmkv;

namespace {

constexpr qint64 kLimit = 64;

qint64 longestString(const KvReply& reply)
{
    qint64 longest = reply.type == KvReply::Type::String ? reply.bytes.size() : 0;
    for (const KvReply& e : reply.elements)
        longest = qMax(longest, longestString(e));
    return longest;
}

// Every reply in the stream (until the reader wants more bytes or fails), fed in pieces.
QVector<KvReply> parse(const char* bytes, qsizetype n, qsizetype piece, RespSizeGuard* guard)
{
    QVector<KvReply> replies;
    redisReader* reader = redisReaderCreate();
    QByteArray passed;
    bool failed = false;
    for (qsizetype pos = 0; pos < n && !failed; pos += piece) {
        const qsizetype take = qMin(piece, n - pos);
        passed.clear();
        if (guard)
            guard->feed(bytes + pos, take, passed);
        else
            passed = QByteArray(bytes + pos, take);
        if (redisReaderFeed(reader, passed.constData(), size_t(passed.size())) != REDIS_OK)
            break;
        for (;;) {
            void* reply = nullptr;
            if (redisReaderGetReply(reader, &reply) != REDIS_OK) {
                failed = true;
                break;
            }
            if (!reply)
                break;
            replies.append(HiredisReply::convert(static_cast<redisReply*>(reply)));
            freeReplyObject(reply);
        }
    }
    redisReaderFree(reader);
    return replies;
}

void checkAnswer(const KvReply& reply)
{
    const QByteArray plain = ReplyJson::envelope(reply, false);
    const QByteArray base64 = ReplyJson::envelope(reply, true);
    (void)HttpResponse::head(200, plain.size(), {{"upstash-sync-token", "x-1"}}, true);
    if (reply.type != KvReply::Type::String)
        return;
    const QJsonObject o = QJsonDocument::fromJson(base64).object();
    if (QByteArray::fromBase64(o.value(QStringLiteral("result")).toString().toLatin1()) !=
        reply.bytes)
        abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype piece = 1 + data[0] % 64;
    const char* bytes = reinterpret_cast<const char*>(data + 1);
    const qsizetype n = qsizetype(size - 1);

    RespSizeGuard guard(kLimit);
    const QVector<KvReply> guarded = parse(bytes, n, piece, &guard);
    for (const KvReply& reply : guarded) {
        if (longestString(reply) > kLimit)
            abort(); // a string over the limit got past the guard
        checkAnswer(reply);
    }
    const QVector<KvReply> plain = parse(bytes, n, piece, nullptr);
    bool fits = true;
    for (const KvReply& reply : plain)
        fits = fits && longestString(reply) <= kLimit;
    if (fits && guard.dropped() == 0 && plain.size() <= guarded.size()) {
        for (qsizetype i = 0; i < plain.size(); ++i) {
            if (!(plain.at(i) == guarded.at(i)))
                abort(); // the guard changed a reply it had no reason to touch
        }
    }
    return 0;
}
