#include "workflows/statusworkflow.h"

#include "jobs/journal.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace pmkv {

namespace {

QStringList backupsBeside(const QString& root)
{
    const QFileInfo info(QDir::cleanPath(root));
    return info.absoluteDir().entryList({info.fileName() + QStringLiteral("-backup-*.tar.gz")},
                                        QDir::Files, QDir::Name);
}

// What the journals say about migrations of `root`.
struct RunHistory
{
    const JournalRun* unfinished = nullptr;
    const JournalRun* lastDone = nullptr;
    bool fullRun = false; // a finished run over the whole tree (no project scope)
    bool archived = false;
};

// The archive (a finished rename, not undone) whose `side` ("from" or "to") is `path`.
const JournalRun* archiveRun(const QVector<JournalRun>& runs, const QString& side,
                             const QString& path)
{
    const JournalRun* found = nullptr;
    for (const JournalRun& run : runs) {
        if (run.kind == QLatin1String("archive") && run.state == JournalRun::State::Done &&
            QDir::cleanPath(run.params.value(side).toString()) == path)
            found = &run;
    }
    return found;
}

RunHistory historyOf(const QVector<JournalRun>& runs, const QString& root)
{
    RunHistory history;
    for (const JournalRun& run : runs) {
        if (run.kind == QLatin1String("archive") && run.state == JournalRun::State::Done &&
            run.params.value(QStringLiteral("from")).toString() == root)
            history.archived = true;
        if (run.kind != QLatin1String("migrate") ||
            QDir::cleanPath(run.params.value(QStringLiteral("root")).toString()) != root)
            continue;
        if (run.state == JournalRun::State::Done) {
            history.lastDone = &run;
            history.fullRun =
                history.fullRun || run.params.value(QStringLiteral("projects")).toArray().isEmpty();
        } else if (run.state != JournalRun::State::Undone) {
            history.unfinished = &run;
        }
    }
    return history;
}

void advise(StatusWorkflow::Outcome& outcome, int phase, const QString& advice, NextStep next)
{
    outcome.phase = phase;
    outcome.advice = advice;
    outcome.next = std::move(next);
}

// A folder named as an archive (<name>-backup or <name>-backup-N) whose <name> is gone: what
// an archive leaves when no journal of it is at hand (another state folder, another machine).
QString archivedFromName(const QString& root)
{
    static const QRegularExpression archiveName(QStringLiteral("^(.+)-backup(-[0-9]+)?$"));
    const QRegularExpressionMatch match = archiveName.match(root);
    if (!match.hasMatch() || QFileInfo::exists(match.captured(1)))
        return QString();
    return match.captured(1);
}

// Phase 6 seen from the archive itself: where it came from, what ran on the tree under that
// name, and the undo as the way back.
void adviseArchived(StatusWorkflow::Outcome& outcome, const QString& from, const JournalRun* run)
{
    const RunHistory before = historyOf(outcome.runs, from);
    int finished = 0;
    for (const JournalRun& r : outcome.runs) {
        if (r.kind == QLatin1String("migrate") && r.state == JournalRun::State::Done &&
            QDir::cleanPath(r.params.value(QStringLiteral("root")).toString()) == from)
            ++finished;
    }
    outcome.facts << (run ? QStringLiteral("archived from %1 by run %2").arg(from, run->id)
                          : QStringLiteral("archived from %1 (%1 is gone)").arg(from));
    outcome.facts << QStringLiteral("%1 finished migration runs of %2").arg(finished).arg(from);
    if (before.unfinished)
        outcome.unfinishedRun = before.unfinished->id;
    NextStep undo = run ? NextStep::forRun(NextStep::Action::UndoArchive, run->id)
                        : NextStep::forPath(NextStep::Action::UndoArchive, outcome.root);
    undo.path = outcome.root;
    advise(outcome, 6,
           QStringLiteral("nothing: the migration is complete and this folder is its archive. "
                          "To go back, the archive can be undone (renamed back to %1).")
               .arg(from),
           undo);
}

} // namespace

QString StatusWorkflow::phaseName(int phase)
{
    switch (phase) {
    case 1:
        return QStringLiteral("local KV running (Redis + REST proxy)");
    case 2:
        return QStringLiteral("migration tool: dry run, project by project, validation, backup");
    case 3:
        return QStringLiteral("dual write (files and KV), reads prefer KV");
    case 4:
        return QStringLiteral("full migration and validation");
    case 5:
        return QStringLiteral("KV only");
    case 6:
        return QStringLiteral("pm/ archived as pm-backup/");
    }
    return QString();
}

