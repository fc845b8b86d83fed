#include "statuscommand.h"

#include "exitcode.h"
#include "jobs/journal.h"
#include "jobsupport.h"
#include "kvtarget.h"
#include "problemjson.h"
#include "stepwording.h"
#include "workflows/statusworkflow.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pmkv {

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
    StatusWorkflow::Request request;
    request.root = args.isEmpty() ? QStringLiteral("pm") : args.first();
    request.layoutSpec = jobsupport::layoutSpec(parser);
    request.prefix = jobsupport::prefix(parser);
    request.sample = sample;
    std::unique_ptr<TargetSession> session;
    if (KvTarget::isGiven(parser)) {
        auto opened = jobsupport::openSession(parser);
        if (opened)
            session = std::move(opened.value());
        else
            request.unreachable = opened.error();
    }
    request.session = session.get();
    const WorkflowContext context = jobsupport::context(parser, false);
    auto status = StatusWorkflow::run(request, context);
    if (!status)
        return failure(status.error());
    const StatusWorkflow::Outcome& s = status.value();
    // A journal that cannot be read may be of a run that did not finish: it needs a look too.
    const int code = s.unfinishedRun.isEmpty() && s.unreadableJournals.isEmpty()
                         ? int(ExitClean)
                         : int(ExitWarnings);
    QString next = s.advice;
    const QString worded = StepWording::sentence(s.next);
    if (!worded.isEmpty())
        next += QStringLiteral(": ") + worded;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray runArray;
        for (const JournalRun& run : s.runs)
            runArray.append(QJsonObject{{QStringLiteral("id"), run.id},
                                        {QStringLiteral("kind"), run.kind},
                                        {QStringLiteral("state"), journalRunStateName(run.state)},
                                        {QStringLiteral("message"), run.message}});
        QJsonObject j{{QStringLiteral("root"), s.root},
                      {QStringLiteral("phase"), s.phase},
                      {QStringLiteral("phaseName"), s.phaseName},
                      {QStringLiteral("next"), next},
                      {QStringLiteral("nextStep"), s.next.toJson()},
                      {QStringLiteral("facts"), QJsonArray::fromStringList(s.facts)},
                      {QStringLiteral("runs"), runArray},
                      {QStringLiteral("unreadableJournals"), errorsToJson(s.unreadableJournals)},
                      {QStringLiteral("exitCode"), code}};
        if (s.validation)
            j.insert(QStringLiteral("validation"), s.validation->toJson(50));
        out() << QJsonDocument(j).toJson(QJsonDocument::Indented);
        return code;
    }
    out() << "phase " << s.phase << " of 6: " << s.phaseName << '\n';
    for (const QString& f : s.facts)
        out() << "  " << f << '\n';
    out() << "next safe step: " << next << '\n';
    if (!s.runs.isEmpty() || !s.unreadableJournals.isEmpty())
        out() << "runs:\n";
    for (const JournalRun& run : s.runs)
        out() << "  " << run.id << "  " << journalRunStateName(run.state) << "  " << run.message
              << '\n';
    for (const Error& e : s.unreadableJournals)
        out() << "  unreadable  " << e.message << '\n';
    return code;
}

} // namespace pmkv
