#include "redis/redistransaction.h"

#include "redis/redisclient.h"

#include <memory>
#include <optional>

namespace pmkv {

void RedisTransaction::send(RedisClient& client, const QVector<KvCommand>& commands, Done done)
{
    struct State
    {
        QVector<KvReply> queued;
        std::optional<Error> failure;
    };
    const int n = int(commands.size());
    auto state = std::make_shared<State>();
    state->queued.resize(n);
    auto onQueued = [state](int i) {
        return [state, i](const Result<KvReply>& r) {
            if (!r.ok()) {
                if (!state->failure)
                    state->failure = r.error();
            } else if (i >= 0) {
                state->queued[i] = r.value();
            }
        };
    };
    client.send({QByteArrayLiteral("MULTI")}, onQueued(-1));
    for (int i = 0; i < n; ++i)
        client.send(commands.at(i), onQueued(i));
    client.send({QByteArrayLiteral("EXEC")}, [state, n,
                                              done = std::move(done)](const Result<KvReply>& r) {
        // EXEC's reply comes last: every queued reply is in by now.
        if (state->failure || !r.ok()) {
            done(state->failure ? *state->failure : r.error(), state->queued);
            return;
        }
        const KvReply& exec = r.value();
        if (exec.isError()) {
            QString text = QString::fromUtf8(exec.bytes);
            for (const KvReply& q : std::as_const(state->queued)) {
                if (q.isError()) {
                    text += QStringLiteral(" (") + QString::fromUtf8(q.bytes) + QStringLiteral(")");
                    break;
                }
            }
            done(makeError(QStringLiteral("redis-execabort"), text), state->queued);
            return;
        }
        if (exec.type != KvReply::Type::Array || exec.elements.size() != n) {
            done(makeError(QStringLiteral("redis-execabort"),
                           QStringLiteral("The transaction was aborted (EXEC answered nil).")),
                 state->queued);
            return;
        }
        done(exec.elements, state->queued);
    });
}

} // namespace pmkv