Result<StatusWorkflow::Outcome> StatusWorkflow::run(const Request& request,
                                                    const WorkflowContext& context)
{
    Outcome outcome;
    outcome.root = QDir(request.root).absolutePath();
    Journal::Listing listing = Journal::scanRuns(context.paths);
    outcome.runs = std::move(listing.runs);
    outcome.unreadableJournals = std::move(listing.unreadable);
    const QString& root = outcome.root;
    const RunHistory history = historyOf(outcome.runs, root);
    if (history.unfinished)
        outcome.unfinishedRun = history.unfinished->id;
    const QStringList backups = backupsBeside(root);
    outcome.facts << QStringLiteral("%1 backups beside the folder").arg(backups.size());

    const JournalRun* archivedAs = archiveRun(outcome.runs, QStringLiteral("from"), root);
    const QString archived =
        archivedAs ? QDir::cleanPath(archivedAs->params.value(QStringLiteral("to")).toString())
                   : root + QStringLiteral("-backup");
    const JournalRun* archiveOfThis = archiveRun(outcome.runs, QStringLiteral("to"), root);
    const QString nameBefore =
        archiveOfThis
            ? QDir::cleanPath(archiveOfThis->params.value(QStringLiteral("from")).toString())
            : archivedFromName(root);
    if (QFileInfo(root).isDir() && !nameBefore.isEmpty()) {
        adviseArchived(outcome, nameBefore, archiveOfThis);
    } else if (!QFileInfo(root).isDir()) {
        if (!history.archived && !QFileInfo(archived).isDir())
            return makeError(
                QStringLiteral("status.no-folder"),
                QStringLiteral("%1 is not a folder, and no archive of it was found").arg(root));
        outcome.facts
            << (archivedAs
                    ? QStringLiteral("archived as %1 by run %2").arg(archived, archivedAs->id)
                    : QStringLiteral("archived as %1").arg(archived));
        NextStep undo = archivedAs ? NextStep::forRun(NextStep::Action::UndoArchive, archivedAs->id)
                                   : NextStep::forPath(NextStep::Action::UndoArchive, archived);
        undo.path = archived;
        advise(outcome, 6,
               QStringLiteral("nothing: the migration is complete and the tree is now %1. To go "
                              "back, the archive can be renamed back from %1 to %2.")
                   .arg(archived, root),
               undo);
    } else if (!request.session && !request.unreachable) {
        advise(outcome, history.lastDone ? 2 : 1,
               QStringLiteral("say which key space to check, so the status can compare it"),
               NextStep::forPath(NextStep::Action::GiveKeySpace, root));
    } else if (!request.session) {
        advise(outcome, 1,
               QStringLiteral("start the local Redis and its REST proxy, then check again: ") +
                   request.unreachable->message,
               NextStep::forPath(NextStep::Action::StartLocalKv, root));
    } else {
        decideFromKeySpace(request, context, outcome);
    }
    if (!outcome.unfinishedRun.isEmpty() && outcome.phase != 2)
        outcome.facts << QStringLiteral("run %1 did not finish").arg(outcome.unfinishedRun);
    outcome.phaseName = phaseName(outcome.phase);
    return outcome;
}

void StatusWorkflow::decideFromKeySpace(const Request& request, const WorkflowContext& context,
                                        Outcome& outcome)
{
    const QString& root = outcome.root;
    Validator::Params params;
    params.root = root;
    params.layoutSpec = request.layoutSpec;
    params.prefix = request.prefix;
    params.sample = request.sample;
    params.cancel = context.cancel;
    auto checked = Validator::run(params, request.session->store());
    if (!checked) {
        advise(outcome, 1,
               QStringLiteral("the key space does not answer (%1): start Redis and its REST "
                              "proxy first")
                   .arg(checked.error().message),
               NextStep::forPath(NextStep::Action::StartLocalKv, root));
        return;
    }
    outcome.validation = checked.value();
    const Validator::Outcome& v = checked.value();
    const qint64 equal = v.counts[Comparison::Same] + v.counts[Comparison::EqualJson];
    outcome.facts
        << QStringLiteral("%1 of %2 checked keys match the files").arg(equal).arg(v.checkedKeys);
    const RunHistory history = historyOf(outcome.runs, root);
    if (history.unfinished) {
        advise(outcome, 2,
               QStringLiteral("run %1 did not finish: resume it or roll it back")
                   .arg(history.unfinished->id),
               NextStep::forRun(NextStep::Action::ResumeRun, history.unfinished->id));
    } else if (!history.lastDone) {
        advise(outcome, 2,
               QStringLiteral("make a verified backup first, then plan and migrate one project "
                              "at a time"),
               NextStep::forPath(NextStep::Action::Backup, root));
    } else if (!history.fullRun || equal < v.checkedKeys) {
        advise(outcome, history.fullRun ? 4 : 3,
               QStringLiteral("migrate what is missing or different, and validate in full"),
               NextStep::forPath(NextStep::Action::MigrateOverwrite, root));
    } else if (backupsBeside(root).isEmpty()) {
        advise(outcome, 4, QStringLiteral("validation matches: make a verified backup"),
               NextStep::forPath(NextStep::Action::Backup, root));
    } else {
        advise(outcome, 5,
               QStringLiteral("KV holds everything and a backup exists: switch the application "
                              "to KV only, then archive the folder"),
               NextStep::forPath(NextStep::Action::Archive, root));
    }
}

} // namespace pmkv
