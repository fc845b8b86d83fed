#include "proxy/proxyexecutor.h"

#include "core/jsonstring.h"
#include "kv/kvstore.h"
#include "proxy/replyjson.h"
#include "redis/redisclient.h"
#include "redis/respsizeguard.h"

#include <QPointer>
#include <QThreadPool>

#include <algorithm>
#include <memory>
#include <optional>

namespace pmkv {

namespace {

QByteArray unavailable(const Error& e)
{
    return ReplyJson::error("ERR " + e.message.toUtf8());
}

QByteArray tooLarge(qsizetype limit)
{
    return ReplyJson::error("ERR max response size exceeded: the answer is over " +
                            QByteArray::number(limit) +
                            " bytes (pmkv-proxy --max-response); ask for fewer or smaller "
                            "values per request");
}

QByteArray itemsJson(const QVector<KvReply>& replies, bool base64)
{
    qsizetype size = 2;
    for (const KvReply& r : replies)
        size += r.bytes.size() * 4 / 3 + 16;
    QByteArray out;
    out.reserve(size);
    out.append('[');
    for (qsizetype i = 0; i < replies.size(); ++i) {
        if (i)
            out.append(',');
        ReplyJson::appendEnvelope(out, replies[i], base64);
    }
    out.append(']');
    return out;
}

struct Batch
{
    std::optional<Error> failure;
    ProxyExecutor::Done done;
    bool base64 = false;
    qsizetype limit = 0;

    void succeed(QByteArray json, bool overLimit = false)
    {
        if (overLimit || json.size() > limit)
            done(400, tooLarge(limit));
        else
            done(200, std::move(json));
    }
};

// A pipeline's answer is written as its replies arrive (they come in order), so encoding
// overlaps with Redis still sending, and no reply is kept after it is written.
struct PipelineAnswer
{
    QByteArray json;
    int next = 0; // the first item not yet in `json`
    int total = 0;
    int remaining = 0;
    qsizetype limit = 0;
    bool overLimit = false; // json was dropped: the answer is refused
    std::optional<Error> failure;
    ProxyExecutor::Done done;
    bool base64 = false;
    QHash<int, QByteArray> refused;

