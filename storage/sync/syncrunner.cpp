#include "sync/syncrunner.h"

namespace pmkv {
namespace {

Result<void> runPending(SyncJournal& journal, const QString& path, SyncTarget& target,
                        int batchSize, SyncRunner::Outcome& outcome)
{
    journal.state = QStringLiteral("running");
    if (auto saved = journal.save(path); !saved)
        return saved;
    QVector<qsizetype> batch;
    auto flush = [&]() -> Result<void> {
        if (batch.isEmpty())
            return {};
        QVector<SyncTarget::Write> writes;
        for (qsizetype i : batch) {
            const SyncAction& a = journal.entries[i].action;
            writes.append({a.location, a.value, a.ttl});
        }
        if (auto w = target.write(writes); !w) {
            journal.state = QStringLiteral("failed");
            (void)journal.save(path);
            return w;
        }
        for (qsizetype i : batch)
            journal.entries[i].status = SyncJournal::Status::Done;
        outcome.written += int(batch.size());
        batch.clear();
        return journal.save(path);
    };
    for (qsizetype i = 0; i < journal.entries.size(); ++i) {
        if (journal.entries[i].status != SyncJournal::Status::Pending)
            continue;
        batch.append(i);
        if (batch.size() >= batchSize) {
            if (auto f = flush(); !f)
                return f;
        }
    }
    if (auto f = flush(); !f)
        return f;
    journal.state = QStringLiteral("done");
    return journal.save(path);
}

} // namespace

Result<SyncRunner::Outcome> SyncRunner::execute(const SyncPlanner::Plan& plan, SyncTarget& target,
                                                const QString& journalFolder,
                                                const QString& sourceDescription, int batchSize)
{
    Outcome outcome;
    QStringList locations;
    for (const SyncAction& a : plan.actions)
        locations << a.location;
    auto before = target.read(locations);
    if (!before)
        return before.error();

    SyncJournal journal;
    journal.runId = SyncJournal::newRunId();
    journal.createdAt = QDateTime::currentDateTimeUtc();
    journal.source = sourceDescription;
    journal.target = target.describe();
    journal.targetIsFolder = target.isFolder();
    journal.state = QStringLiteral("planned");
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
        journal.entries.append({a, now, SyncJournal::Status::Pending});
    }
    outcome.runId = journal.runId;
    outcome.journalPath = SyncJournal::pathFor(journalFolder, journal.runId);
    if (auto r = runPending(journal, outcome.journalPath, target, batchSize, outcome); !r)
        return r.error();
    return outcome;
}

Result<SyncRunner::Outcome> SyncRunner::resume(const QString& journalPath, SyncTarget& target,
                                               int batchSize)
{
    auto journal = SyncJournal::load(journalPath);
    if (!journal)
        return journal.error();
    Outcome outcome;
    outcome.runId = journal.value().runId;
    outcome.journalPath = journalPath;
    if (journal.value().state == QLatin1String("undone"))
        return makeError(
            QStringLiteral("sync.undone"),
            QStringLiteral("run %1 was undone; it cannot be resumed").arg(outcome.runId));
    if (auto r = runPending(journal.value(), journalPath, target, batchSize, outcome); !r)
        return r.error();
    return outcome;
}

Result<SyncRunner::Outcome> SyncRunner::undo(const QString& journalPath, SyncTarget& target,
                                             bool force)
{
    auto loaded = SyncJournal::load(journalPath);
    if (!loaded)
        return loaded.error();
    SyncJournal& journal = loaded.value();
    Outcome outcome;
    outcome.runId = journal.runId;
    outcome.journalPath = journalPath;
    QVector<qsizetype> done;
    QStringList locations;
    for (qsizetype i = journal.entries.size() - 1; i >= 0; --i) {
        if (journal.entries[i].status == SyncJournal::Status::Done) {
            done.append(i);
            locations << journal.entries[i].action.location;
        }
    }
    auto now = target.read(locations);
    if (!now)
        return now.error();
    QVector<SyncTarget::Write> writes;
    QVector<qsizetype> restoring;
    for (qsizetype n = 0; n < done.size(); ++n) {
        SyncJournal::Entry& e = journal.entries[done[n]];
        const SyncTarget::Value& current = now.value()[n];
        if (!force && (!current.exists || !target.matches(current.bytes, e.action.value))) {
            outcome.conflicts << e.action.location +
                                     QStringLiteral(": changed since the sync; not restored "
                                                    "(--force restores it anyway)");
            continue;
        }
        SyncTarget::Write w;
        w.location = e.action.location;
        if (e.before.exists) {
            w.bytes = e.before.bytes;
            w.ttl = e.before.ttl;
        }
        writes.append(w);
        restoring.append(done[n]);
    }
    if (auto w = target.write(writes); !w)
        return w.error();
    for (qsizetype i : restoring)
        journal.entries[i].status = SyncJournal::Status::Undone;
    outcome.restored = int(restoring.size());
    journal.state =
        outcome.conflicts.isEmpty() ? QStringLiteral("undone") : QStringLiteral("partly-undone");
    if (auto saved = journal.save(journalPath); !saved)
        return saved.error();
    return outcome;
}

} // namespace pmkv
