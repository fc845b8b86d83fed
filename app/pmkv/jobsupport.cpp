#include "jobsupport.h"

#include "kvtarget.h"
#include "stepwording.h"

#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <unistd.h>
#include <vector>

namespace pmkv::jobsupport {

namespace {

std::atomic_bool g_cancel{false};

extern "C" void onCancelSignal(int signal)
{
    g_cancel.store(true);
    std::signal(signal, SIG_DFL); // the second one ends the process
}

QString formatSeconds(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1h%2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (s >= 60)
        return QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1s").arg(s);
}

} // namespace

void addStateOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("state-dir"),
                      QStringLiteral("Folder for journals, plans, reports and the audit log "
                                     "(default: $XDG_DATA_HOME/pmkv-studio)."),
                      QStringLiteral("folder")});
}

JobPaths paths(const QCommandLineParser& parser)
{
    return JobPaths(parser.value(QStringLiteral("state-dir")));
}

WorkflowContext context(const QCommandLineParser& parser, bool showProgress)
{
    WorkflowContext context;
    context.paths = paths(parser);
    context.frontEnd = QStringLiteral("pmkv");
    context.progress = progressLine(showProgress);
    context.wordStep = &StepWording::commandLine;
    return context;
}

void printWarnings(QTextStream& err, const WorkflowContext& context)
{
    for (const QString& warning : std::as_const(context.warnings))
        err << "warning: " << warning << Qt::endl;
}

Result<std::unique_ptr<TargetSession>> openSession(const QCommandLineParser& parser)
{
    auto profile = KvTarget::fromOptions(parser);
    if (!profile)
        return profile.error();
    return TargetSession::open(profile.value());
}

void addLayoutOptions(QCommandLineParser& parser)
{
    parser.addOption(
        {QStringLiteral("layout"),
         QStringLiteral("Key layout: repository (default), strategy, or a layout JSON file."),
         QStringLiteral("name"), QStringLiteral("repository")});
    parser.addOption({QStringLiteral("prefix"),
                      QStringLiteral("Key prefix (default: pm, or the layout file's)."),
                      QStringLiteral("prefix")});
}

void addProjectOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("project"),
                      QStringLiteral("Only this project folder (repeat for several)."),
                      QStringLiteral("name")});
}

void addPolicyOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("policy"),
                      QStringLiteral("When a key exists with another value: abort-on-conflict "
                                     "(default), overwrite or skip-existing."),
                      QStringLiteral("policy"), QStringLiteral("abort-on-conflict")});
}

QString layoutSpec(const QCommandLineParser& parser)
{
    return parser.value(QStringLiteral("layout"));
}

QString prefix(const QCommandLineParser& parser)
{
    return parser.value(QStringLiteral("prefix"));
}

QStringList projects(const QCommandLineParser& parser)
{
    QStringList names;
    for (const QString& v : parser.values(QStringLiteral("project")))
        names += v.split(QLatin1Char(','), Qt::SkipEmptyParts);
    return names;
}

bool stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

ProgressCallback progressLine(bool enabled)
{
    if (!enabled || !stderrIsTerminal())
        return {};
    return [](const JobProgress& p) {
        QString line = QStringLiteral("\r%1 %2/%3").arg(p.phase).arg(p.done).arg(p.total);
        if (p.total > 0)
            line +=
                QStringLiteral(" (%1%)").arg(100.0 * double(p.done) / double(p.total), 0, 'f', 1);
        if (p.bytesTotal > 0)
            line += QStringLiteral(", %1 MB").arg(double(p.bytesDone) / 1e6, 0, 'f', 1);
        line += QStringLiteral(", %1 keys/s, ETA %2   ")
                    .arg(p.itemsPerSecond, 0, 'f', 0)
                    .arg(formatSeconds(p.etaSeconds));
        QTextStream err(stderr);
        err << line;
        if (p.final)
            err << '\n';
        err.flush();
    };
}

const std::atomic_bool* installCancelHandler()
{
    std::signal(SIGINT, onCancelSignal);
    std::signal(SIGTERM, onCancelSignal);
    return &g_cancel;
}

void printPlan(QTextStream& stream, const MigrationPlan& plan, bool listItems,
               ProblemLines::Listing problems)
{
    if (listItems) {
        for (const PlanItem& item : plan.items)
            stream << planActionName(item.action) << '\t' << item.key << '\t' << item.reason
                   << '\n';
    }
    const MigrationPlan::Counts c = plan.counts();
    stream << "plan for " << plan.root << " -> " << plan.target << " (layout " << plan.layoutName
           << ", prefix " << plan.prefix << ", policy " << MigrationPlan::policyName(plan.policy)
           << ")\n  create " << c.create << ", update " << c.update << ", skip " << c.skip
           << ", conflict " << c.conflict << "; " << c.writeBytes << " bytes to write\n";
    ProblemLines::print(stream, plan.problems, problems, QStringLiteral("  "));
    stream.flush();
}

void keepUntilExit(const MigrationPlan& plan)
{
    static auto* kept = new std::vector<QVector<PlanItem>>(); // never deleted, on purpose
    kept->push_back(plan.items);
}

QJsonObject planSummaryJson(const MigrationPlan& plan)
{
    return plan.toJson(false);
}

} // namespace pmkv::jobsupport
