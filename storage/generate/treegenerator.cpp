#include "generate/treegenerator.h"

#include "generate/documentfactory.h"

#include <QDir>
#include <QFile>

namespace pmkv {
namespace {

using Json = nlohmann::ordered_json;

const QStringList kProjectNames = {QStringLiteral("atlas"),   QStringLiteral("borealis"),
                                   QStringLiteral("cobalt"),  QStringLiteral("delta-care"),
                                   QStringLiteral("ember"),   QStringLiteral("fjord"),
                                   QStringLiteral("granite"), QStringLiteral("harbor")};
const QStringList kEpicWords = {
    QStringLiteral("clinical"), QStringLiteral("decision"), QStringLiteral("support"),
    QStringLiteral("patient"),  QStringLiteral("portal"),   QStringLiteral("audit"),
    QStringLiteral("trail"),    QStringLiteral("consent"),  QStringLiteral("sync"),
    QStringLiteral("offline"),  QStringLiteral("mobile"),   QStringLiteral("billing"),
    QStringLiteral("search"),   QStringLiteral("imaging"),  QStringLiteral("alerts"),
    QStringLiteral("reporting")};

QString projectFolder(int index)
{
    const QString base = kProjectNames.at(index % kProjectNames.size());
    return index < kProjectNames.size()
               ? base
               : base + QLatin1Char('-') + QString::number(index / kProjectNames.size() + 1);
}

QString epicFolder(int index)
{
    const int n = kEpicWords.size();
    QString name =
        kEpicWords.at(index % n) + QLatin1Char('-') + kEpicWords.at((index / n + index + 3) % n);
    if (index >= n * n)
        name += QLatin1Char('-') + QString::number(index);
    return name;
}

// Two to six capital letters, unique per index: AA, AB, ... then longer.
QString epicCode(int index)
{
    QString code;
    int v = index;
    do {
        code.prepend(QChar(QLatin1Char('A' + v % 26)));
        v /= 26;
    } while (v > 0);
    while (code.size() < 2)
        code.prepend(QLatin1Char('A'));
    return code;
}

class Writer
{
public:
    explicit Writer(const QString& root) : m_root(root) {}

    Result<void> write(const QString& relativePath, const QByteArray& bytes)
    {
        const QString path = m_root + QLatin1Char('/') + relativePath;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(bytes) != bytes.size())
            return makeError(
                QStringLiteral("generate.write"),
                QStringLiteral("%1: cannot be written (%2)").arg(path, file.errorString()));
        ++summary.files;
        summary.bytes += bytes.size();
        return {};
    }

    TreeGenerator::Summary summary;

private:
    QString m_root;
};

Result<void> writeFaults(Writer& w, DocumentFactory& f, const QString& project, const QString& epic,
                         const QString& manager)
{
    const QString dir = project + QLatin1Char('/') + epic + QLatin1Char('/');
    const auto story = [&](const QString& id) {
        return toPrettyJson(f.story(id, epic, manager, {}));
    };
    QByteArray truncated = story(QStringLiteral("F-BAD-001"));
    truncated.chop(truncated.size() / 2);
    Json wrongType = f.story(QStringLiteral("F-BAD-005"), epic, manager, {});
    wrongType["title"] = 42;
    Json unknownManager =
        f.story(QStringLiteral("F-BAD-009"), epic, QStringLiteral("person-does-not-exist"), {});
    const std::pair<QString, QByteArray> files[] = {
        {dir + QStringLiteral("F-BAD-001.json"), truncated},
        {dir + QStringLiteral("F-BAD-002.json"), QByteArray()},
        {dir + QStringLiteral("F-BAD-003.json"),
         QByteArray("{\"id\": \"F-BAD-003\", \"title\": \"caf\xE9\"}")},
        {dir + QStringLiteral("F-BAD-004.json"), QByteArray("[\"not\", \"an\", \"object\"]")},
        {dir + QStringLiteral("F-BAD-005.json"), toPrettyJson(wrongType)},
        {dir + QStringLiteral("odd name.json"), story(QStringLiteral("odd name"))},
        {dir + QStringLiteral("F-BAD:007.json"), story(QStringLiteral("F-BAD:007"))},
        {dir + QStringLiteral("F-BAD-008.json"), story(QStringLiteral("F-BAD-999"))},
        {dir + QStringLiteral("F-BAD-009.json"), toPrettyJson(unknownManager)},
        {dir + QStringLiteral("F-BAD-010.json"),
         QByteArray("\xEF\xBB\xBF") + story(QStringLiteral("F-BAD-010"))},
        {project + QStringLiteral("/bad epic/epic.json"),
         toPrettyJson(f.epic(QStringLiteral("BAD"), QStringLiteral("bad epic"), {}, manager))},
        {QStringLiteral(".git/config"), QByteArray("[core]\n")},
        {QStringLiteral("node_modules/x/package.json"), QByteArray("{}")},
    };
    for (const auto& [path, bytes] : files) {
        if (auto r = w.write(path, bytes); !r)
            return r;
    }
    return {};
}

} // namespace

QStringList TreeGenerator::faultFiles()
{
    return {
        QStringLiteral("F-BAD-001.json json.parse"),
        QStringLiteral("F-BAD-002.json file.empty"),
        QStringLiteral("F-BAD-003.json file.encoding"),
        QStringLiteral("F-BAD-004.json document.type"),
        QStringLiteral("F-BAD-005.json field.type"),
        QStringLiteral("odd name.json name.unsafe"),
        QStringLiteral("F-BAD:007.json name.unsafe"),
        QStringLiteral("F-BAD-008.json story.id-mismatch"),
        QStringLiteral("F-BAD-009.json ref.unknown-person"),
        QStringLiteral("F-BAD-010.json file.bom"),
        QStringLiteral("bad epic name.unsafe"),
        QStringLiteral("loop link.folder"),
        QStringLiteral("epic.json list.missing"),
        QStringLiteral("project.json list.missing"),
    };
}

