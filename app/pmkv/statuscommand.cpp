#include "statuscommand.h"

#include "exitcode.h"
#include "jobs/journal.h"
#include "jobs/validator.h"
#include "jobsupport.h"
#include "kvtarget.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace pmkv {

namespace {

const char* const kPhases[] = {
    "local KV running (Redis + REST proxy)",
    "migration tool: dry run, project by project, validation, backup",
    "dual write (files and KV), reads prefer KV",
    "full migration and validation",
    "KV only",
    "pm/ archived as pm-backup/",
};

QStringList backupsBeside(const QString& root)
{
    const QFileInfo info(QDir::cleanPath(root));
    const QDir parent = info.absoluteDir();
    return parent.entryList({info.fileName() + QStringLiteral("-backup-*.tar.gz")}, QDir::Files,
                            QDir::Name);
}

} // namespace

QString StatusCommand::summary() const
{
    return QStringLiteral("Which of the six migration phases a pm/ folder is in; the next step.");
}

void StatusCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("root"),
                                 QStringLiteral("The pm/ folder (default: pm)."),
                                 QStringLiteral("[root]"));
    KvTarget::addOptions(parser);
    jobsupport::addLayoutOptions(parser);
    jobsupport::addStateOption(parser);
    parser.addOption({QStringLiteral("sample"),
                      QStringLiteral("Keys to compare when a target is given (500; 0 = all)."),
                      QStringLiteral("n"), QStringLiteral("500")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString StatusCommand::epilog() const
{
    return QStringLiteral(
        "Phases (pm-format.md): 1 local KV running, 2 migration tool, 3 dual write, 4 full\n"
        "migration and validation, 5 KV only, 6 pm/ archived. The answer comes from the\n"
        "folder, the journals of earlier runs, backups beside the folder and, with a target,\n"
        "a sampled validation. Runs are listed with their state.\n"
        "\n"
        "Examples:\n"
        "  pmkv status pm/\n"
        "  pmkv status pm/ --redis redis://127.0.0.1:6379\n"
        "  pmkv status pm/ --conn prod --sample 0 --json\n"
        "\n"
        "Exit codes: 0 shown, 1 an unfinished run needs attention, 2 failed, 64 wrong command "
        "line.");
}

int StatusCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() > 1)
        return usageError(QStringLiteral("give at most one pm/ folder"));
    qint64 sample = 500;
    QString error;
    if (!readCount(parser, QStringLiteral("sample"), sample, error))
        return usageError(error);
    const QString root = QDir(args.isEmpty() ? QStringLiteral("pm") : args.first()).absolutePath();
    const JobPaths paths = jobsupport::paths(parser);
    const QVector<JournalRun> runs = Journal::listRuns(paths);

    int phase = 1;
    QString next;
    QStringList facts;
    int code = ExitClean;
    const QString archived = root + QStringLiteral("-backup");
    const bool rootExists = QFileInfo(root).isDir();
    const QStringList backups = backupsBeside(root);
    facts << QStringLiteral("%1 backups beside the folder").arg(backups.size());

    const JournalRun* unfinished = nullptr;
    const JournalRun* lastMigrate = nullptr;
    bool fullMigrate = false;
    for (const JournalRun& run : runs) {
        if (run.kind != QLatin1String("migrate") ||
            QDir::cleanPath(run.params.value(QStringLiteral("root")).toString()) != root)
            continue;
        if (run.state == JournalRun::State::Done) {
            lastMigrate = &run;
            fullMigrate =
                fullMigrate || run.params.value(QStringLiteral("projects")).toArray().isEmpty();
        } else if (run.state != JournalRun::State::Undone) {
            unfinished = &run;
        }
    }
    bool archivedDone = false;
    for (const JournalRun& run : runs) {
        if (run.kind == QLatin1String("archive") && run.state == JournalRun::State::Done &&
            run.params.value(QStringLiteral("from")).toString() == root)
            archivedDone = true;
    }

    std::optional<Validator::Outcome> validation;
    if (!rootExists && (archivedDone || QFileInfo(archived).isDir())) {
        phase = 6;
        next = QStringLiteral("nothing: the migration is complete. To go back, `pmkv archive "
                              "--undo` renames %1 to %2.")
                   .arg(archived, root);
    } else if (!rootExists) {
        return failure(
            QStringLiteral("%1 is not a folder, and no archive of it was found").arg(root));
    } else if (!KvTarget::isGiven(parser)) {
        phase = lastMigrate ? 2 : 1;
        next = QStringLiteral("give the key space (--redis, --url or --conn) so the status can "
                              "check it");
    } else {
        StoreThread thread;
        auto target = jobsupport::openTarget(parser, thread, false);
        if (!target) {
            phase = 1;
            next = QStringLiteral("start the local Redis and REST proxy (pmkv-proxy), then "
                                  "check again: ") +
                   target.error().message;
        } else {
            KvStore& store = *target.value().store;
            Validator::Params params;
            params.root = root;
            params.layoutSpec = jobsupport::layoutSpec(parser);
            params.prefix = jobsupport::prefix(parser);
            params.sample = sample;
            auto checked = Validator::run(params, store);
            if (!checked) {
                phase = 1;
                next = QStringLiteral("the key space does not answer (") + checked.error().message +
                       QStringLiteral("): start Redis and pmkv-proxy first");
            } else {
                validation = checked.value();
                const auto& v = checked.value();
                const qint64 equal = v.counts.value(QStringLiteral("equal")) +
                                     v.counts.value(QStringLiteral("equal-json"));
                facts << QStringLiteral("%1 of %2 checked keys match the files")
                             .arg(equal)
                             .arg(v.checkedKeys);
                if (unfinished) {
                    phase = 2;
                    code = ExitWarnings;
                    next = QStringLiteral("run %1 did not finish: `pmkv migrate --resume %1` or "
                                          "`pmkv rollback %1`")
                               .arg(unfinished->id);
                } else if (!lastMigrate) {
                    phase = 2;
                    next = QStringLiteral("`pmkv backup %1`, then `pmkv plan %1 ...` and `pmkv "
                                          "migrate %1 --project NAME ...` one project at a time")
                               .arg(root);
                } else if (!fullMigrate || equal < v.checkedKeys) {
                    phase = fullMigrate ? 4 : 3;
                    next = QStringLiteral("migrate what is missing or different (`pmkv migrate "
                                          "%1 --policy overwrite`) and validate in full")
                               .arg(root);
                } else if (backups.isEmpty()) {
                    phase = 4;
                    next = QStringLiteral("validation matches: make a verified backup with `pmkv "
                                          "backup %1`")
                               .arg(root);
                } else {
                    phase = 5;
                    next = QStringLiteral("KV holds everything and a backup exists: switch the "
                                          "application to KV only, then `pmkv archive %1`")
                               .arg(root);
                }
            }
        }
    }
    if (unfinished && phase != 2) {
        code = ExitWarnings;
        facts << QStringLiteral("run %1 did not finish").arg(unfinished->id);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray runArray;
        for (const JournalRun& run : runs)
            runArray.append(QJsonObject{{QStringLiteral("id"), run.id},
                                        {QStringLiteral("kind"), run.kind},
                                        {QStringLiteral("state"), journalRunStateName(run.state)},
                                        {QStringLiteral("message"), run.message}});
        QJsonObject j{{QStringLiteral("root"), root},
                      {QStringLiteral("phase"), phase},
                      {QStringLiteral("phaseName"), QLatin1String(kPhases[phase - 1])},
                      {QStringLiteral("next"), next},
                      {QStringLiteral("facts"), QJsonArray::fromStringList(facts)},
                      {QStringLiteral("runs"), runArray},
                      {QStringLiteral("exitCode"), code}};
        if (validation)
            j.insert(QStringLiteral("validation"), validation->toJson(50));
        out() << QJsonDocument(j).toJson(QJsonDocument::Indented);
        return code;
    }
    out() << "phase " << phase << " of 6: " << kPhases[phase - 1] << '\n';
    for (const QString& f : facts)
        out() << "  " << f << '\n';
    out() << "next safe step: " << next << '\n';
    if (!runs.isEmpty())
        out() << "runs:\n";
    for (const JournalRun& run : runs)
        out() << "  " << run.id << "  " << journalRunStateName(run.state) << "  " << run.message
              << '\n';
    return code;
}

} // namespace pmkv
