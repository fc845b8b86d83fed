#include "proxy/proxyexecutor.h"

#include "proxy/replyjson.h"
#include "redis/redisclient.h"

#include <memory>
#include <optional>

namespace pmkv {

namespace {

struct Batch
{
    QVector<KvReply> replies;
    int remaining = 0;
    std::optional<Error> failure;
    ProxyExecutor::Done done;
    bool base64 = false;
};

QByteArray unavailable(const Error& e)
{
    return ReplyJson::error("ERR " + e.message.toUtf8());
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

} // namespace

void ProxyExecutor::run(RedisClient& redis, const ProxyPlan& plan, Done done)
{
    const int n = static_cast<int>(plan.commands.size());
    auto batch = std::make_shared<Batch>();
    batch->done = std::move(done);
    batch->base64 = plan.base64;
    batch->replies.resize(n);

    if (plan.kind == ProxyPlan::Kind::Single) {
        const bool base64 = plan.base64;
        redis.send(plan.commands[0], [batch, base64](const Result<KvReply>& r) {
            if (!r.ok())
                batch->done(503, unavailable(r.error()));
            else if (r.value().isError())
                batch->done(400, ReplyJson::error(r.value().bytes));
            else
                batch->done(200, ReplyJson::envelope(r.value(), base64));
        });
        return;
    }

    if (plan.kind == ProxyPlan::Kind::Pipeline) {
        auto finishOne = [batch] {
            if (--batch->remaining > 0)
                return;
            if (batch->failure)
                batch->done(503, unavailable(*batch->failure));
            else
                batch->done(200, itemsJson(batch->replies, batch->base64));
        };
        batch->remaining = n + 1; // +1 guards against finishing while still sending
        for (int i = 0; i < n; ++i) {
            if (plan.refused.contains(i)) {
                batch->replies[i] = KvReply::error(plan.refused.value(i));
                --batch->remaining;
                continue;
            }
            redis.send(plan.commands[i], [batch, i, finishOne](const Result<KvReply>& r) {
                if (!r.ok()) {
                    if (!batch->failure)
                        batch->failure = r.error();
                } else {
                    batch->replies[i] = r.value();
                }
                finishOne();
            });
        }
        finishOne();
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
        batch->done(200, itemsJson(exec.elements, batch->base64));
    });
}

} // namespace pmkv
