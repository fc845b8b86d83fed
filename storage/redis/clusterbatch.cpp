#include "redis/clusterbatch.h"

#include "core/logging.h"
#include "kv/commandallowlist.h"
#include "redis/clusterredirect.h"
#include "redis/clusterrouter.h"
#include "redis/clusterscancursor.h"
#include "redis/redisclient.h"

#include <QTimer>

#include <utility>

namespace pmkv {

namespace {

// A command bounced between nodes this often is answered with its last redirection.
constexpr int kMaxRedirects = 16;

// Reads only, outside any transaction: what a replica may serve without reordering a write.
bool mayReadReplicas(const QVector<KvCommand>& batch)
{
    for (const KvCommand& command : batch) {
        const QByteArray name = command.value(0).toUpper();
        if (!CommandAllowList::isReadOnly(command) || name == "MULTI" || name == "EXEC" ||
            name == "WATCH")
            return false;
    }
    return true;
}

// A replica's answer that the master is to give instead: the slot is not its master's (MOVED,
// ASK), or it cannot serve now (LOADING, MASTERDOWN with replica-serve-stale-data no ...).
bool masterShouldAnswer(const KvReply& reply)
{
    return reply.isError() && (ClusterRedirect::of(reply).kind != ClusterRedirect::Kind::None ||
                               reply.bytes.startsWith("MASTERDOWN"));
}

} // namespace

void ClusterBatch::run(ClusterRouter& router, QVector<KvCommand> batch, Done done)
{
    std::shared_ptr<ClusterBatch> self(new ClusterBatch(router, std::move(batch), std::move(done)));
    router.whenMapped([self](const Result<void>& mapped) {
        if (!mapped) {
            self->m_finished = true;
            self->m_done(mapped.error());
            return;
        }
        self->plan();
    });
}

ClusterBatch::ClusterBatch(ClusterRouter& router, QVector<KvCommand> batch, Done done)
    : m_router(router), m_batch(std::move(batch)), m_done(std::move(done))
{
    m_clock.start();
    m_where = m_router.describe();
}

ClusterBatch::~ClusterBatch()
{
    // Only when the router went away with a retry still waiting on one of its timers.
    if (!m_finished)
        m_done(makeError(QStringLiteral("redis-closed"),
                         QStringLiteral("The connection to %1 was closed before the cluster "
                                        "answered.")
                             .arg(m_where)));
}

void ClusterBatch::plan()
{
    m_replicaReads = m_router.readsFromReplicas() && mayReadReplicas(m_batch);
    m_partsOf.resize(m_batch.size());
    m_planned.resize(m_batch.size());
    for (int i = 0; i < m_batch.size(); ++i)
        addParts(i);
    m_partReplies.resize(m_parts.size());
    m_unsettled = int(m_parts.size());
    if (m_unsettled == 0) {
        finish();
        return;
    }
    for (int p = 0; p < m_parts.size(); ++p)
        dispatch(p);
    if (m_replicaReads)
        m_router.refreshReplicasNowAndThen(); // for the next batch
}

void ClusterBatch::addParts(int index)
{
    const KvCommand& command = m_batch.at(index);
    auto add = [this, index](ClusterCommand::Part piece, bool scan, bool replica = false) {
        m_partsOf[index].append(int(m_parts.size()));
        m_parts.append(Part{index, std::move(piece), scan, replica, std::nullopt, 0, 0});
    };
    const ClusterSlotMap& map = m_router.map();
    switch (ClusterCommand::spreadOf(command)) {
    case ClusterCommand::Spread::KeysBySlot:
    case ClusterCommand::Spread::PairsBySlot:
        for (ClusterCommand::Part& piece : ClusterCommand::splitBySlot(command))
            add(std::move(piece), false, m_replicaReads);
        break;
    case ClusterCommand::Spread::EveryMaster:
        // Each master by its lowest slot, so a retry after a failover finds its successor.
        for (int master : map.mastersBySlot())
            add(ClusterCommand::Part{command, map.firstSlotOf(master), {}}, false);
        break;
    case ClusterCommand::Spread::Scan: {
        int slot = 0;
        QByteArray nodeCursor;
        if (!ClusterScanCursor::parse(command.value(1), map, slot, nodeCursor)) {
            m_planned[index] = KvReply::error("ERR invalid cursor");
            break;
        }
        KvCommand scan = command;
        scan[1] = nodeCursor;
        add(ClusterCommand::Part{scan, slot, {}}, true);
        break;
    }
    case ClusterCommand::Spread::ByKey:
        add(ClusterCommand::Part{command, ClusterCommand::slotOf(command), {}}, false,
            m_replicaReads);
        break;
    case ClusterCommand::Spread::AnyNode:
        add(ClusterCommand::Part{command, ClusterCommand::slotOf(command), {}}, false);
        break;
    }
}

void ClusterBatch::dispatch(int p)
{
    if (m_failure || m_router.isClosing()) {
        settle(p, KvReply::error("ERR not sent: the batch failed"));
        return;
    }
    Part& part = m_parts[p];
    if (part.replica && !part.askTo && dispatchToReplica(p))
        return;
    const int master = m_router.map().masterOf(part.piece.slot);
    if (!part.askTo && master < 0) {
        // No master serves the slot (a failover not finished): as CLUSTERDOWN.
        m_router.refresh();
        retryLater(p, std::nullopt,
                   KvReply::error(QByteArrayLiteral("CLUSTERDOWN Hash slot not served")));
        return;
    }
    const ClusterEndpoint to = part.askTo ? *part.askTo : m_router.map().masters().at(master);
    RedisClient* client = m_router.clientFor(to);
    const ClusterRouter::SendMark mark = m_router.mark(client);
    if (part.askTo)
        client->send({QByteArrayLiteral("ASKING")}, [](const Result<KvReply>&) {});
    if (!CommandAllowList::isReadOnly(part.piece.command))
        m_router.noteWrite(to);
    client->send(
        part.piece.command, [self = shared_from_this(), p, mark, to](const Result<KvReply>& reply) {
            const bool left = !self->m_router.isClosing() && self->m_router.mayHaveLeft(mark);
            self->onReply(p, reply, left, to);
        });
}

bool ClusterBatch::dispatchToReplica(int p)
{
    ClusterEndpoint replica;
    RedisClient* client = m_router.replicaForRead(m_parts.at(p).piece.slot, replica);
    if (!client)
        return false;
    client->send(m_parts.at(p).piece.command,
                 [self = shared_from_this(), p, replica](const Result<KvReply>& reply) {
                     self->onReplicaReply(p, reply, replica);
                 });
    return true;
}

void ClusterBatch::onReplicaReply(int p, const Result<KvReply>& reply, const ClusterEndpoint& from)
{
    if (reply.ok() && !masterShouldAnswer(reply.value())) {
        settle(p, reply.value());
        return;
    }
    if (m_router.isClosing()) {
        if (!reply.ok())
            fail(reply.error());
        settle(p, reply.ok() ? reply.value() : KvReply{});
        return;
    }
    // A read sends nothing that could be applied twice: the master answers it now.
    qCDebug(lcRedis) << "replica" << from.key() << "did not answer a read:"
                     << (reply.ok() ? QString::fromUtf8(reply.value().bytes)
                                    : reply.error().message);
    const bool redirected =
        reply.ok() && ClusterRedirect::of(reply.value()).kind != ClusterRedirect::Kind::None;
    if (redirected)
        m_router.refresh(); // the replica's master does not serve the slot (any more)
    else
        m_router.replicaFailed(from, !reply.ok());
    m_parts[p].replica = false;
    dispatch(p);
}

void ClusterBatch::onReply(int p, const Result<KvReply>& reply, bool mayHaveLeft,
                           const ClusterEndpoint& from)
{
    if (!reply.ok()) {
        onFailure(p, reply.error(), mayHaveLeft);
        return;
    }
    Part& part = m_parts[p];
    const ClusterRedirect redirect = ClusterRedirect::of(reply.value());
    switch (redirect.kind) {
    case ClusterRedirect::Kind::None:
        if (!reply.value().isError() && !m_writtenTo.contains(from) &&
            !CommandAllowList::isReadOnly(part.piece.command))
            m_writtenTo.append(from);
        settle(p, reply.value());
        return;
    case ClusterRedirect::Kind::Moved:
    case ClusterRedirect::Kind::Ask:
        if (++part.redirects > kMaxRedirects || m_failure) {
            settle(p, reply.value());
            return;
        }
        if (redirect.kind == ClusterRedirect::Kind::Moved) {
            part.askTo.reset();
            m_router.assign(redirect.slot, redirect.to);
        } else {
            part.askTo = redirect.to;
        }
        dispatch(p);
        return;
    case ClusterRedirect::Kind::Later:
        if (reply.value().bytes.startsWith("CLUSTERDOWN"))
            m_router.refresh();
        retryLater(p, std::nullopt, reply.value());
        return;
    }
}

void ClusterBatch::onFailure(int p, const Error& error, bool mayHaveLeft)
{
    const KvCommand& command = m_parts.at(p).piece.command;
    if (m_router.isClosing()) {
        fail(error);
        settle(p, {});
        return;
    }
    m_router.refresh(); // the node may be gone: ask which master serves its slots now
    if (!mayHaveLeft || CommandAllowList::isReadOnly(command)) {
        retryLater(p, error, {});
        return;
    }
    fail(makeError(QStringLiteral("outcome-unknown"),
                   QStringLiteral("%1 %2 was sent to the cluster node and the connection was "
                                  "lost before it answered (%3); whether it was applied is "
                                  "unknown, so it was not sent again.")
                       .arg(QString::fromUtf8(command.value(0).toUpper()),
                            QString::fromUtf8(command.value(1).left(200)), error.message)));
    settle(p, {});
}

void ClusterBatch::retryLater(int p, const std::optional<Error>& failure, const KvReply& reply)
{
    Part& part = m_parts[p];
    const int pause = ClusterRedirect::backoffMs(part.attempts++);
    if (m_failure || m_clock.elapsed() + pause > m_router.retryBudgetMs()) {
        if (failure)
            fail(*failure);
        settle(p, reply);
        return;
    }
    part.askTo.reset();
    qCDebug(lcRedis) << m_router.describe() << "trying again in" << pause
                     << "ms:" << (failure ? failure->message : QString::fromUtf8(reply.bytes));
    QTimer::singleShot(pause, &m_router, [self = shared_from_this(), p] {
        self->m_router.whenMapped([self, p](const Result<void>&) { self->dispatch(p); });
    });
}

void ClusterBatch::settle(int p, KvReply reply)
{
    const Part& part = m_parts.at(p);
    if (part.scan && !reply.isError() && reply.elements.size() == 2) {
        const KvReply& cursor = reply.elements.at(0);
        const QByteArray nodeNext = cursor.type == KvReply::Type::Integer
                                        ? QByteArray::number(cursor.integer)
                                        : cursor.bytes;
        reply.elements[0] =
            KvReply::string(ClusterScanCursor::next(m_router.map(), part.piece.slot, nodeNext));
    }
    m_partReplies[p] = std::move(reply);
    if (--m_unsettled == 0)
        finish();
}

void ClusterBatch::fail(Error error)
{
    if (!m_failure)
        m_failure = std::move(error);
}

void ClusterBatch::finish()
{
    if (!m_failure && !m_writtenTo.isEmpty() && !m_router.isClosing()) {
        waitForReplicas();
        return;
    }
    deliver();
}

void ClusterBatch::waitForReplicas()
{
    auto pending = std::make_shared<int>(0);
    const QVector<ClusterEndpoint> masters = std::exchange(m_writtenTo, {});
    for (const ClusterEndpoint& master : masters) {
        const int replicas = m_router.map().replicasOf(master);
        if (replicas == 0)
            continue;
        ++*pending;
        m_router.confirmWrites(master, replicas, QStringLiteral("writes of the batch"),
                               [self = shared_from_this(), pending](const Result<void>& waited) {
                                   if (!waited)
                                       self->fail(waited.error());
                                   if (--*pending == 0)
                                       self->deliver();
                               });
    }
    if (*pending == 0)
        deliver();
}

void ClusterBatch::deliver()
{
    m_finished = true;
    if (m_failure) {
        m_done(*m_failure);
        return;
    }
    QVector<KvReply> replies;
    replies.reserve(m_batch.size());
    for (int i = 0; i < m_batch.size(); ++i) {
        if (m_planned.at(i)) {
            replies.append(*m_planned.at(i));
            continue;
        }
        QVector<ClusterCommand::Part> pieces;
        QVector<KvReply> answers;
        for (int p : m_partsOf.at(i)) {
            pieces.append(m_parts.at(p).piece);
            answers.append(m_partReplies.at(p));
        }
        replies.append(ClusterCommand::merge(m_batch.at(i), pieces, answers));
    }
    m_done(replies);
}

} // namespace pmkv
