#include "proxy/proxyexecutor.h"

#include "core/jsonstring.h"
#include "proxy/replyjson.h"
#include "redis/redisclient.h"

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

    void succeed(QByteArray json)
    {
        if (json.size() > limit)
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
} // namespace

void ProxyExecutor::run(RedisClient& redis, const ProxyPlan& plan, qsizetype maxResponse, Done done)
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
        const bool base64 = plan.base64;
        redis.send(plan.commands[0], [batch, base64](const Result<KvReply>& r) {
            if (!r.ok())
                batch->done(503, unavailable(r.error()));
            else if (r.value().isError())
                batch->done(400, ReplyJson::error(r.value().bytes));
            else
                batch->succeed(ReplyJson::envelope(r.value(), base64));
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
        batch->succeed(itemsJson(exec.elements, batch->base64));
    });
}

} // namespace pmkv
