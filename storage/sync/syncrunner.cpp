#include "sync/syncrunner.h"

#include "jobs/journal.h"

#include <QJsonObject>

namespace pmkv {
namespace {

const QString kTarget = QStringLiteral("target");

QString kindFor(const SyncTarget& target)
{
    return target.isFolder() ? QStringLiteral("sync-files") : QStringLiteral("sync");
}

PreviousValue previousOf(const SyncTarget::Value& v)
{
    PreviousValue p;
    if (v.exists) {
        p.type = QStringLiteral("string");
        p.value = v.bytes;
        p.pttl = v.ttl && *v.ttl > 0 ? *v.ttl * 1000 : -1;
    }
    return p;
}

JournalEntry entryFor(const QString& location, const std::optional<QByteArray>& bytes,
                      const std::optional<qint64>& ttl, const SyncTarget::Value& before)
{
    JournalEntry e;
    e.key = location.toUtf8();
    if (bytes) {
        e.op = JournalEntry::Op::Set;
        e.newValue = *bytes;
        e.hasNewValue = true;
        e.newHash = stateHash(PreviousValue{QStringLiteral("string"), *bytes, -1});
        e.newPttl = ttl && *ttl > 0 ? *ttl * 1000 : -1;
    } else {
        e.op = JournalEntry::Op::Delete;
    }
    e.previous = previousOf(before);
    return e;
}

SyncTarget::Write writeOf(const JournalEntry& e)
{
    SyncTarget::Write w;
    w.location = QString::fromUtf8(e.key);
    if (e.op == JournalEntry::Op::Set) {
        w.bytes = e.newValue;
        if (e.newPttl > 0)
            w.ttl = (e.newPttl + 999) / 1000;
    }
    return w;
}

// Journals and writes `writes` in batches: beginBatch -> write -> markDone.
Result<int> journaledWrites(Journal& journal, SyncTarget& target,
                            const QVector<JournalEntry>& entries, int batchSize)
{
    int written = 0;
    for (qsizetype start = 0; start < entries.size(); start += batchSize) {
        const QVector<JournalEntry> batch = entries.mid(start, batchSize);
        auto id = journal.beginBatch(batch);
        if (!id)
            return id.error();
        QVector<SyncTarget::Write> writes;
        for (const JournalEntry& e : batch)
            writes.append(writeOf(e));
        if (auto w = target.write(writes); !w) {
            (void)journal.setState(JournalRun::State::Failed, w.error().message);
            return w.error();
        }
        if (auto done = journal.markDone(id.value()); !done)
            return done.error();
        written += int(batch.size());
    }
    return written;
}

Result<std::unique_ptr<Journal>> openFor(const JobPaths& paths, const QString& runId,
                                         const SyncTarget& target)
{
    auto journal = Journal::openRun(paths, runId);
    if (!journal)
        return journal.error();
    const JournalRun run = journal.value()->run();
    if (run.kind != kindFor(target))
        return makeError(QStringLiteral("sync.run-kind"),
                         QStringLiteral("run %1 is a %2 run, not a sync to %3")
                             .arg(runId, run.kind, target.describe()));
    if (run.params.value(kTarget).toString() != target.describe())
        return makeError(QStringLiteral("sync.run-target"),
                         QStringLiteral("run %1 wrote to %2, not to %3")
                             .arg(runId, run.params.value(kTarget).toString(), target.describe()));
    return journal;
}

} // namespace

Result<SyncRunner::Outcome> SyncRunner::execute(const SyncPlanner::Plan& plan, SyncTarget& target,
                                                const JobPaths& paths,
                                                const QString& sourceDescription, int batchSize)
{
    Outcome outcome;
    QStringList locations;
    for (const SyncAction& a : plan.actions)
        locations << a.location;
    auto before = target.read(locations);
    if (!before)
        return before.error();

    QVector<JournalEntry> entries;
    for (qsizetype i = 0; i < plan.actions.size(); ++i) {
        const SyncAction& a = plan.actions[i];
        const SyncTarget::Value& now = before.value()[i];
        if (now.exists != a.targetExists) {
            outcome.conflicts << a.location + (now.exists
                                                   ? QStringLiteral(": created on the target "
                                                                    "since the diff; left as is")
                                                   : QStringLiteral(": removed from the target "
                                                                    "since the diff; left as is"));
            continue;
        }
        if (now.exists && !target.matches(now.bytes, a.expected)) {
            outcome.conflicts << a.location +
                                     QStringLiteral(": changed on the target since the diff; "
                                                    "left as is (diff again to see it)");
            continue;
        }
        entries.append(entryFor(a.location, a.value, a.ttl, now));
    }

    const QJsonObject params{{QStringLiteral("source"), sourceDescription},
                             {kTarget, target.describe()},
                             {QStringLiteral("targetIsFolder"), target.isFolder()},
                             {QStringLiteral("conflicts"), int(outcome.conflicts.size())}};
    auto journal = Journal::create(paths, kindFor(target), params);
    if (!journal)
        return journal.error();
    outcome.runId = journal.value()->run().id;
    outcome.journalPath = journal.value()->path();
    auto written = journaledWrites(*journal.value(), target, entries, batchSize);
    if (!written)
        return written.error();
    outcome.written = written.value();
    if (auto s = journal.value()->setState(JournalRun::State::Done); !s)
        return s.error();
    return outcome;
}

Result<SyncRunner::Outcome> SyncRunner::resume(const JobPaths& paths, const QString& runId,
                                               SyncTarget& target)
{
    auto journal = openFor(paths, runId, target);
    if (!journal)
        return journal.error();
    Journal& j = *journal.value();
    if (j.run().state == JournalRun::State::Undone)
        return makeError(QStringLiteral("sync.undone"),
                         QStringLiteral("run %1 was undone; it cannot be resumed").arg(runId));
    Outcome outcome;
    outcome.runId = runId;
    outcome.journalPath = j.path();
    auto pending = j.batches(true);
    if (!pending)
        return pending.error();
    for (const JournalBatch& b : pending.value()) {
        QVector<SyncTarget::Write> writes;
        for (const JournalEntry& e : b.entries)
            writes.append(writeOf(e));
        if (auto w = target.write(writes); !w)
            return w.error();
        if (auto done = j.markDone(b.id); !done)
            return done.error();
        outcome.written += int(b.entries.size());
    }
    if (auto s = j.setState(JournalRun::State::Done); !s)
        return s.error();
    return outcome;
}

Result<SyncRunner::Outcome> SyncRunner::undo(const JobPaths& paths, const QString& runId,
                                             SyncTarget& target, bool force)
{
    auto journal = openFor(paths, runId, target);
    if (!journal)
        return journal.error();
    Journal& j = *journal.value();
    Outcome outcome;
    auto steps = j.undoSteps();
    if (!steps)
        return steps.error();
    QStringList locations;
    for (const UndoStep& s : steps.value())
        locations << QString::fromUtf8(s.key);
    auto now = target.read(locations);
    if (!now)
        return now.error();

    QVector<JournalEntry> entries;
    for (qsizetype i = 0; i < steps.value().size(); ++i) {
        const UndoStep& s = steps.value()[i];
        const QByteArray current = stateHash(previousOf(now.value()[i]));
        if (!force && !s.expectedHashes.contains(current)) {
            outcome.conflicts << locations[i] +
                                     QStringLiteral(": changed since the sync; not restored "
                                                    "(a forced undo restores it anyway)");
            continue;
        }
        if (current == stateHash(s.restore))
            continue; // already as it was (a batch that never reached the target)
        std::optional<QByteArray> bytes;
        std::optional<qint64> ttl;
        if (s.restore.isString()) {
            bytes = s.restore.value;
            if (s.restore.pttl > 0)
                ttl = (s.restore.pttl + 999) / 1000;
        }
        entries.append(entryFor(locations[i], bytes, ttl, now.value()[i]));
    }
    if (!outcome.conflicts.isEmpty() && !force)
        return outcome; // nothing restored: fix or force, then undo again

    const QJsonObject params{{kTarget, target.describe()},
                             {QStringLiteral("targetIsFolder"), target.isFolder()}};
    auto undoJournal = Journal::create(paths, QStringLiteral("sync-undo"), params, runId);
    if (!undoJournal)
        return undoJournal.error();
    outcome.runId = undoJournal.value()->run().id;
    outcome.journalPath = undoJournal.value()->path();
    auto restored = journaledWrites(*undoJournal.value(), target, entries, 200);
    if (!restored)
        return restored.error();
    outcome.restored = restored.value();
    if (auto s = undoJournal.value()->setState(JournalRun::State::Done); !s)
        return s.error();
    auto batches = j.batches();
    if (!batches)
        return batches.error();
    for (const JournalBatch& b : batches.value()) {
        if (b.state != JournalBatch::State::Undone) {
            if (auto u = j.markUndone(b.id); !u)
                return u.error();
        }
    }
    if (auto s = j.setState(JournalRun::State::Undone); !s)
        return s.error();
    return outcome;
}

QString SyncRunner::lastRun(const JobPaths& paths, const SyncTarget& target)
{
    const QVector<JournalRun> runs = Journal::listRuns(paths);
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        if (it->kind == kindFor(target) && it->state != JournalRun::State::Undone &&
            it->params.value(kTarget).toString() == target.describe())
            return it->id;
    }
    return QString();
}

} // namespace pmkv
