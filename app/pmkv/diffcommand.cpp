#include "diffcommand.h"

#include "diff/changedpaths.h"
#include "diff/diffjsonwriter.h"
#include "diffoptionsparser.h"
#include "exitcode.h"
#include "problemlines.h"
#include "workflows/diffworkflow.h"
#include "workflows/verdict.h"

namespace pmkv {
namespace {

QString changedFields(const EntityDiff& d)
{
    const QStringList paths = ChangedPaths::of(d, 4);
    return QStringLiteral("%1 field change%2: %3")
        .arg(d.changes.size())
        .arg(d.changes.size() == 1 ? QString() : QStringLiteral("s"))
        .arg(paths.join(QStringLiteral(", ")));
}

} // namespace

QString DiffCommand::summary() const
{
    return QStringLiteral("Compare two sides (pm/ folder, backup, snapshot, KV) field by field.");
}

void DiffCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("left"),
                                 QStringLiteral("A pm/ folder, backup .tar.gz, snapshot file, "
                                                "conn:NAME, http(s)://... or redis://..."));
    parser.addPositionalArgument(QStringLiteral("right"), QStringLiteral("The other side."));
    DiffOptionsParser::addOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the report as JSON.")});
    parser.addOption({QStringLiteral("html"), QStringLiteral("Write an HTML report to FILE."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("csv"),
                      QStringLiteral("Write a CSV of field changes to FILE."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("all"), QStringLiteral("Also list identical entities in the report.")});
}

QString DiffCommand::epilog() const
{
    return QStringLiteral(
        "Sides: a pm/ or pm-backup/ folder, a backup archive (.tar.gz from `pmkv backup`), a KV\n"
        "snapshot (NDJSON), or a key space: conn:NAME, http(s)://... (token in PMKV_TOKEN),\n"
        "redis://host:port. Entities line up by what they are (project, epic, story), so two\n"
        "key spaces with different layouts compare: --left-layout repository --right-layout "
        "strategy.\n"
        "\n"
        "States: same, equal-json (bytes differ, JSON equal or only ignored fields differ),\n"
        "changed, only-left, only-right, unreadable (with the reason); KV sides also compare\n"
        "the Redis type and TTL.\n"
        "\n"
        "Examples:\n"
        "  pmkv diff pm/ redis://127.0.0.1:6379\n"
        "  pmkv diff conn:prod conn:local --ignore /updatedAt --ignore /metadata/lastEditedBy\n"
        "  pmkv diff pm/ pm-backup/ --set /tags --ignore-whitespace --html diff.html\n"
        "  pmkv diff backup.tar.gz conn:local --json > diff.json\n"
        "\n"
        "Exit codes: 0 the sides are the same, whatever the files' warnings; 1 they differ,\n"
        "or with --strict a side's files have warnings; 2 an entity is unreadable or the\n"
        "command failed; 64 wrong command line.");
}

int DiffCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        return usageError(QStringLiteral("give two sides: pmkv diff LEFT RIGHT"));
    auto settings = DiffOptionsParser::parse(parser);
    if (!settings)
        return usageError(settings.error().message);
    const DiffOptionsParser::Settings& s = settings.value();

    DiffWorkflow::Request request;
    request.left = args[0];
    request.right = args[1];
    request.leftLayout = s.leftLayout;
    request.rightLayout = s.rightLayout;
    request.options = s.diff;
    request.keepSame = parser.isSet(QStringLiteral("all"));
    request.htmlPath = parser.value(QStringLiteral("html"));
    request.csvPath = parser.value(QStringLiteral("csv"));
    auto compared =
        DiffWorkflow::run(request, WorkflowContext()); // no state folder: writes nothing
    if (!compared)
        return failure(compared.error());
    const DiffReport& report = compared.value();
    if (parser.isSet(QStringLiteral("json"))) {
        out() << QString::fromUtf8(DiffJsonWriter::write(report));
    } else {
        for (const auto* side : {&report.left, &report.right}) {
            out() << (side == &report.left ? "left:  " : "right: ") << side->description
                  << " (layout " << side->layout << ", " << side->entities << " entities";
            if (!side->unmappedKeys.isEmpty())
                out() << ", " << side->unmappedKeys.size() << " keys outside the layout";
            out() << ")\n";
        }
        for (const EntityDiff& d : report.entities) {
            if (!d.isDifferent())
                continue;
            QString detail;
            if (d.state == EntityDiff::State::Changed)
                detail = changedFields(d);
            else if (d.state == EntityDiff::State::Unreadable)
                detail = !d.leftUnreadable.isEmpty()
                             ? QStringLiteral("left: ") + d.leftUnreadable
                             : QStringLiteral("right: ") + d.rightUnreadable;
            if (d.typeDiffers)
                detail += QStringLiteral(" type %1 vs %2").arg(d.leftType, d.rightType);
            if (d.ttlDiffers)
                detail += QStringLiteral(" TTL %1 vs %2")
                              .arg(d.leftTtl.value_or(-1))
                              .arg(d.rightTtl.value_or(-1));
            out() << QStringLiteral("%1  %2")
                         .arg(QString::fromLatin1(comparisonKey(d.state)), -10)
                         .arg(entityTitle(d.ref))
                  << (detail.trimmed().isEmpty() ? QString()
                                                 : QStringLiteral("  ") + detail.trimmed())
                  << "\n";
        }
        for (const DiffRollup& r : report.rollups) {
            if (r.epic.isEmpty() && !r.project.isEmpty() && r.different() > 0)
                out() << "project " << r.project << ": " << r.different() << " of " << r.total()
                      << " entities differ\n";
        }
        out() << "same " << report.count(EntityDiff::State::Same) << ", equal JSON "
              << report.count(EntityDiff::State::EqualJson) << ", changed "
              << report.count(EntityDiff::State::Changed) << ", only left "
              << report.count(EntityDiff::State::OnlyLeft) << ", only right "
              << report.count(EntityDiff::State::OnlyRight) << ", unreadable "
              << report.count(EntityDiff::State::Unreadable) << ", type/TTL " << report.typeOrTtl
              << "\n";
    }
    return Verdict::ofDiff(report, ProblemLines::strict(parser));
}

} // namespace pmkv
