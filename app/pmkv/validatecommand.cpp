#include "validatecommand.h"

#include "exitcode.h"
#include "jobs/jobreport.h"
#include "jobs/validator.h"
#include "jobsupport.h"
#include "kvtarget.h"

#include <QDateTime>
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
}

QString ValidateCommand::epilog() const
{
    return QStringLiteral(
        "States: equal, equal-json (same JSON, other bytes), different, only-files (missing\n"
        "key), only-kv (a key under the prefix no file maps to), wrong-type (not a string);\n"
        "keys with a TTL are reported too. Counts are given per kind (role).\n"
        "\n"
        "Examples:\n"
        "  pmkv validate pm/ --redis redis://127.0.0.1:6379\n"
        "  pmkv validate pm/ --conn prod --sample 500\n"
        "  PMKV_TOKEN=... pmkv validate pm/ --url http://localhost:8080 --project atlas --json\n"
        "\n"
        "Exit codes: 0 clean, 1 differences or warnings, 2 errors in the files or the check\n"
        "failed, 64 wrong command line.");
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
    StoreThread thread;
    auto target = jobsupport::openTarget(parser, thread, false);
    if (!target)
        return failure(target.error().message);
    Validator::Params params;
    params.root = args.first();
    params.layoutSpec = jobsupport::layoutSpec(parser);
    params.prefix = jobsupport::prefix(parser);
    params.projects = jobsupport::projects(parser);
    params.sample = sample;
    params.seed = quint32(seed);
    params.cancel = jobsupport::installCancelHandler();
    params.progress = jobsupport::progressLine(!json);
    auto result = Validator::run(params, *target.value().store);
    if (!result)
        return failure(result.error().message);
    const Validator::Outcome& v = result.value();
    JobReport report(QStringLiteral("Validation of %1").arg(v.root));
    report.setValidation(v);
    const JobPaths paths = jobsupport::paths(parser);
    const QString folder = parser.isSet(QStringLiteral("report"))
                               ? parser.value(QStringLiteral("report"))
                               : paths.reportsFolder();
    const QString name =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz")) +
        QStringLiteral("Z-validate");
    auto saved = report.save(folder, name);
    const int code = report.exitCode();
    jobsupport::recordAudit(parser, err(), QStringLiteral("validate"), v.target, v.checkedKeys);
    if (json) {
        QJsonObject j = report.toJson();
        j.insert(QStringLiteral("report"), saved ? saved.value() : QString());
        out() << QJsonDocument(j).toJson(QJsonDocument::Indented);
        return code;
    }
    out() << "validated " << v.root << " against " << v.target << ": " << v.checkedKeys
          << " keys from files" << (v.sampled ? " (sample)" : "") << ", " << v.kvKeys
          << " keys under " << v.prefix << ":\n";
    for (auto it = v.counts.cbegin(); it != v.counts.cend(); ++it)
        out() << "  " << it.key().leftJustified(11) << ' ' << it.value() << '\n';
    out() << "  with TTL    " << v.withTtl << '\n';
    for (int i = 0; i < v.findings.size() && i < 20; ++i)
        out() << "  " << Validator::stateName(v.findings.at(i).state) << '\t'
              << v.findings.at(i).key << '\t' << v.findings.at(i).detail << '\n';
    if (v.findings.size() > 20)
        out() << "  ... " << v.findings.size() - 20 << " more in the report\n";
    for (const QString& n : v.notes)
        out() << "note: " << n << '\n';
    out() << QString::number(v.seconds, 'f', 2) << " s, "
          << QString::number(v.keysPerSecond, 'f', 0) << " keys/s\n";
    if (saved)
        out() << "report " << saved.value() << '\n';
    return code;
}

} // namespace pmkv