QStringList TreeGenerator::quirkTraits()
{
    return {
        QStringLiteral("every manager is %1, who is not in people.json (ref.unknown-person)")
            .arg(unknownManager()),
        QStringLiteral("each epic's id (AA, AB ...) differs from its folder name"),
        QStringLiteral("the first epic's storyIds lists F-GONE-001, which has no file "
                       "(list.missing)"),
        QStringLiteral("README.md and project-description.md beside the data"),
    };
}

QString TreeGenerator::unknownManager()
{
    return QStringLiteral("person-001");
}

Result<TreeGenerator::Summary> TreeGenerator::generate(const QString& outputFolder,
                                                       const Options& options)
{
    QDir out(outputFolder);
    if (out.exists() && !out.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return makeError(
            QStringLiteral("generate.not-empty"),
            QStringLiteral("%1: folder exists and is not empty; choose a new folder so that "
                           "nothing is overwritten")
                .arg(outputFolder));
    if (options.projects < 1 || options.epicsPerProject < 1 || options.storiesPerEpic < 0)
        return makeError(
            QStringLiteral("generate.options"),
            QStringLiteral("a tree needs at least 1 project and 1 epic per project, and 0 or more "
                           "stories per epic"));
    if (!QDir().mkpath(outputFolder))
        return makeError(QStringLiteral("generate.write"),
                         QStringLiteral("%1: folder cannot be created").arg(outputFolder));

    DocumentFactory factory(options.seed);
    Writer writer(QDir(outputFolder).absolutePath());
    Json people = Json::array();
    for (int i = 0; i < 5; ++i)
        people.push_back(factory.person(i));
    if (auto r = writer.write(QStringLiteral("people.json"), toPrettyJson(people)); !r)
        return r.error();
    const auto personId = [&](int i) {
        return QString::fromStdString(people[size_t(i % 5)]["id"].get<std::string>());
    };
    // Real trees name managers that people.json never listed.
    const auto managerId = [&](int i) { return options.quirks ? unknownManager() : personId(i); };
    if (auto r = writer.write(
            QStringLiteral("README.md"),
            QByteArrayLiteral("# Project data\n\nGenerated by PMKV Studio's tree generator.\n"));
        !r)
        return r.error();

    for (int p = 0; p < options.projects; ++p) {
        const QString project = projectFolder(p);
        QStringList epicFolders;
        for (int e = 0; e < options.epicsPerProject; ++e)
            epicFolders << epicFolder(e);
        QStringList listedEpics = epicFolders;
        const bool faulty = options.faults && p == 0;
        if (faulty)
            listedEpics << QStringLiteral("ghost-epic");
        const Json projectDoc =
            factory.project(project, listedEpics, managerId(p), {personId(p + 1), personId(p + 2)});
        if (auto r =
                writer.write(project + QStringLiteral("/project.json"), toPrettyJson(projectDoc));
            !r)
            return r.error();
        if (auto r = writer.write(project + QStringLiteral("/project-description.md"),
                                  QByteArray("# ") + project.toUtf8() + "\n\n" +
                                      factory.sentence().toUtf8() + '\n');
            !r)
            return r.error();
        for (int e = 0; e < options.epicsPerProject; ++e) {
            const QString epic = epicFolders.at(e);
            const QString code = epicCode(e);
            QStringList storyIds;
            int functional = 0, nonFunctional = 0;
            for (int s = 0; s < options.storiesPerEpic; ++s) {
                const bool nfr = factory.random().below(5) == 0;
                const int n = nfr ? ++nonFunctional : ++functional;
                storyIds << (n > 999
                                 ? QStringLiteral("STORY-%1").arg(p * 1000000 + e * 10000 + s)
                                 : QStringLiteral("%1-%2-%3")
                                       .arg(nfr ? QStringLiteral("NFR") : QStringLiteral("F"), code)
                                       .arg(n, 3, 10, QLatin1Char('0')));
            }
            QStringList listedStories = storyIds;
            if ((faulty || options.quirks) && e == 0)
                listedStories << QStringLiteral("F-GONE-001");
            const QString manager = managerId(p + e);
            const QString dir = project + QLatin1Char('/') + epic + QLatin1Char('/');
            if (auto r =
                    writer.write(dir + QStringLiteral("epic.json"),
                                 toPrettyJson(factory.epic(code, epic, listedStories, manager)));
                !r)
                return r.error();
            for (const QString& id : storyIds) {
                if (auto r = writer.write(dir + id + QStringLiteral(".json"),
                                          toPrettyJson(factory.story(id, epic, manager, storyIds)));
                    !r)
                    return r.error();
                ++writer.summary.stories;
            }
            if (faulty && e == 0) {
                if (auto r = writeFaults(writer, factory, project, epic, manager); !r)
                    return r.error();
            }
        }
        if (faulty &&
            !QFile::link(QStringLiteral(".."),
                         QDir(outputFolder).absoluteFilePath(project + QStringLiteral("/loop"))))
            return makeError(QStringLiteral("generate.write"),
                             QStringLiteral("cannot create the symlink fault"));
    }
    return writer.summary;
}

} // namespace pmkv
