#include "jobs/migrator.h"

#include "core/errortext.h"
#include "core/logging.h"
#include "jobs/batchsettlement.h"
#include "jobs/journal.h"
#include "jobs/keycapture.h"
#include "jobs/migrationwriter.h"
#include "jobs/planner.h"
#include "jobs/targetlease.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>

#include <future>

namespace pmkv {

namespace {

// The plan of a run to resume, with its values: its plan file, or, for a run stopped before
// that was saved, the same plan made again from the files (refused if they changed since) and
// saved where the run expects it.
Result<MigrationPlan> planToResume(const JournalRun& run, const QString& planPath, KvStore& store)
{
    if (QFileInfo::exists(planPath)) {
        auto loaded = MigrationPlan::load(planPath);
        if (!loaded)
            return loaded;
        MigrationPlan plan = std::move(loaded).value();
        auto values = Planner::loadValues(plan);
        if (!values)
            return values.error();
        return plan;
    }
    Planner::Params again;
    again.root = run.params.value(QStringLiteral("root")).toString();
    again.layoutSpec = run.params.value(QStringLiteral("layout")).toString();
    again.prefix = run.params.value(QStringLiteral("prefix")).toString();
    again.projects = run.params.value(QStringLiteral("projects")).toVariant().toStringList();
    auto policy =
        MigrationPlan::policyFromName(run.params.value(QStringLiteral("policy")).toString());
    if (!policy)
        return policy.error();
    again.policy = policy.value();
    auto plan = Planner::plan(again, store);
    if (!plan)
        return plan;
    if (plan.value().sourceChecksum !=
        run.params.value(QStringLiteral("sourceChecksum")).toString().toLatin1())
        return makeError(QStringLiteral("plan.stale"),
                         QStringLiteral("the run stopped before its plan was saved, and the files "
                                        "in %1 changed since: it cannot be resumed, only rolled "
                                        "back")
                             .arg(again.root),
                         NextStep::forRun(NextStep::Action::RollbackRun, run.id));
    // The run keeps a plan file, as every run does (the report and later resumes read it).
    auto saved = plan.value().save(planPath);
    if (!saved)
        return saved.error();
    return plan;
}

bool cancelled(const Migrator::Params& params)
{
    return params.cancel && params.cancel->load();
}

} // namespace

Result<void> Migrator::checkKv(const MigrationPlan& plan, KvStore& store, int batchKeys)
{
    QVector<QByteArray> keys;
    keys.reserve(plan.items.size());
    for (const PlanItem& item : plan.items)
        keys.append(item.key.toUtf8());
    auto captured = KeyCapture::captureAll(store, keys, batchKeys);
    if (!captured)
        return captured.error();
    for (int i = 0; i < plan.items.size(); ++i) {
        const PlanItem& item = plan.items.at(i);
        if (stateHash(captured.value().at(i)) != item.kvState) {
            return makeError(QStringLiteral("plan.stale"),
                             QStringLiteral("key %1 changed in %2 since the plan was made: "
                                            "plan again")
                                 .arg(item.key, store.describe()),
                             NextStep::forPath(NextStep::Action::PlanAgain, plan.root));
        }
    }
    return {};
}

Result<Migrator::Outcome> Migrator::execute(const MigrationPlan& plan, KvStore& store,
                                            const Params& params)
{
    const MigrationPlan::Counts counts = plan.counts();
    if (counts.conflict > 0) {
        return makeError(QStringLiteral("plan.conflict"),
                         QStringLiteral("the plan has %1 conflicts (keys that exist and differ): "
                                        "migrate with the policy overwrite or skip-existing, or "
                                        "remove those keys")
                             .arg(counts.conflict),
                         NextStep::forPath(NextStep::Action::MigrateOverwrite, plan.root));
    }
    for (const PlanItem& item : plan.items) {
        // A file's value can be made again from it; a list's only by planning again.
        if (item.writes() && !item.valueHeld() && item.isList())
            return makeError(
                QStringLiteral("plan.values"),
                QStringLiteral("the plan's values are not loaded (key %1)").arg(item.key));
    }
    // A Ctrl-C while the plan was made: no run is started, so none is left to resume or undo.
    if (cancelled(params))
        return makeError(QStringLiteral("migrate.cancelled"),
                         QStringLiteral("cancelled before the first write: nothing was written, "
                                        "no run was started"));
    // Outcome::seconds: everything after planning (the plan file, the journal, the writes).
    QElapsedTimer clock;
    clock.start();
    // The lease first: a run refused here has written nothing and left no journal.
    const QString runId = Journal::newRunId(QStringLiteral("migrate"));
    std::unique_ptr<TargetLease> lease;
    if (params.takeLease) {
        TargetLease::Options leaseOptions;
        leaseOptions.leaseMs = params.leaseMs;
        auto taken = TargetLease::acquire(store, plan.prefix, runId, leaseOptions);
        if (!taken)
            return taken.error();
        lease = std::move(taken).value();
    }
    if (params.checkKvFirst) {
        auto fresh = checkKv(plan, store, params.batchKeys);
        if (!fresh)
            return fresh.error();
    }
    if (!params.paths.ensure())
        return makeError(
            QStringLiteral("migrate.state"),
            QStringLiteral("cannot create the state folder %1").arg(params.paths.root()));
    // The plan file is written (and synced) on a thread of its own while the first batches
    // go. A run stopped before it is saved has no plan file: resume() then plans again from
    // the files, and refuses if they changed since.
    const QString planPath =
        params.paths.plansFolder() + QLatin1Char('/') +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz")) +
        QStringLiteral("Z-") + QString::fromLatin1(plan.kvChecksum.left(12)) +
        QStringLiteral(".plan.json");
    QElapsedTimer phase;
    phase.start();
    // std::async's future waits in its destructor: no way out of this function leaves the
    // thread reading `plan`.
    std::future<Result<void>> saving = std::async(std::launch::async, [&plan, planPath] {
        QElapsedTimer t;
        t.start();
        auto saved = plan.save(planPath);
        qCDebug(lcJobs) << "plan saved in" << t.elapsed() << "ms";
        return saved;
    });
    const QJsonObject runParams{
        {QStringLiteral("root"), plan.root},
        {QStringLiteral("layout"), plan.layoutSpec},
        {QStringLiteral("prefix"), plan.prefix},
        {QStringLiteral("policy"), MigrationPlan::policyName(plan.policy)},
        {QStringLiteral("projects"), QJsonArray::fromStringList(plan.projects)},
        {QStringLiteral("target"), store.describe()},
        {QStringLiteral("plan"), planPath},
        {QStringLiteral("sourceChecksum"), QString::fromLatin1(plan.sourceChecksum)},
        {QStringLiteral("kvChecksum"), QString::fromLatin1(plan.kvChecksum)},
        {QStringLiteral("keysToWrite"), counts.create + counts.update}};
    auto created =
        Journal::create(params.paths, QStringLiteral("migrate"), runParams, QString(), runId);
    if (!created)
        return created.error();
    Journal& journal = *created.value();
    qCDebug(lcJobs) << "journal created in" << phase.restart() << "ms";
    Outcome outcome;
    outcome.runId = journal.run().id;
    outcome.journalPath = journal.path();
    outcome.planPath = planPath;
    outcome.skipped = counts.skip;

    QVector<int> order;
    for (int i : plan.writeOrder()) {
        if (plan.items.at(i).writes())
            order.append(i);
    }
    auto written = MigrationWriter(journal, plan, order, store, params, lease.get(), outcome).run();
    Result<void> saved = saving.get();
    if (written && !saved)
        written =
            Error{saved.error().code,
                  saved.error().message + QStringLiteral(" (the plan; every key was written)")};
    outcome.seconds = double(clock.nsecsElapsed()) / 1e9;
    return finish(journal, written, outcome);
}

Result<Migrator::Outcome> Migrator::finish(Journal& journal, Result<void> written, Outcome outcome)
{
    if (!written) {
        // A step the failure names (roll back) comes first; otherwise the run can go on.
        const NextStep next = written.error().next.isNone()
                                  ? NextStep::forRun(NextStep::Action::ResumeRun, outcome.runId)
                                  : written.error().next;
        const Error error{
            written.error().code,
            followedBy(written.error(),
                       QStringLiteral("The run %1 stopped: it can be resumed or rolled back")
                           .arg(outcome.runId)),
            next};
        (void)journal.setState(JournalRun::State::Failed, error.message);
        return error;
    }
    if (outcome.cancelled) {
        (void)journal.setState(JournalRun::State::Cancelled,
                               QStringLiteral("cancelled: it can be resumed or rolled back"));
        return outcome;
    }
    auto state = journal.setState(JournalRun::State::Done);
    if (!state)
        return state.error();
    return outcome;
}

Result<Migrator::Outcome> Migrator::resume(const QString& runId, KvStore& store,
                                           const Params& params)
{
    auto opened = Journal::openRun(params.paths, runId);
    if (!opened)
        return opened.error();
    Journal& journal = *opened.value();
    const JournalRun run = journal.run();
    if (auto unfinished = resumable(runId, run); !unfinished)
        return unfinished.error();
    auto lease = leaseToResume(run, store, params);
    if (!lease)
        return lease.error();
    Outcome outcome;
    outcome.runId = run.id;
    outcome.journalPath = journal.path();
    outcome.planPath = run.params.value(QStringLiteral("plan")).toString();
    auto loaded = planToResume(run, outcome.planPath, store);
    if (!loaded)
        return finish(journal, loaded.error(), outcome);
    MigrationPlan plan = std::move(loaded).value();
    (void)journal.setState(JournalRun::State::Running, QStringLiteral("resumed"));

    const QHash<QByteArray, int> byKey = itemsByKey(plan);
    QElapsedTimer clock;
    clock.start();
    // 1. Batches that were recorded but perhaps not sent (or only partly): finish them.
    if (auto resent = resendPending(journal, plan, byKey, store, outcome); !resent)
        return finish(journal, resent, outcome);
    // 2. Keys the run never reached.
    auto order = notYetJournaled(journal, plan);
    if (!order)
        return finish(journal, order.error(), outcome);
    outcome.skipped = plan.counts().skip;
    auto written =
        MigrationWriter(journal, plan, order.value(), store, params, lease.value().get(), outcome)
            .run();
    outcome.seconds = double(clock.nsecsElapsed()) / 1e9;
    return finish(journal, written, outcome);
}

Result<void> Migrator::resumable(const QString& runId, const JournalRun& run)
{
    if (run.kind != QLatin1String("migrate"))
        return makeError(QStringLiteral("resume.kind"),
                         QStringLiteral("run %1 is a %2, not a migration").arg(runId, run.kind));
    if (run.state == JournalRun::State::Done || run.state == JournalRun::State::Undone)
        return makeError(QStringLiteral("resume.finished"),
                         QStringLiteral("run %1 is already %2: nothing to resume")
                             .arg(runId, journalRunStateName(run.state)));
    return {};
}

Result<std::unique_ptr<TargetLease>> Migrator::leaseToResume(const JournalRun& run, KvStore& store,
                                                             const Params& params)
{
    // The run's own lease, taken over if it is still there (the run was killed), or taken
    // anew: refused while another run writes the target.
    if (!params.takeLease)
        return std::unique_ptr<TargetLease>();
    TargetLease::Options leaseOptions;
    leaseOptions.leaseMs = params.leaseMs;
    return TargetLease::acquire(store, run.params.value(QStringLiteral("prefix")).toString(),
                                run.id, leaseOptions);
}

QHash<QByteArray, int> Migrator::itemsByKey(const MigrationPlan& plan)
{
    QHash<QByteArray, int> byKey;
    for (int i = 0; i < plan.items.size(); ++i)
        byKey.insert(plan.items.at(i).key.toUtf8(), i);
    return byKey;
}

Result<void> Migrator::resendPending(Journal& journal, const MigrationPlan& plan,
                                     const QHash<QByteArray, int>& byKey, KvStore& store,
                                     Outcome& outcome)
{
    auto pending = journal.batches(true);
    if (!pending)
        return pending.error();
    for (const JournalBatch& batch : pending.value()) {
        if (auto resent = resendBatch(journal, plan, byKey, batch, store, outcome); !resent)
            return resent;
    }
    return {};
}

Result<void> Migrator::resendBatch(Journal& journal, const MigrationPlan& plan,
                                   const QHash<QByteArray, int>& byKey, const JournalBatch& batch,
                                   KvStore& store, Outcome& outcome)
{
    // What the batch's keys hold now: each is either written already (the new value),
    // still as the journal recorded it (written now), or changed by someone else since,
    // which stops the resume rather than overwrite it.
    QVector<QByteArray> keys;
    for (const JournalEntry& entry : batch.entries)
        keys.append(entry.key);
    auto now = KeyCapture::capture(store, keys);
    if (!now)
        return now.error();
    QVector<KvCommand> commands;
    qint64 bytes = 0;
    for (int e = 0; e < batch.entries.size(); ++e) {
        const JournalEntry& entry = batch.entries.at(e);
        const int i = byKey.value(entry.key, -1);
        if (i < 0 || plan.items.at(i).sha256 != entry.newHash)
            return makeError(QStringLiteral("resume.mismatch"),
                             QStringLiteral("the journal's key %1 is not in the plan with the "
                                            "same value")
                                 .arg(QString::fromUtf8(entry.key)));
        const QByteArray held = stateHash(now.value().at(e));
        if (now.value().at(e).isString() && held == entry.newHash)
            continue; // landed before the run stopped
        if (held != stateHash(entry.previous))
            return makeError(QStringLiteral("resume.changed"),
                             QStringLiteral("key %1 changed in %2 after the run stopped (it "
                                            "holds neither what the run found nor what it "
                                            "writes); it was left as it is: rolling the run "
                                            "back lists that key")
                                 .arg(QString::fromUtf8(entry.key), store.describe()),
                             NextStep::forRun(NextStep::Action::RollbackRun, outcome.runId));
        KvCommand set{QByteArrayLiteral("SET"), entry.key, plan.items.at(i).value};
        if (!entry.previous.existed())
            set.append(QByteArrayLiteral("NX"));
        commands.append(set);
        bytes += plan.items.at(i).size;
    }
    // The entries that landed before the stop count as written, with those sent now.
    qint64 written = 0;
    QVector<qint64> settledIds;
    auto settled =
        BatchSettlement::settle(journal, store, batch.id, batch.entries, commands,
                                commands.isEmpty() ? Result<KvStore::Replies>(KvStore::Replies())
                                                   : waitFor(store, store.execute(commands)),
                                settledIds, written);
    const qint64 refused = batch.entries.size() - written;
    outcome.resent += commands.size() - refused;
    outcome.written += commands.size() - refused;
    if (!settled)
        return settled;
    for (qint64 id : settledIds) {
        auto marked = journal.markDone(id);
        if (!marked)
            return marked;
    }
    outcome.bytes += bytes;
    return {};
}

Result<QVector<int>> Migrator::notYetJournaled(const Journal& journal, const MigrationPlan& plan)
{
    auto journaled = journal.journaledKeys();
    if (!journaled)
        return journaled.error();
    QVector<int> order;
    for (int i : plan.writeOrder()) {
        const PlanItem& item = plan.items.at(i);
        if (item.writes() && !journaled.value().contains(item.key.toUtf8()))
            order.append(i);
    }
    return order;
}

QVector<Error> Migrator::unreadableMigrations(const QVector<Error>& unreadable)
{
    QVector<Error> migrations;
    for (const Error& e : unreadable) {
        const QString kind = Journal::kindOfRunId(e.next.runId);
        if (kind.isEmpty() || kind == QLatin1String("migrate"))
            migrations.append(e);
    }
    return migrations;
}

QVector<Error> Migrator::unreadableMigrations(const JobPaths& paths)
{
    return unreadableMigrations(Journal::scanRuns(paths).unreadable);
}

QString Migrator::unfinishedRun(const JobPaths& paths)
{
    const QVector<JournalRun> runs = Journal::listRuns(paths);
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        if (it->kind != QLatin1String("migrate"))
            continue;
        if (it->state == JournalRun::State::Running || it->state == JournalRun::State::Failed ||
            it->state == JournalRun::State::Cancelled)
            return it->id;
    }
    return QString();
}

} // namespace pmkv
