#include "problemlines.h"

#include "files/problemgroup.h"

namespace pmkv {

namespace {

constexpr int kPathsShown = 3;

QString groupLine(const ProblemGroup& group)
{
    QStringList paths;
    for (int i = 0; i < group.count() && i < kPathsShown; ++i)
        paths << group.problems.at(i).path;
    QString shown = paths.join(QStringLiteral(", "));
    if (group.count() > kPathsShown)
        shown += QStringLiteral(" and %1 more").arg(group.count() - kPathsShown);
    return QStringLiteral("%1 [%2] %3 files: %4 (%5; --all lists every file)")
        .arg(severityName(group.severity), group.code)
        .arg(group.count())
        .arg(group.message, shown);
}

} // namespace

void ProblemLines::addAllOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("all"),
                      QStringLiteral("List every problem on its own line (by default, one "
                                     "problem found on many files is one line).")});
}

ProblemLines::Listing ProblemLines::listing(const QCommandLineParser& parser)
{
    return parser.isSet(QStringLiteral("all")) ? Listing::Every : Listing::Grouped;
}

void ProblemLines::addStrictOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("strict"),
                      QStringLiteral("Count the files' warnings as differences (exit 1).")});
}

bool ProblemLines::strict(const QCommandLineParser& parser)
{
    return parser.isSet(QStringLiteral("strict"));
}

QString ProblemLines::exitRule(const QString& clean, const QString& differences)
{
    return QStringLiteral("Exit codes:\n"
                          "  0   %1, whatever the files' warnings (dangling references,\n"
                          "      lists that disagree with folders: printed as a summary, listed\n"
                          "      in --json and the report)\n"
                          "  1   %2; with --strict, also a warning in the files\n"
                          "  2   a file could not be read or mapped, or the command failed\n"
                          "  64  wrong command line")
        .arg(clean, differences);
}

void ProblemLines::print(QTextStream& stream, const QVector<Problem>& problems, Listing listing,
                         const QString& indent)
{
    if (listing == Listing::None)
        return;
    if (listing == Listing::Every) {
        for (const Problem& p : problems)
            stream << indent << p.toText() << '\n';
        return;
    }
    for (const ProblemGroup& group : ProblemGroup::group(problems))
        stream << indent
               << (group.count() == 1 ? group.problems.first().toText() : groupLine(group)) << '\n';
}

void ProblemLines::printSummary(QTextStream& stream, const QVector<Problem>& problems,
                                Listing listing, const QString& indent)
{
    if (problems.isEmpty() || listing == Listing::None)
        return;
    int errors = 0;
    for (const Problem& p : problems)
        errors += p.severity == Severity::Error ? 1 : 0;
    stream << indent << "files: " << errors << " errors, " << problems.size() - errors
           << " warnings\n";
    print(stream, problems, listing, indent + QStringLiteral("  "));
}

} // namespace pmkv