    void appendRefusedUpTo(int end)
    {
        for (; next < end && !overLimit; ++next) {
            json.append(next ? ",{\"error\":" : "{\"error\":", next ? 10 : 9);
            appendJsonString(json, refused.value(next));
            json.append('}');
            checkLimit();
        }
    }
    void append(int i, const KvReply& reply)
    {
        appendRefusedUpTo(i);
        if (ProxyExecutor::isTooLarge(reply) && !overLimit) {
            overLimit = true;
            json = QByteArray();
        }
        if (overLimit)
            return;
        if (i)
            json.append(',');
        ReplyJson::appendEnvelope(json, reply, base64);
        next = i + 1;
        checkLimit();
        if (!overLimit)
            reserveAhead();
    }
    void checkLimit()
    {
        if (json.size() > limit) {
            overLimit = true;
            json = QByteArray(); // frees it now, the rest of the replies are only counted
        }
    }
    // Grows the answer by an estimate of what is still to come (the average item so far
    // times the items left), so a large answer is copied once instead of at every doubling.
    void reserveAhead()
    {
        const qsizetype maxAhead = qMin<qsizetype>(64 * 1024 * 1024, limit - json.size() + 1);
        const qsizetype average = json.size() / next + 1;
        const qsizetype left = json.capacity() - json.size();
        if (left >= 2 * average)
            return;
        const qsizetype ahead = qMin(average * (total - next + 1) * 9 / 8, maxAhead);
        if (ahead > left)
            json.reserve(json.size() + ahead);
    }
    void finishOne()
    {
        if (--remaining > 0)
            return;
        if (failure) {
            done(503, unavailable(*failure));
            return;
        }
        appendRefusedUpTo(total);
        if (overLimit) {
            done(400, tooLarge(limit));
            return;
        }
        json.append(']');
        done(200, std::move(json));
    }
};

void runPipeline(RedisClient& redis, const ProxyPlan& plan, qsizetype maxResponse,
                 ProxyExecutor::Done done)
{
    constexpr int flushEvery = 128;
    const int n = static_cast<int>(plan.commands.size());
    auto answer = std::make_shared<PipelineAnswer>();
    answer->done = std::move(done);
    answer->base64 = plan.base64;
    answer->refused = plan.refused;
    answer->total = n;
    answer->limit = maxResponse;
    answer->json.reserve(qsizetype(n) * 64 + 2);
    answer->json.append('[');
    answer->remaining = n + 1; // +1 guards against finishing while still sending
    for (int i = 0; i < n; ++i) {
        if (plan.refused.contains(i)) {
            --answer->remaining;
            continue;
        }
        // Redis starts on the first commands while the rest are still being formatted.
        if (i > 0 && i % flushEvery == 0)
            redis.flush();
        redis.send(plan.commands[i], [answer, i](const Result<KvReply>& r) {
            if (!r.ok()) {
                if (!answer->failure)
                    answer->failure = r.error();
            } else if (!answer->failure) {
                answer->append(i, r.value());
            }
            answer->finishOne();
        });
    }
    answer->finishOne();
}
// Reads a string value only if it is not over ARGV[1] bytes (otherwise: its size, an
// integer, which the command itself never answers); then runs the command (ARGV[2], key,
// ARGV[3...]). pcall: an error (a key of another type) comes back as the command's own.
const QByteArray kSizedRead = "local n = redis.pcall('STRLEN', KEYS[1]) "
                              "if type(n) == 'number' and n > tonumber(ARGV[1]) then return n end "
                              "return redis.pcall(ARGV[2], KEYS[1], unpack(ARGV, 3))";

bool isSizedRead(const KvCommand& command)
{
    const QByteArray name = command.value(0).toUpper();
    return command.size() >= 2 && (name == "GET" || name == "GETEX" || name == "GETDEL");
}

void answerSingle(const std::shared_ptr<Batch>& batch, const Result<KvReply>& r)
{
    if (!r.ok())
        batch->done(503, unavailable(r.error()));
    else if (ProxyExecutor::isTooLarge(r.value()))
        batch->done(400, tooLarge(batch->limit));
    else if (r.value().isError())
        batch->done(400, ReplyJson::error(r.value().bytes));
    else
        batch->succeed(ReplyJson::envelope(r.value(), batch->base64));
}

// A large value: read on the bulk connection, encoded on the thread pool, answered back on
// the event loop (the bulk client is the context: gone, the answer is dropped).
void runLarge(RedisClient& bulk, const KvCommand& command, const std::shared_ptr<Batch>& batch)
{
    bulk.open();
    QPointer<RedisClient> context(&bulk);
    bulk.send(command, [batch, context](const Result<KvReply>& r) {
        if (!r.ok() || r.value().isError() || ProxyExecutor::isTooLarge(r.value())) {
            answerSingle(batch, r);
            return;
        }
        QThreadPool::globalInstance()->start([batch, context, reply = r.value()] {
            QByteArray json = ReplyJson::envelope(reply, batch->base64);
            if (!context)
                return;
            QMetaObject::invokeMethod(
                context.data(),
                [batch, json = std::move(json)]() mutable { batch->succeed(std::move(json)); },
                Qt::QueuedConnection);
        });
    });
}

} // namespace

bool ProxyExecutor::isTooLarge(const KvReply& reply)
{
    return reply.isError() && reply.bytes.startsWith(RespSizeGuard::tooLargeMarker());
}

void ProxyExecutor::run(RedisClient& redis, RedisClient& bulk, const ProxyPlan& plan,
                        qsizetype maxResponse, Done done)
{
    if (plan.kind == ProxyPlan::Kind::Pipeline) {
        runPipeline(redis, plan, maxResponse, std::move(done));
        return;
    }
    const int n = static_cast<int>(plan.commands.size());
    auto batch = std::make_shared<Batch>();
    batch->done = std::move(done);
    batch->base64 = plan.base64;
    batch->limit = maxResponse;

    if (plan.kind == ProxyPlan::Kind::Single) {
        const KvCommand& command = plan.commands[0];
        if (!isSizedRead(command)) {
            redis.send(command, [batch](const Result<KvReply>& r) { answerSingle(batch, r); });
            return;
        }
        KvCommand sized{QByteArrayLiteral("EVAL"),
                        kSizedRead,
                        QByteArrayLiteral("1"),
                        command.at(1),
                        QByteArray::number(ProxyExecutor::largeAnswerBytes),
                        command.at(0)};
        sized += command.mid(2);
        QPointer<RedisClient> bulkClient(&bulk);
        redis.send(sized, [batch, command, bulkClient, &redis](const Result<KvReply>& r) {
            if (r.ok() && r.value().type == KvReply::Type::Integer) {
                // Only the size came back: the value is large.
                if (r.value().integer > batch->limit)
                    batch->done(400, tooLarge(batch->limit));
                else if (bulkClient)
                    runLarge(*bulkClient, command, batch);
                else
                    batch->done(503, ReplyJson::error("ERR the proxy is shutting down"));
                return;
            }
            // Scripts refused (an ACL, a server without them): the command as it is; the
            // connection's guard still keeps a value over the limit out of memory.
            if (r.ok() && r.value().isError() &&
                (r.value().bytes.startsWith("NOPERM") ||
                 r.value().bytes.startsWith("ERR unknown"))) {
                redis.send(command,
                           [batch](const Result<KvReply>& plain) { answerSingle(batch, plain); });
                return;
            }
            answerSingle(batch, r);
        });
        return;
    }

    // Transaction: MULTI, the commands, EXEC, written back to back.
    auto queued = std::make_shared<QVector<KvReply>>(n);
    auto onQueued = [batch, queued](int i) {
        return [batch, queued, i](const Result<KvReply>& r) {
            if (!r.ok()) {
                if (!batch->failure)
                    batch->failure = r.error();
            } else if (i >= 0) {
                (*queued)[i] = r.value();
            }
        };
    };
    redis.send({QByteArrayLiteral("MULTI")}, onQueued(-1));
    for (int i = 0; i < n; ++i)
        redis.send(plan.commands[i], onQueued(i));
    redis.send({QByteArrayLiteral("EXEC")}, [batch, queued, n](const Result<KvReply>& r) {
        if (batch->failure || !r.ok()) {
            batch->done(503, unavailable(batch->failure ? *batch->failure : r.error()));
            return;
        }
        const KvReply& exec = r.value();
        if (exec.isError()) {
            QByteArray text = exec.bytes;
            for (const KvReply& q : *queued) {
                if (q.isError()) {
                    text += ": " + q.bytes;
                    break;
                }
            }
            batch->done(400, ReplyJson::error(text));
            return;
        }
        if (exec.type != KvReply::Type::Array || exec.elements.size() != n) {
            batch->done(400, ReplyJson::error("EXECABORT Transaction discarded"));
            return;
        }
        const bool overLimit =
            std::any_of(exec.elements.cbegin(), exec.elements.cend(), &ProxyExecutor::isTooLarge);
        batch->succeed(overLimit ? QByteArray() : itemsJson(exec.elements, batch->base64),
                       overLimit);
    });
}

void ProxyExecutor::runOnCluster(KvStore& cluster, const ProxyPlan& plan, qsizetype maxResponse,
                                 Done done)
{
    auto batch = std::make_shared<Batch>();
    batch->done = std::move(done);
    batch->base64 = plan.base64;
    batch->limit = maxResponse;
    // The commands to send, and where each reply goes in the answer (refused ones are not sent).
    QVector<KvCommand> commands;
    QVector<int> positions;
    for (int i = 0; i < plan.commands.size(); ++i) {
        if (!plan.refused.contains(i)) {
            commands.append(plan.commands.at(i));
            positions.append(i);
        }
    }
    const ProxyPlan::Kind kind = plan.kind;
    const int total = int(plan.commands.size());
    const QHash<int, QByteArray> refused = plan.refused;
    if (kind == ProxyPlan::Kind::Transaction) {
        cluster.executeAtomic(commands).then(&cluster, [batch](const Result<KvStore::Replies>& r) {
            if (r.ok()) {
                batch->succeed(itemsJson(r.value(), batch->base64));
            } else if (r.error().code == QLatin1String("redis-crossslot")) {
                batch->done(400, ReplyJson::error("CROSSSLOT Keys in request don't hash to the "
                                                  "same slot"));
            } else if (r.error().code == QLatin1String("redis-execabort")) {
                batch->done(400, ReplyJson::error(r.error().message.toUtf8()));
            } else {
                batch->done(503, unavailable(r.error()));
            }
        });
        return;
    }
    cluster.execute(commands).then(
        &cluster, [batch, kind, total, positions, refused](const Result<KvStore::Replies>& r) {
            if (!r.ok()) {
                batch->done(503, unavailable(r.error()));
                return;
            }
            if (kind == ProxyPlan::Kind::Single) {
                answerSingle(batch, r.value().value(0));
                return;
            }
            QVector<KvReply> answers(total);
            for (auto it = refused.cbegin(); it != refused.cend(); ++it)
                answers[it.key()] = KvReply::error(it.value());
            for (int k = 0; k < positions.size(); ++k)
                answers[positions.at(k)] = r.value().value(k);
            batch->succeed(itemsJson(answers, batch->base64));
        });
}

} // namespace pmkv
