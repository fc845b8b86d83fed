#include "jobs/rollbackjob.h"

#include "core/errortext.h"
#include "jobs/journal.h"
#include "jobs/keycapture.h"
#include "jobs/targetlease.h"

#include <QCryptographicHash>
#include <QElapsedTimer>

namespace pmkv {

namespace {

enum class Decision { Nothing, Write, Changed, Unrestorable };

// What an undo puts back, as of `serverNow` (the key space's clock, 0 unknown): a value whose
// expiry has passed since is not brought back; the key stays gone, as it would be had the run
// never touched it.
UndoStep asOf(UndoStep step, qint64 serverNow)
{
    if (step.restore.isString() && step.restore.expireAtMs > 0 && serverNow > 0 &&
        step.restore.expireAtMs <= serverNow)
        step.restore = PreviousValue();
    return step;
}

Decision decide(const UndoStep& step, const PreviousValue& current)
{
    if (step.restore.existed() && !step.restore.isString())
        return Decision::Unrestorable;
    const QByteArray now = stateHash(current);
    if (now == stateHash(step.restore) &&
        (!step.restore.existed() || (step.restore.pttl > 0) == (current.pttl > 0)))
        return Decision::Nothing;
    if (step.expectedHashes.contains(now))
        return Decision::Write;
    return Decision::Changed;
}

KvCommand undoCommand(const UndoStep& step)
{
    if (!step.restore.existed())
        return {QByteArrayLiteral("DEL"), step.key};
    KvCommand set{QByteArrayLiteral("SET"), step.key, step.restore.value};
    // The moment it expired before (a journal from before moments were recorded: what was
    // left of its TTL then).
    if (step.restore.expireAtMs > 0)
        set << QByteArrayLiteral("PXAT") << QByteArray::number(step.restore.expireAtMs);
    else if (step.restore.pttl > 0)
        set << QByteArrayLiteral("PX") << QByteArray::number(step.restore.pttl);
    return set;
}

} // namespace

QString RollbackJob::changeKindName(Change::Kind kind)
{
    switch (kind) {
    case Change::Kind::Delete:
        return QStringLiteral("delete");
    case Change::Kind::Restore:
        return QStringLiteral("restore");
    case Change::Kind::Unchanged:
        return QStringLiteral("unchanged");
    case Change::Kind::ChangedSince:
        return QStringLiteral("changed-since");
    case Change::Kind::Unrestorable:
        return QStringLiteral("unrestorable");
    }
    return QString();
}

Result<void> RollbackJob::undoable(const JournalRun& run)
{
    if (run.kind == QLatin1String("rollback") || run.kind == QLatin1String("archive"))
        return makeError(QStringLiteral("rollback.kind"),
                         QStringLiteral("run %1 is a %2: an archive is undone by renaming it "
                                        "back; a rollback is undone by migrating again")
                             .arg(run.id, run.kind),
                         run.kind == QLatin1String("archive")
                             ? NextStep::forRun(NextStep::Action::UndoArchive, run.id)
                             : NextStep::none());
    // A typed key edit journals whole key images, not batches: the studio undoes it
    // (workflows/keyeditworkflow.h); a rollback would find nothing to put back and say done.
    if (run.kind.startsWith(QLatin1String("key-edit")))
        return makeError(QStringLiteral("rollback.kind"),
                         QStringLiteral("run %1 is a key edit made in PMKV Studio: it is undone "
                                        "there (Edit > Undo)")
                             .arg(run.id));
    if (run.state == JournalRun::State::Undone)
        return makeError(QStringLiteral("rollback.done"),
                         QStringLiteral("run %1 was already rolled back").arg(run.id));
    return {};
}

namespace {

// Runs a rollback never picks as "the last run": its own runs, archives, key edits.
bool neverPickedAsLast(const QString& kind)
{
    return kind == QLatin1String("rollback") || kind == QLatin1String("archive") ||
           kind.startsWith(QLatin1String("key-edit"));
}

} // namespace

QString RollbackJob::lastUndoableRun(const JobPaths& paths)
{
    return lastUndoable(paths).runId;
}

RollbackJob::LastRun RollbackJob::lastUndoable(const JobPaths& paths)
{
    LastRun last;
    Journal::Listing listing = Journal::scanRuns(paths);
    for (auto it = listing.runs.crbegin(); it != listing.runs.crend(); ++it) {
        if (!neverPickedAsLast(it->kind) && it->state != JournalRun::State::Undone) {
            last.runId = it->id;
            break;
        }
    }
    for (const Error& e : listing.unreadable) {
        const QString kind = Journal::kindOfRunId(e.next.runId);
        if (e.next.runId > last.runId && !neverPickedAsLast(kind))
            last.newer.append(e);
    }
    last.unreadable = std::move(listing.unreadable);
    return last;
}

Result<RollbackJob::Outcome> RollbackJob::run(const Params& params, KvStore& store)
{
    QElapsedTimer clock;
    clock.start();
    auto opened = Journal::openRun(params.paths, params.runId);
    if (!opened)
        return opened.error();
    Journal& original = *opened.value();
    const JournalRun run = original.run();
    if (auto allowed = undoable(run); !allowed)
        return allowed.error();
    auto stepsResult = original.undoSteps();
    if (!stepsResult)
        return stepsResult.error();
    QVector<UndoStep> steps = std::move(stepsResult).value();
    const qint64 serverNow = KeyCapture::serverTimeMs(store);
    for (UndoStep& s : steps)
        s = asOf(std::move(s), serverNow);
    Outcome outcome;
    outcome.runId = run.id;
    outcome.keys = steps.size();
    const int step = qMax(1, params.batchKeys);

    // Pass 1: read every key and decide.
    for (int start = 0; start < steps.size(); start += step) {
        const int end = qMin<int>(start + step, steps.size());
        QVector<QByteArray> keys;
        for (int i = start; i < end; ++i)
            keys.append(steps.at(i).key);
        auto current = KeyCapture::capture(store, keys);
        if (!current)
            return current.error();
        for (int i = start; i < end; ++i) {
            const UndoStep& s = steps.at(i);
            Change change{QString::fromUtf8(s.key), Change::Kind::Delete, 0};
            switch (decide(s, current.value().at(i - start))) {
            case Decision::Nothing:
                ++outcome.alreadyRestored;
                change.kind = Change::Kind::Unchanged;
                break;
            case Decision::Changed:
                outcome.changedSince.append(QString::fromUtf8(s.key));
                change.kind = Change::Kind::ChangedSince;
                ++(s.restore.existed() ? outcome.toRestore : outcome.toDelete);
                break;
            case Decision::Write:
                ++(s.restore.existed() ? outcome.toRestore : outcome.toDelete);
                change.kind = s.restore.existed() ? Change::Kind::Restore : Change::Kind::Delete;
                break;
            case Decision::Unrestorable:
                outcome.unrestorable.append(QString::fromUtf8(s.key));
                change.kind = Change::Kind::Unrestorable;
                break;
            }
            if (params.dryRun) {
                change.restoreBytes = s.restore.existed() ? s.restore.value.size() : 0;
                outcome.changes.append(std::move(change));
            }
        }
    }
    if (params.dryRun)
        return outcome;
    if (!outcome.changedSince.isEmpty() && !params.force) {
        return makeError(
            QStringLiteral("rollback.changed"),
            QStringLiteral("%1 keys were changed by someone else after run %2 (first: %3): "
                           "nothing was rolled back. Look at them, then roll back by force to "
                           "overwrite them, or leave the run as it is")
                .arg(outcome.changedSince.size())
                .arg(run.id, outcome.changedSince.first()),
            NextStep::forRun(NextStep::Action::RollbackForce, run.id));
    }

    // Pass 2: journal and write, batch by batch, holding the target's lease (a migration's
    // rollback: its prefix is known) so that no run writes the key space meanwhile.
    const QString rollbackId = Journal::newRunId(QStringLiteral("rollback"));
    std::unique_ptr<TargetLease> lease;
    const QString prefix = run.params.value(QStringLiteral("prefix")).toString();
    if (params.takeLease && !prefix.isEmpty()) {
        auto taken = TargetLease::acquire(store, prefix, rollbackId);
        if (!taken)
            return taken.error();
        lease = std::move(taken).value();
    }
    auto created = Journal::create(params.paths, QStringLiteral("rollback"),
                                   {{QStringLiteral("undoes"), run.id},
                                    {QStringLiteral("target"), store.describe()},
                                    {QStringLiteral("force"), params.force}},
                                   run.id, rollbackId);
    if (!created)
        return created.error();
    Journal& journal = *created.value();
    outcome.rollbackRunId = journal.run().id;
    auto fail = [&](const Error& error) -> Result<Outcome> {
        const QString message = followedBy(
            error,
            QStringLiteral("The rollback stopped part way: roll run %1 back again to finish it")
                .arg(run.id));
        (void)journal.setState(JournalRun::State::Failed, message);
        return Error{error.code, message, NextStep::forRun(NextStep::Action::RollbackRun, run.id)};
    };
    ProgressMeter meter(params.progress, QStringLiteral("rollback"), steps.size(), 0);
    for (int start = 0; start < steps.size(); start += step) {
        if (params.cancel && params.cancel->load()) {
            (void)journal.setState(JournalRun::State::Cancelled,
                                   QStringLiteral("cancelled: run the rollback again to finish"));
            outcome.seconds = double(clock.nsecsElapsed()) / 1e9;
            return outcome;
        }
        const int end = qMin<int>(start + step, steps.size());
        QVector<QByteArray> keys;
        for (int i = start; i < end; ++i)
            keys.append(steps.at(i).key);
        auto current = KeyCapture::capture(store, keys);
        if (!current)
            return fail(current.error());
        QVector<JournalEntry> entries;
        QVector<KvCommand> commands;
        for (int i = start; i < end; ++i) {
            const UndoStep& s = steps.at(i);
            const Decision d = decide(s, current.value().at(i - start));
            if (d == Decision::Nothing || d == Decision::Unrestorable ||
                (d == Decision::Changed && !params.force))
                continue;
            JournalEntry entry;
            entry.key = s.key;
            entry.op = s.restore.existed() ? JournalEntry::Op::Set : JournalEntry::Op::Delete;
            if (s.restore.existed())
                entry.newHash =
                    QCryptographicHash::hash(s.restore.value, QCryptographicHash::Sha256).toHex();
            entry.newPttl = s.restore.expireAtMs > 0 && serverNow > 0
                                ? s.restore.expireAtMs - serverNow
                                : s.restore.pttl;
            entry.previous = current.value().at(i - start);
            entries.append(entry);
            commands.append(undoCommand(s));
        }
        if (!commands.isEmpty()) {
            auto batchId = journal.beginBatch(entries);
            if (!batchId)
                return fail(batchId.error());
            auto replies = waitFor(store, store.execute(commands));
            if (!replies)
                return fail(replies.error());
            for (int i = 0; i < replies.value().size(); ++i) {
                if (replies.value().at(i).isError())
                    return fail(
                        makeError(QStringLiteral("rollback.refused"),
                                  QStringLiteral("the key space refused to restore %1: %2")
                                      .arg(QString::fromUtf8(commands.at(i).at(1)),
                                           QString::fromUtf8(replies.value().at(i).bytes))));
            }
            auto marked = journal.markDone(batchId.value());
            if (!marked)
                return fail(marked.error());
        }
        meter.add(end - start, 0);
    }
    auto batches = original.batches();
    if (!batches)
        return fail(batches.error());
    for (const JournalBatch& b : batches.value()) {
        if (b.state != JournalBatch::State::Undone) {
            auto marked = original.markUndone(b.id);
            if (!marked)
                return fail(marked.error());
        }
    }
    auto undone = original.setState(JournalRun::State::Undone,
                                    QStringLiteral("rolled back by ") + outcome.rollbackRunId);
    if (!undone)
        return fail(undone.error());
    auto done = journal.setState(JournalRun::State::Done);
    if (!done)
        return done.error();
    meter.finish();
    outcome.applied = true;
    outcome.seconds = double(clock.nsecsElapsed()) / 1e9;
    return outcome;
}

} // namespace pmkv
