#include "plancommand.h"

#include "exitcode.h"
#include "jobs/planner.h"
#include "jobsupport.h"
#include "kvtarget.h"
#include "problemjson.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>

namespace pmkv {

QString PlanCommand::summary() const
{
    return QStringLiteral("Dry run of a migration: what each key would get; saved as JSON.");
}

void PlanCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("root"), QStringLiteral("The pm/ folder."));
    KvTarget::addOptions(parser);
    jobsupport::addLayoutOptions(parser);
    jobsupport::addProjectOption(parser);
    jobsupport::addStateOption(parser);
    jobsupport::addPolicyOption(parser);
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Where to save the plan (default: plans/ in the state "
                                     "folder)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("list"), QStringLiteral("Print one line per key.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString PlanCommand::epilog() const
{
    return QStringLiteral(
        "Actions: create (absent), update (differs; policy overwrite), skip (identical, or kept\n"
        "by skip-existing), conflict (differs under abort-on-conflict, or not a string).\n"
        "The plan records a SHA-256 per value and what each key held: `pmkv migrate --plan\n"
        "FILE` refuses it if a file or a key changed since.\n"
        "\n"
        "Examples:\n"
        "  pmkv plan pm/ --redis redis://127.0.0.1:6379\n"
        "  pmkv plan pm/ --conn local --project atlas --policy overwrite -o atlas.plan.json\n"
        "  PMKV_TOKEN=... pmkv plan pm/ --url http://localhost:8080 --list\n"
        "\n"
        "Exit codes: 0 nothing to report, 1 conflicts or warnings in the files, 2 errors\n"
        "(files left out, or the plan failed), 64 wrong command line.");
}

int PlanCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(QStringLiteral("give exactly one pm/ folder"));
    auto policy = MigrationPlan::policyFromName(parser.value(QStringLiteral("policy")));
    if (!policy)
        return usageError(policy.error().message);
    StoreThread thread;
    auto target = jobsupport::openTarget(parser, thread, false);
    if (!target)
        return failure(target.error().message);
    Planner::Params params;
    params.root = args.first();
    params.layoutSpec = jobsupport::layoutSpec(parser);
    params.prefix = jobsupport::prefix(parser);
    params.projects = jobsupport::projects(parser);
    params.policy = policy.value();
    params.holdValues = false; // a saved plan keeps hashes; `migrate --plan` reads the files
    auto plan = Planner::plan(params, *target.value().store);
    if (!plan)
        return failure(plan.error().message);
    QString path = parser.value(QStringLiteral("output"));
    if (path.isEmpty()) {
        const JobPaths paths = jobsupport::paths(parser);
        QDir().mkpath(paths.plansFolder());
        path = paths.plansFolder() + QLatin1Char('/') +
               QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss")) +
               QStringLiteral("Z.plan.json");
    }
    auto saved = plan.value().save(path);
    if (!saved)
        return failure(saved.error().message);
    int code = exitCodeFor(plan.value().problems);
    if (plan.value().counts().conflict > 0)
        code = qMax(code, int(ExitWarnings));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json = jobsupport::planSummaryJson(plan.value());
        json.insert(QStringLiteral("planFile"), path);
        json.insert(QStringLiteral("exitCode"), code);
        out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return code;
    }
    jobsupport::printPlan(out(), plan.value(), parser.isSet(QStringLiteral("list")));
    out() << "saved " << path << "\nexecute it with: pmkv migrate --plan " << path << " <target>\n";
    return code;
}

} // namespace pmkv
