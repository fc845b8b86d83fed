#include "scancommand.h"

#include "exitcode.h"
#include "files/pmreader.h"
#include "problemjson.h"
#include "problemlines.h"
#include "workflows/verdict.h"

#include <QJsonDocument>

namespace pmkv {

QString ScanCommand::summary() const
{
    return QStringLiteral("Read a pm/ folder, count its entities and report every problem.");
}

void ScanCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("root"), QStringLiteral("The pm/ folder to read."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    parser.addOption({QStringLiteral("max-file-mib"),
                      QStringLiteral("Refuse files larger than this many MiB (default 16)."),
                      QStringLiteral("n")});
    ProblemLines::addAllOption(parser);
}

QString ScanCommand::epilog() const
{
    return QStringLiteral(
        "Examples:\n"
        "  pmkv scan pm/                 counts and problems (path:line:col; one problem\n"
        "                                found on many files is one line with its count)\n"
        "  pmkv scan pm/ --all           every problem on its own line\n"
        "  pmkv scan pm/ --json | jq .counts\n"
        "\n"
        "Exit codes: 0 clean, 1 warnings only, 2 errors (or the folder cannot be read),\n"
        "64 wrong command line.");
}

int ScanCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(QStringLiteral("give exactly one pm/ folder"));
    PmReader::Options options;
    qint64 maxMiB = options.maxFileBytes / (1024 * 1024);
    QString error;
    if (!readCount(parser, QStringLiteral("max-file-mib"), maxMiB, error))
        return usageError(error);
    options.maxFileBytes = maxMiB * 1024 * 1024;

    auto scanned = PmReader::read(args.first(), options);
    if (!scanned)
        return failure(scanned.error().message);
    const PmIndex& index = scanned.value();
    const int code = Verdict::ofLint(index.problems); // the linter: a warning is a 1
    int persons = 0;
    for (const Entity& e : index.entities)
        persons += e.kind == EntityKind::People ? int(e.personIds.size()) : 0;

    const std::pair<EntityKind, const char*> kinds[] = {{EntityKind::People, "people"},
                                                        {EntityKind::Project, "projects"},
                                                        {EntityKind::Epic, "epics"},
                                                        {EntityKind::Story, "stories"},
                                                        {EntityKind::NonData, "nonData"}};
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject counts;
        for (const auto& [kind, label] : kinds)
            counts.insert(QLatin1String(label), index.count(kind));
        counts.insert(QStringLiteral("persons"), persons); // "people" counts people files
        const QJsonObject result{
            {QStringLiteral("root"), index.root},
            {QStringLiteral("counts"), counts},
            {QStringLiteral("files"), int(index.entities.size())},
            {QStringLiteral("bytes"), index.totalBytes},
            {QStringLiteral("errors"), index.errorCount()},
            {QStringLiteral("warnings"), index.warningCount()},
            {QStringLiteral("problems"), problemsToJson(index.problems)},
            {QStringLiteral("skippedFolders"), QJsonArray::fromStringList(index.skippedFolders)},
            {QStringLiteral("exitCode"), code}};
        out() << QJsonDocument(result).toJson(QJsonDocument::Indented);
        return code;
    }
    const auto counted = [&index](EntityKind kind, const char* one, const char* many) -> QString {
        const int n = index.count(kind);
        return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
    };
    out() << index.root << ": " << counted(EntityKind::People, "people file", "people files")
          << " (" << persons << (persons == 1 ? " person), " : " persons), ")
          << counted(EntityKind::Project, "project", "projects") << ", "
          << counted(EntityKind::Epic, "epic", "epics") << ", "
          << counted(EntityKind::Story, "story", "stories") << ", "
          << counted(EntityKind::NonData, "non-data file", "non-data files") << " ("
          << QString::number(double(index.totalBytes) / 1e6, 'f', 1) << " MB)\n";
    if (!index.skippedFolders.isEmpty())
        out() << "skipped folders: " << index.skippedFolders.join(QStringLiteral(", ")) << '\n';
    ProblemLines::print(out(), index.problems, ProblemLines::listing(parser));
    out() << index.errorCount() << " errors, " << index.warningCount() << " warnings\n";
    return code;
}

} // namespace pmkv
