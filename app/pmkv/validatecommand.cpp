#include "validatecommand.h"

#include "exitcode.h"
#include "jobsupport.h"
#include "kvtarget.h"
#include "problemlines.h"
#include "workflows/validationworkflow.h"

#include <QJsonDocument>

namespace pmkv {

QString ValidateCommand::summary() const
{
    return QStringLiteral("Compare a pm/ folder with the key space both ways; write a report.");
}

void ValidateCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("root"), QStringLiteral("The pm/ folder."));
    KvTarget::addOptions(parser);
    jobsupport::addLayoutOptions(parser);
    jobsupport::addProjectOption(parser);
    jobsupport::addStateOption(parser);
    parser.addOption({QStringLiteral("sample"),
                      QStringLiteral("Check N keys chosen at random instead of all (no orphan "
                                     "scan)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed for --sample (1)."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("report"),
                      QStringLiteral("Folder for the report (default: reports/ in the state "
                                     "folder)."),
                      QStringLiteral("folder")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    ProblemLines::addStrictOption(parser);
    ProblemLines::addAllOption(parser);
}

QString ValidateCommand::epilog() const
{
    const QString text = QStringLiteral(
        "States: same, equal-json (same JSON, other bytes), changed, only-files (missing\n"
        "key), only-kv (a key under the prefix no file maps to), unreadable (not a string,\n"
        "or not JSON); `pmkv diff` names them the same way. Keys with a TTL are reported too. "
        "Counts are given per kind (role).\n"
        "\n"
        "Examples:\n"
        "  pmkv validate pm/ --redis redis://127.0.0.1:6379\n"
        "  pmkv validate pm/ --conn prod --sample 500\n"
        "  PMKV_TOKEN=... pmkv validate pm/ --url http://localhost:8080 --project atlas --json\n"
        "  pmkv validate pm/ --redis redis://127.0.0.1:6379 --strict     (CI: warnings fail too)\n"
        "\n");
    return text +
           ProblemLines::exitRule(QStringLiteral("every key matches the files"),
                                  QStringLiteral("keys differ, are missing, extra or expire"));
}

int ValidateCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(QStringLiteral("give exactly one pm/ folder"));
    qint64 sample = 0;
    qint64 seed = 1;
    QString error;
    if (!readCount(parser, QStringLiteral("sample"), sample, error) ||
        !readCount(parser, QStringLiteral("seed"), seed, error))
        return usageError(error);
    const bool json = parser.isSet(QStringLiteral("json"));
    ValidationWorkflow::Request request;
    request.root = args.first();
    request.layoutSpec = jobsupport::layoutSpec(parser);
    request.prefix = jobsupport::prefix(parser);
    request.projects = jobsupport::projects(parser);
    request.sample = sample;
    request.seed = quint32(seed);
    request.reportFolder = parser.value(QStringLiteral("report"));
    request.strict = ProblemLines::strict(parser);
    auto session = jobsupport::openSession(parser);
    if (!session)
        return failure(session.error());
    WorkflowContext context = jobsupport::context(parser, !json);
    context.cancel = jobsupport::installCancelHandler();
    auto result = ValidationWorkflow::run(request, *session.value(), context);
    jobsupport::printWarnings(err(), context);
    if (!result)
        return failure(result.error());
    const Validator::Outcome& v = result.value().validation;
    const int code = result.value().verdict;
    const QString saved = result.value().reportPath;
    if (json) {
        QJsonObject j = result.value().report.toJson();
        j.insert(QStringLiteral("report"), saved);
        out() << QJsonDocument(j).toJson(QJsonDocument::Indented);
        return code;
    }
    out() << "validated " << v.root << " against " << v.target << ": " << v.checkedKeys
          << " keys from files" << (v.sampled ? " (sample)" : "") << ", " << v.kvKeys
          << " keys under " << v.prefix << ":\n";
    for (int s = 0; s < kComparisonCount; ++s)
        out() << "  " << Validator::stateName(Comparison(s)).leftJustified(11) << ' '
              << v.counts.n[size_t(s)] << '\n';
    out() << "  with TTL    " << v.withTtl << '\n';
    for (int i = 0; i < v.findings.size() && i < 20; ++i)
        out() << "  " << Validator::stateName(v.findings.at(i).state) << '\t'
              << v.findings.at(i).key << '\t' << v.findings.at(i).detail << '\n';
    if (v.findings.size() > 20)
        out() << "  ... " << v.findings.size() - 20 << " more in the report\n";
    ProblemLines::printSummary(out(), v.problems, ProblemLines::listing(parser));
    for (const QString& n : v.notes)
        out() << "note: " << n << '\n';
    out() << QString::number(v.seconds, 'f', 2) << " s, "
          << QString::number(v.keysPerSecond, 'f', 0) << " keys/s\n";
    if (!saved.isEmpty())
        out() << "report " << saved << '\n';
    return code;
}

} // namespace pmkv
