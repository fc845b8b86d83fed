#include "jobs/migrationwriter.h"

#include "core/logging.h"
#include "core/workpool.h"
#include "jobs/batchsettlement.h"
#include "jobs/journal.h"
#include "jobs/keycapture.h"
#include "jobs/sourcevalues.h"
#include "jobs/targetlease.h"
#include "kv/hashslot.h"

#include <QElapsedTimer>
#include <QScopeGuard>

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace pmkv {

namespace {

// Keys created with one MSETNX: all of them or, if any exists by then, none. Bounded so that
// one command does not hold Redis for long.
constexpr int kCreatesPerCommand = 1000;

qint64 totalBytes(const MigrationPlan& plan, const QVector<int>& order)
{
    qint64 bytes = 0;
    for (int i : order)
        bytes += plan.items.at(i).size;
    return bytes;
}

} // namespace

MigrationWriter::MigrationWriter(Journal& journal, const MigrationPlan& plan,
                                 const QVector<int>& order, KvStore& store,
                                 const Migrator::Params& params, const TargetLease* lease,
                                 Migrator::Outcome& outcome)
    : m_journal(journal), m_plan(plan), m_order(order), m_store(store), m_params(params),
      m_lease(lease), m_outcome(outcome),
      m_meter(params.progress, QStringLiteral("write"), order.size(), totalBytes(plan, order)),
      m_bySlot(store.capabilities().hashSlots)
{
}

Result<void> MigrationWriter::run()
{
    std::optional<Reading> next;
    // The values of the next batch are read from the plan: no way out of here leaves that going.
    const auto waitForNextValues = qScopeGuard([&next] {
        if (next)
            next->values.waitForFinished();
    });
    if (!m_order.isEmpty())
        next = read(0);
    while (next) {
        if (m_params.cancel && m_params.cancel->load()) {
            m_outcome.cancelled = true;
            break;
        }
        if (m_lease && m_lease->lost())
            return stop(m_lease->lostError());
        Reading current = std::move(*next);
        next.reset();
        QElapsedTimer t;
        t.start();
        auto captured = previousValues(current);
        const Result<QVector<QByteArray>> values = current.values.result();
        m_spent[0] += t.nsecsElapsed();
        if (!captured)
            return stop(captured.error());
        t.restart();
        if (!values)
            return stop(values.error());
        if (current.end < m_order.size())
            next = read(current.end);
        auto batch = build(current, captured.value(), values.value());
        if (!batch)
            return stop(batch.error());
        m_spent[1] += t.nsecsElapsed();
        auto sent = send(current, std::move(batch).value());
        if (!sent)
            return stop(sent.error());
    }
    return finish();
}

MigrationWriter::Reading MigrationWriter::read(int pos) const
{
    Reading r;
    r.pos = pos;
    r.end = pos;
    while (r.end < m_order.size() && r.end - pos < m_params.batchKeys &&
           (r.end == pos ||
            r.bytes + m_plan.items.at(m_order.at(r.end)).size <= m_params.batchBytes)) {
        r.bytes += m_plan.items.at(m_order.at(r.end)).size;
        ++r.end;
    }
    r.keys.reserve(r.end - pos);
    r.createsOnly = true;
    QVector<const PlanItem*> items;
    items.reserve(r.end - pos);
    for (int j = pos; j < r.end; ++j) {
        const PlanItem& item = m_plan.items.at(m_order.at(j));
        r.keys.append(item.key.toUtf8());
        r.createsOnly = r.createsOnly && item.kvState.isEmpty();
        items.append(&item);
    }
    if (!r.createsOnly)
        r.future = m_store.execute(KeyCapture::commands(r.keys));
    // On the pool, whose threads keep their io_uring rings from reading the tree.
    r.values = SourceValues::start(m_plan.root, items, WorkPool::instance());
    return r;
}

Result<QVector<PreviousValue>> MigrationWriter::previousValues(Reading& current)
{
    while (!current.createsOnly && !m_writing.isEmpty() && !current.future.isFinished()) {
        QtFuture::whenAny(current.future, m_writing.first().future).waitForFinished();
        if (!m_writing.first().future.isFinished())
            continue;
        auto landed = land(int(m_writing.size()) - 1);
        if (!landed) {
            current.future.cancel();
            current.values.waitForFinished();
            return landed.error();
        }
    }
    if (current.createsOnly)
        return QVector<PreviousValue>(current.keys.size());
    return KeyCapture::complete(m_store, current.keys, waitFor(m_store, current.future));
}

Result<MigrationWriter::Batch> MigrationWriter::build(const Reading& current,
                                                      const QVector<PreviousValue>& previous,
                                                      const QVector<QByteArray>& values) const
{
    Batch batch;
    std::unordered_map<int, int> openCreates; // slot (0 off a cluster) -> its MSETNX
    batch.entries.reserve(current.keys.size());
    batch.commands.reserve(current.keys.size());
    for (int j = current.pos; j < current.end; ++j) {
        const PlanItem& item = m_plan.items.at(m_order.at(j));
        if (stateHash(previous.at(j - current.pos)) != item.kvState) {
            return makeError(QStringLiteral("plan.stale"),
                             QStringLiteral("key %1 changed in %2 since the plan was made")
                                 .arg(item.key, m_store.describe()));
        }
        JournalEntry entry;
        entry.key = current.keys.at(j - current.pos);
        entry.newHash = item.sha256;
        entry.previous = previous.at(j - current.pos);
        batch.entries.append(entry);
        const QByteArray& value = values.at(j - current.pos);
        if (!current.createsOnly) {
            batch.commands.append({QByteArrayLiteral("SET"), entry.key, value});
            continue;
        }
        // On a cluster an MSETNX per hash slot (its keys must share one; a batch becomes
        // one pipeline per master), else one for the batch, in pieces.
        QVector<KvCommand>& commands = batch.commands;
        const int group = m_bySlot ? HashSlot::of(entry.key) : 0;
        int& at = openCreates.try_emplace(group, -1).first->second;
        if (at < 0 || commands.at(at).size() > 2 * kCreatesPerCommand) {
            at = int(commands.size());
            commands.append({QByteArrayLiteral("MSETNX")});
            if (!m_bySlot)
                commands.last().reserve(2 * kCreatesPerCommand + 1);
        }
        commands[at].append(entry.key);
        commands[at].append(value);
    }
    return batch;
}

Result<void> MigrationWriter::send(const Reading& current, Batch batch)
{
    QElapsedTimer t;
    t.start();
    auto landed = land(std::max(1, m_params.batchesInFlight) - 1);
    if (!landed)
        return landed;
    m_spent[2] += t.nsecsElapsed();
    t.restart();
    auto batchId = m_journal.beginBatch(batch.entries, m_doneIds);
    m_spent[3] += t.nsecsElapsed();
    if (!batchId)
        return batchId.error();
    m_doneIds.clear();
    Writing w;
    w.batchId = batchId.value();
    w.entries = batch.entries;
    w.commands = batch.commands;
    w.keys = current.end - current.pos;
    w.bytes = current.bytes;
    w.future = m_store.execute(std::move(batch.commands));
    m_writing.append(std::move(w));
    ++m_outcome.batches;
    return {};
}

Result<void> MigrationWriter::finish()
{
    QElapsedTimer t;
    t.start();
    // While Redis takes the last batch: what the journal's close would do afterwards. Should
    // it fail, the close checkpoints as usual.
    if (!m_writing.isEmpty())
        (void)m_journal.checkpoint();
    auto landed = land(0);
    if (!landed)
        return stop(landed.error());
    qCDebug(lcJobs) << "write phase ms: capture and values wait" << m_spent[0] / 1000000 << "build"
                    << m_spent[1] / 1000000 << "land wait" << m_spent[2] / 1000000 << "journal"
                    << m_spent[3] / 1000000 << "final land" << t.elapsed();
    auto flushed = flushDone();
    if (!flushed)
        return flushed;
    m_meter.finish();
    return {};
}

Result<void> MigrationWriter::land(int keep)
{
    while (!m_writing.isEmpty() &&
           (m_writing.size() > keep || m_writing.first().future.isFinished())) {
        Writing w = m_writing.takeFirst();
        qint64 written = 0;
        auto settled = BatchSettlement::settle(m_journal, m_store, w.batchId, w.entries, w.commands,
                                               waitFor(m_store, w.future), m_doneIds, written);
        m_outcome.written += written;
        if (!settled)
            return settled;
        m_outcome.bytes += w.bytes;
        m_meter.add(w.keys, w.bytes);
    }
    return {};
}

Result<void> MigrationWriter::flushDone()
{
    for (qint64 id : m_doneIds) {
        auto marked = m_journal.markDone(id);
        if (!marked)
            return marked;
    }
    m_doneIds.clear();
    return {};
}

Result<void> MigrationWriter::stop(const Error& error)
{
    (void)land(0);
    (void)flushDone();
    return error;
}

} // namespace pmkv
