#include "redis/clustertransaction.h"

#include "kv/commandallowlist.h"
#include "kv/hashslot.h"
#include "redis/clustercommand.h"
#include "redis/clusterredirect.h"
#include "redis/clusterrouter.h"
#include "redis/redisclient.h"
#include "redis/redistransaction.h"

#include <QTimer>

namespace pmkv {

namespace {

constexpr int kMaxAttempts = 32;

// The first key of another slot than the first key's, for the refusal; -1 when one slot.
Result<int> commonSlot(const QVector<KvCommand>& batch)
{
    QByteArray firstKey;
    int slot = -1;
    for (const KvCommand& command : batch) {
        for (const QByteArray& key : ClusterCommand::keysOf(command)) {
            const int s = HashSlot::of(key);
            if (slot < 0) {
                slot = s;
                firstKey = key;
            } else if (s != slot) {
                return makeError(
                    QStringLiteral("redis-crossslot"),
                    QStringLiteral("The transaction names keys in different hash slots (%1 in "
                                   "slot %2, %3 in slot %4): a Redis Cluster runs MULTI/EXEC "
                                   "on one node, so all its keys must share one slot. Give "
                                   "them a common hash tag ({...}) or write them apart.")
                        .arg(QString::fromUtf8(firstKey))
                        .arg(slot)
                        .arg(QString::fromUtf8(key))
                        .arg(s));
            }
        }
    }
    return qMax(0, slot);
}

} // namespace

void ClusterTransaction::run(ClusterRouter& router, QVector<KvCommand> batch, Done done)
{
    const Result<int> slot = commonSlot(batch);
    if (!slot) {
        done(slot.error());
        return;
    }
    std::shared_ptr<ClusterTransaction> self(
        new ClusterTransaction(router, std::move(batch), slot.value(), std::move(done)));
    router.whenMapped([self](const Result<void>& mapped) {
        if (!mapped) {
            self->finish(mapped.error());
            return;
        }
        self->attempt();
    });
}

ClusterTransaction::ClusterTransaction(ClusterRouter& router, QVector<KvCommand> batch, int slot,
                                       Done done)
    : m_router(router), m_batch(std::move(batch)), m_slot(slot), m_done(std::move(done))
{
    m_clock.start();
    m_where = m_router.describe();
}

ClusterTransaction::~ClusterTransaction()
{
    if (!m_finished)
        m_done(makeError(QStringLiteral("redis-closed"),
                         QStringLiteral("The connection to %1 was closed before the cluster "
                                        "answered.")
                             .arg(m_where)));
}

void ClusterTransaction::attempt()
{
    if (m_router.isClosing()) {
        finish(makeError(QStringLiteral("redis-closed"),
                         QStringLiteral("The connection to %1 was closed.").arg(m_where)));
        return;
    }
    RedisClient* client = m_router.clientForSlot(m_slot);
    if (!client) {
        m_router.refresh();
        later(makeError(QStringLiteral("redis-execabort"),
                        QStringLiteral("CLUSTERDOWN Hash slot %1 not served").arg(m_slot)));
        return;
    }
    const ClusterRouter::SendMark mark = m_router.mark(client);
    if (!CommandAllowList::allReadOnly(m_batch)) {
        m_writtenTo = m_router.map().masters().at(m_router.map().masterOf(m_slot));
        m_router.noteWrite(m_writtenTo);
    }
    RedisTransaction::send(*client, m_batch,
                           [self = shared_from_this(), mark](const Result<QVector<KvReply>>& result,
                                                             const QVector<KvReply>& queued) {
                               const bool left =
                                   !self->m_router.isClosing() && self->m_router.mayHaveLeft(mark);
                               self->onResult(result, queued, left);
                           });
}

void ClusterTransaction::onResult(const Result<QVector<KvReply>>& result,
                                  const QVector<KvReply>& queued, bool mayHaveLeft)
{
    if (result || m_router.isClosing()) {
        // As a batch: the answer waits until the master's replicas have what it wrote, so
        // that a failover cannot lose an edit the caller saw succeed (and, reading replicas,
        // they may be read again).
        const int replicas = m_router.map().replicasOf(m_writtenTo);
        if (!result || replicas == 0 || m_router.isClosing()) {
            finish(result);
            return;
        }
        m_router.confirmWrites(m_writtenTo, replicas, QStringLiteral("the writes of a transaction"),
                               [self = shared_from_this(), result](const Result<void>& waited) {
                                   if (waited)
                                       self->finish(result);
                                   else
                                       self->finish(waited.error());
                               });
        return;
    }
    if (result.error().code != QLatin1String("redis-execabort")) {
        // The connection failed: only a transaction that cannot have run, or that only
        // reads, is sent again.
        m_router.refresh();
        if (!mayHaveLeft || CommandAllowList::allReadOnly(m_batch)) {
            later(result.error());
            return;
        }
        finish(makeError(QStringLiteral("outcome-unknown"),
                         QStringLiteral("A transaction was sent to the cluster node serving "
                                        "slot %1 and the connection was lost before EXEC "
                                        "answered (%2); whether it ran is unknown, so it was "
                                        "not sent again.")
                             .arg(m_slot)
                             .arg(result.error().message)));
        return;
    }
    // Discarded: was it for a reason the cluster gives (the slot moved, a failover)?
    ClusterRedirect redirect;
    for (const KvReply& reply : queued) {
        redirect = ClusterRedirect::of(reply);
        if (redirect.kind != ClusterRedirect::Kind::None)
            break;
    }
    if (redirect.kind == ClusterRedirect::Kind::Moved && m_attempts < kMaxAttempts) {
        ++m_attempts;
        m_router.assign(redirect.slot, redirect.to);
        m_router.whenMapped([self = shared_from_this()](const Result<void>&) { self->attempt(); });
        return;
    }
    if (redirect.kind != ClusterRedirect::Kind::None) {
        later(result.error()); // ASK (slot migrating), TRYAGAIN, CLUSTERDOWN: wait it out
        return;
    }
    finish(result);
}

void ClusterTransaction::later(const Error& error)
{
    const int pause = ClusterRedirect::backoffMs(m_attempts++);
    if (m_attempts > kMaxAttempts || m_clock.elapsed() + pause > m_router.retryBudgetMs()) {
        finish(error);
        return;
    }
    QTimer::singleShot(pause, &m_router, [self = shared_from_this()] {
        self->m_router.whenMapped([self](const Result<void>&) { self->attempt(); });
    });
}

void ClusterTransaction::finish(const Result<QVector<KvReply>>& result)
{
    m_finished = true;
    m_done(result);
}

} // namespace pmkv
