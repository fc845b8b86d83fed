#include "scancommand.h"

#include "exitcode.h"
#include "files/pmreader.h"
#include "problemjson.h"

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
}

QString ScanCommand::epilog() const
{
    return QStringLiteral(
        "Examples:\n"
        "  pmkv scan pm/                 counts and problems, one per line (path:line:col)\n"
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
    const int code = exitCodeFor(index.problems);

    const std::pair<EntityKind, const char*> kinds[] = {{EntityKind::People, "people"},
                                                        {EntityKind::Project, "projects"},
                                                        {EntityKind::Epic, "epics"},
                                                        {EntityKind::Story, "stories"},
                                                        {EntityKind::NonData, "nonData"}};
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject counts;
        for (const auto& [kind, label] : kinds)
            counts.insert(QLatin1String(label), index.count(kind));
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
    out() << index.root << ": " << index.count(EntityKind::People) << " people file, "
          << index.count(EntityKind::Project) << " projects, " << index.count(EntityKind::Epic)
          << " epics, " << index.count(EntityKind::Story) << " stories, "
          << index.count(EntityKind::NonData) << " non-data files ("
          << QString::number(double(index.totalBytes) / 1e6, 'f', 1) << " MB)\n";
    if (!index.skippedFolders.isEmpty())
        out() << "skipped folders: " << index.skippedFolders.join(QStringLiteral(", ")) << '\n';
    for (const Problem& p : index.problems)
        out() << p.toText() << '\n';
    out() << index.errorCount() << " errors, " << index.warningCount() << " warnings\n";
    return code;
}

} // namespace pmkv
