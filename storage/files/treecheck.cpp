#include "files/treecheck.h"

#include "core/namesafety.h"

#include <QSet>

#include <functional>
#include <future>

namespace pmkv {
namespace {

QString listOf(const QStringList& names)
{
    constexpr int kShown = 5;
    QStringList shown = names.mid(0, kShown);
    for (QString& n : shown)
        n = QLatin1Char('"') + n + QLatin1Char('"');
    QString text = shown.join(QStringLiteral(", "));
    if (names.size() > kShown)
        text += QStringLiteral(" and %1 more").arg(names.size() - kShown);
    return text;
}

QVector<Problem> checkPeople(const PmIndex& index)
{
    QVector<Problem> problems;
    const Entity* people = nullptr;
    for (const Entity& e : index.entities) {
        if (e.kind == EntityKind::People)
            people = &e;
    }
    if (!people) {
        problems.append(Problem::warning(
            QStringLiteral("people.json"), QStringLiteral("people.missing"),
            QStringLiteral("no people.json at the root; person references cannot be checked")));
        return problems;
    }
    if (!people->parsed)
        return problems;
    const QSet<QString> known(people->personIds.cbegin(), people->personIds.cend());
    for (const Entity& e : index.entities) {
        QStringList unknown;
        for (const QString& ref : e.personRefs) {
            if (!known.contains(ref) && !unknown.contains(ref))
                unknown << ref;
        }
        if (!unknown.isEmpty())
            problems.append(Problem::warning(
                e.relativePath, QStringLiteral("ref.unknown-person"),
                QStringLiteral("refers to person %1, not in people.json").arg(listOf(unknown))));
    }
    return problems;
}

// `listed` (from a document) against `present` (on disk), both ways.
void compareLists(QVector<Problem>& problems, const QString& path, const QString& field,
                  const QStringList& listed, const QStringList& present, const QString& what)
{
    const QSet<QString> listedSet(listed.cbegin(), listed.cend());
    const QSet<QString> presentSet(present.cbegin(), present.cend());
    QStringList missing, unlisted;
    for (const QString& id : listed) {
        if (!presentSet.contains(id))
            missing << id;
    }
    for (const QString& id : present) {
        if (!listedSet.contains(id))
            unlisted << id;
    }
    if (!missing.isEmpty())
        problems.append(Problem::warning(path, QStringLiteral("list.missing"),
                                         QStringLiteral("%1 lists %2 %3 that do not exist on disk")
                                                 .arg(field)
                                                 .arg(missing.size())
                                                 .arg(what) +
                                             QStringLiteral(": ") + listOf(missing)));
    if (!unlisted.isEmpty())
        problems.append(Problem::warning(path, QStringLiteral("list.unlisted"),
                                         QStringLiteral("%1 does not list %2 %3 present on disk")
                                                 .arg(field)
                                                 .arg(unlisted.size())
                                                 .arg(what) +
                                             QStringLiteral(": ") + listOf(unlisted)));
}

QVector<Problem> checkLists(const PmIndex& index)
{
    QVector<Problem> problems;
    QHash<QString, QStringList> epicsOfProject; // project -> epic folders with epic.json
    QHash<QString, QStringList> storiesOfEpic;  // "project/epic" -> story ids
    QHash<QString, QString> epicIdOfFolder;     // "project/epic" -> epic.id
    for (const Entity& e : index.entities) {
        if (e.kind == EntityKind::Epic) {
            epicsOfProject[e.project] << e.epic;
            epicIdOfFolder.insert(e.project + QLatin1Char('/') + e.epic, e.documentId);
        } else if (e.kind == EntityKind::Story) {
            storiesOfEpic[e.project + QLatin1Char('/') + e.epic] << e.story;
        }
    }
    for (const Entity& e : index.entities) {
        if (!e.parsed)
            continue;
        if (e.kind == EntityKind::Project)
            compareLists(problems, e.relativePath, QStringLiteral("epicIds"), e.childIds,
                         epicsOfProject.value(e.project), QStringLiteral("epic folder(s)"));
        if (e.kind == EntityKind::Epic)
            compareLists(problems, e.relativePath, QStringLiteral("storyIds"), e.childIds,
                         storiesOfEpic.value(e.project + QLatin1Char('/') + e.epic),
                         QStringLiteral("story file(s)"));
        if (e.kind == EntityKind::Story && !e.epicIdField.isEmpty() && e.epicIdField != e.epic) {
            const QString epicDocumentId =
                epicIdOfFolder.value(e.project + QLatin1Char('/') + e.epic);
            if (e.epicIdField != epicDocumentId)
                problems.append(Problem::warning(
                    e.relativePath, QStringLiteral("story.epic-mismatch"),
                    QStringLiteral(
                        "epicId \"%1\" matches neither its folder \"%2\" nor that epic's id "
                        "\"%3\"")
                        .arg(e.epicIdField, e.epic, epicDocumentId)));
        }
    }
    return problems;
}

QVector<Problem> checkNames(const PmIndex& index)
{
    QVector<Problem> problems;
    QSet<QString> reported;
    const auto check = [&](const QString& name, const QString& path, const QString& what) {
        if (name.isNull() || reported.contains(path))
            return;
        const QString reason = NameSafety::whyUnsafe(name);
        if (reason.isEmpty())
            return;
        reported.insert(path);
        problems.append(
            Problem::warning(path, QStringLiteral("name.unsafe"),
                             QStringLiteral("%1 name \"%2\" %3; it cannot become a key: rename it")
                                 .arg(what, name, reason)));
    };
    // A folder's name is checked once per run of its entities (they are sorted by path, so a
    // folder's files are next to each other), not once per file.
    const Entity* previous = nullptr;
    for (const Entity& e : index.entities) {
        if (!e.isData())
            continue;
        const bool sameProject = previous && previous->project == e.project;
        if (!sameProject)
            check(e.project, e.project, QStringLiteral("project folder"));
        if (!sameProject || previous->epic != e.epic)
            check(e.epic, e.project + QLatin1Char('/') + e.epic, QStringLiteral("epic folder"));
        if (e.kind == EntityKind::Story)
            check(e.story, e.relativePath, QStringLiteral("story"));
        previous = &e;
    }
    return problems;
}

} // namespace

void TreeCheck::run(PmIndex& index)
{
    // Three independent reads of the entities: people beside lists and names (about 50 ms
    // for 100,000 stories, one thread). The problems keep the order of the checks.
    auto people = std::async(std::launch::async, checkPeople, std::cref(index));
    QVector<Problem> lists = checkLists(index);
    QVector<Problem> names = checkNames(index);
    index.problems += people.get();
    index.problems += lists;
    index.problems += names;
}

} // namespace pmkv
