#include "plancommand.h"

#include "exitcode.h"
#include "jobsupport.h"
#include "kvtarget.h"
#include "problemlines.h"
#include "workflows/migrationworkflow.h"

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
    ProblemLines::addStrictOption(parser);
    ProblemLines::addAllOption(parser);
}

QString PlanCommand::epilog() const
{
    const QString text = QStringLiteral(
        "Actions: create (absent), update (differs; policy overwrite), skip (identical, or kept\n"
        "by skip-existing), conflict (differs under abort-on-conflict, or not a string).\n"
        "The plan records a SHA-256 per value and what each key held: `pmkv migrate --plan\n"
        "FILE` refuses it if a file or a key changed since.\n"
        "\n"
        "Examples:\n"
        "  pmkv plan pm/ --redis redis://127.0.0.1:6379\n"
        "  pmkv plan pm/ --conn local --project atlas --policy overwrite -o atlas.plan.json\n"
        "  PMKV_TOKEN=... pmkv plan pm/ --url http://localhost:8080 --list\n"
        "\n");
    return text + ProblemLines::exitRule(QStringLiteral("every key can be written"),
                                         QStringLiteral("the plan has conflicts"));
}

int PlanCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(QStringLiteral("give exactly one pm/ folder"));
    auto policy = MigrationPlan::policyFromName(parser.value(QStringLiteral("policy")));
    if (!policy)
        return usageError(policy.error().message);
    MigrationWorkflow::PlanRequest request;
    request.scope.root = args.first();
    request.scope.layoutSpec = jobsupport::layoutSpec(parser);
    request.scope.prefix = jobsupport::prefix(parser);
    request.scope.projects = jobsupport::projects(parser);
    request.scope.policy = policy.value();
    request.output = parser.value(QStringLiteral("output"));
    request.strict = ProblemLines::strict(parser);
    auto session = jobsupport::openSession(parser);
    if (!session)
        return failure(session.error());
    const WorkflowContext context = jobsupport::context(parser, false);
    auto made = MigrationWorkflow::plan(request, *session.value(), context);
    if (!made)
        return failure(made.error());
    const MigrationWorkflow::PlanOutcome& planned = made.value();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json = jobsupport::planSummaryJson(planned.plan);
        json.insert(QStringLiteral("planFile"), planned.path);
        json.insert(QStringLiteral("exitCode"), planned.verdict);
        out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return planned.verdict;
    }
    jobsupport::printPlan(out(), planned.plan, parser.isSet(QStringLiteral("list")),
                          ProblemLines::listing(parser));
    out() << "saved " << planned.path << "\nexecute it with: pmkv migrate --plan " << planned.path
          << " <target>\n";
    return planned.verdict;
}

} // namespace pmkv
