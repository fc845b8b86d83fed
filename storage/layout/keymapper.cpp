#include "layout/keymapper.h"

#include "core/permutationsort.h"
#include "core/prefault.h"
#include "core/workpool.h"
#include "files/jsstringarray.h"
#include "files/jsstringify.h"

#include <QHash>
#include <QSet>
#include <QStringView>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <vector>

namespace pmkv {
namespace {

// A list key's names: those `listed` (a document's epicIds or storyIds) that are `present`,
// in the document's order and once each, then the ones present but not listed, sorted.
// Each name is hashed once, and only the unlisted ones are sorted: 200 epics of 500 stories
// each, whose strings are long out of the cache.
QStringList orderedChildren(const QStringList& listed, const QStringList& present)
{
    QHash<QStringView, qsizetype> where;
    where.reserve(present.size());
    for (qsizetype i = 0; i < present.size(); ++i)
        where.insert(present.at(i), i);
    std::vector<char> used(size_t(present.size()), 0);
    QStringList ordered;
    ordered.reserve(present.size());
    for (const QString& id : listed) {
        const auto it = where.constFind(id);
        if (it == where.cend() || used[size_t(*it)])
            continue;
        used[size_t(*it)] = 1;
        ordered << present.at(*it);
    }
    QStringList unlisted;
    for (qsizetype i = 0; i < present.size(); ++i) {
        if (!used[size_t(i)])
            unlisted << present.at(i);
    }
    unlisted.sort();
    return ordered + unlisted;
}

class Mapper
{
public:
    Mapper(const PmIndex& index, const KeyLayout& layout) : m_index(index), m_layout(layout) {}

    KeyMap run()
    {
        prepareEntities();
        findParents();
        {
            // One key per entity, plus the lists (one per project and epic): grown at most
            // once.
            m_map.entries.reserve(m_index.entities.size() + m_index.entities.size() / 64 + 16);
            const auto prefaulting = Prefault::laterHalfOfSpareCapacity(m_map.entries);
            for (int i = 0; i < m_index.entities.size(); ++i)
                mapEntity(i, m_prepared[size_t(i)]);
        }
        mapLists();
        sortByKey();
        resolveCollisions();
        return std::move(m_map);
    }

private:
    bool hasErrors(const Entity& e) const
    {
        const QVector<Problem> problems = m_index.problemsFor(e.relativePath);
        return std::any_of(problems.cbegin(), problems.cend(),
                           [](const Problem& p) { return p.severity == Severity::Error; });
    }

    // Lists name only the members that get a key of their own, so the application never
    // follows a list entry to a key that was not written.
    void recordMapped(const Entity& e)
    {
        if (e.kind != EntityKind::Project && e.kind != EntityKind::Epic &&
            e.kind != EntityKind::Story)
            return;
        // Entities come in path order: a project's (and an epic's) files are together.
        if (!m_lastProject || m_lastProjectName != e.project) {
            m_lastProject = &m_projects[e.project];
            m_lastProjectName = e.project;
            m_lastEpic = nullptr;
        }
        if (e.kind == EntityKind::Project) {
            m_lastProject->entity = &e;
            return;
        }
        if (!m_lastEpic || m_lastEpicName != e.epic) {
            m_lastEpic = &m_lastProject->epics[e.epic];
            m_lastEpicName = e.epic;
        }
        if (e.kind == EntityKind::Epic)
            m_lastEpic->entity = &e;
        else if (e.kind == EntityKind::Story)
            m_lastEpic->stories << e.story;
    }

    // The layout's key for `ref`; none when the layout has no key of that role.
    std::optional<Result<QString>> keyOf(const EntityRef& ref) const
    {
        if (!m_layout.has(ref.role))
            return std::nullopt;
        return m_layout.keyFor(ref);
    }

    // False when the entity cannot have a key (unsafe name); the problem is recorded.
    bool add(const EntityRef& ref, const std::optional<Result<QString>>& key,
             const QString& sourcePath, QByteArray value, int entity = -1)
    {
        if (!key)
            return true;
        if (!*key) {
            m_map.problems.append(
                Problem::error(sourcePath, key->error().code, key->error().message));
            return false;
        }
        m_map.entries.append(KeyEntry{key->value(), ref, sourcePath, std::move(value), entity});
        return true;
    }

    // What an entity maps to, worked out for every entity in parallel (each is independent):
    // whether it can be mapped, its key, and (for an entity PmReader kept no value for) its
    // value bytes, JSON.stringify of its document. Small, as there is one per entity.
    struct Prepared
    {
        QString key; // null: the layout has no key of its role, or refused its names
        bool mappable = false;
        bool keyRefused = false; // mapEntity() asks the layout again for the reason
        int converted = -1;      // its value in m_converted, if it was converted here
    };
    struct Converted
    {
        Result<QByteArray> value = QByteArray();
        QStringList notes;
    };

    static EntityRef refOf(const Entity& e, KeyRole role)
    {
        return EntityRef{role, e.project, e.epic, e.story};
    }

    void prepareEntities()
    {
        m_prepared.resize(size_t(m_index.entities.size()));
        int toConvert = 0;
        for (int i = 0; i < m_index.entities.size(); ++i) {
            const Entity& e = m_index.entities.at(i);
            if (KeyMapper::roleOf(e.kind) && e.parsed && !e.hasValue)
                m_prepared[size_t(i)].converted = toConvert++;
        }
        m_converted.resize(size_t(toConvert));
        std::vector<int> all(size_t(m_index.entities.size()));
        std::iota(all.begin(), all.end(), 0);
        QtConcurrent::blockingMap(WorkPool::instance(), all, [this](int i) {
            prepare(m_index.entities.at(i), m_prepared[size_t(i)]);
        });
    }

    void prepare(const Entity& e, Prepared& p)
    {
        const std::optional<KeyRole> role = KeyMapper::roleOf(e.kind);
        if (!role || !e.parsed || hasErrors(e))
            return;
        p.mappable = true;
        if (p.converted >= 0) {
            Converted& c = m_converted[size_t(p.converted)];
            c.value = JsStringify::fromJsonText(e.raw, &c.notes);
            if (!c.value)
                return;
        }
        if (!m_layout.has(*role))
            return;
        auto key = m_layout.keyFor(refOf(e, *role));
        if (key)
            p.key = std::move(key).value();
        else
            p.keyRefused = true;
    }

    // The projects whose project.json, and the epics whose epic.json, can be mapped: only
    // what is below them is, as the scan says (a folder without its document is no project
    // or epic, and a child key would have no parent key and no list entry).
    void findParents()
    {
        for (int i = 0; i < m_index.entities.size(); ++i) {
            const Entity& e = m_index.entities.at(i);
            const Prepared& p = m_prepared[size_t(i)];
            if (!p.mappable || p.keyRefused)
                continue;
            if (e.kind == EntityKind::Project)
                m_projectsWithDocument.insert(e.project);
            else if (e.kind == EntityKind::Epic)
                m_epicsWithDocument.insert(e.project + QLatin1Char('/') + e.epic);
        }
    }

    // Why an epic or story has no parent to belong to; empty when it has. Entities come in
    // path order: the look-ups are made once per folder.
    QString whyOrphan(const Entity& e)
    {
        if (e.kind != EntityKind::Epic && e.kind != EntityKind::Story)
            return {};
        if (e.project != m_parentsProject || e.epic != m_parentsEpic) {
            m_parentsProject = e.project;
            m_parentsEpic = e.epic;
            m_hasProject = m_projectsWithDocument.contains(e.project);
            m_hasEpic = m_epicsWithDocument.contains(e.project + QLatin1Char('/') + e.epic);
        }
        if (!m_hasProject)
            return QStringLiteral("its folder \"%1\" has no readable project.json, so it is not a "
                                  "project (see scan)")
                .arg(e.project);
        if (e.kind == EntityKind::Story && !m_hasEpic)
            return QStringLiteral("its folder \"%1/%2\" has no readable epic.json, so the story "
                                  "belongs to no epic (see scan)")
                .arg(e.project, e.epic);
        return {};
    }

    void mapEntity(int index, const Prepared& prepared)
    {
        const Entity& e = m_index.entities.at(index);
        if (!e.isData())
            return;
        if (prepared.mappable) {
            const QString orphan = whyOrphan(e);
            if (!orphan.isEmpty()) {
                m_map.problems.append(
                    Problem::error(e.relativePath, QStringLiteral("map.orphan"),
                                   QStringLiteral("not mapped to a key: ") + orphan));
                return;
            }
        }
        if (!prepared.mappable) {
            m_map.problems.append(Problem::error(
                e.relativePath, QStringLiteral("map.skipped"),
                QStringLiteral(
                    "not mapped to a key: the file has errors (see scan); fix it first")));
            return;
        }
        Converted* converted =
            prepared.converted >= 0 ? &m_converted[size_t(prepared.converted)] : nullptr;
        if (converted && !converted->value) {
            m_map.problems.append(
                Problem::error(e.relativePath, converted->value.error().code,
                               QStringLiteral("not mapped: ") + converted->value.error().message));
            return;
        }
        // The value's notes (numbers JavaScript rounds ...) are the scan's problems already.
        const EntityRef ref = refOf(e, *KeyMapper::roleOf(e.kind));
        const std::optional<Result<QString>> key =
            prepared.keyRefused     ? keyOf(ref)
            : prepared.key.isNull() ? std::nullopt
                                    : std::optional<Result<QString>>(prepared.key);
        QByteArray value = converted ? std::move(converted->value).value() : e.value;
        if (add(ref, key, e.relativePath, std::move(value), index))
            recordMapped(e);
    }

    void mapLists()
    {
        QStringList projectNames;
        for (const auto& [project, node] : m_projects) {
            if (!node.entity)
                continue;
            projectNames << project;
            QStringList epicFolders;
            for (const auto& [epic, epicNode] : node.epics) {
                if (epicNode.entity)
                    epicFolders << epic;
            }
            EntityRef epicsRef{KeyRole::EpicsList, project, {}, {}};
            add(epicsRef, keyOf(epicsRef), project,
                JsStringArray::of(orderedChildren(node.entity->childIds, epicFolders)));
            for (const auto& [epic, epicNode] : node.epics) {
                if (!epicNode.entity)
                    continue;
                EntityRef storiesRef{KeyRole::StoriesList, project, epic, {}};
                add(storiesRef, keyOf(storiesRef), project + QLatin1Char('/') + epic,
                    JsStringArray::of(
                        orderedChildren(epicNode.entity->childIds, epicNode.stories)));
            }
        }
        const EntityRef projectsRef{KeyRole::ProjectsList, {}, {}, {}};
        add(projectsRef, keyOf(projectsRef), QStringLiteral("."), JsStringArray::of(projectNames));
    }

    // Stable: entries with the same key stay in the order they were added and end up next to
    // each other.
    void sortByKey()
    {
        sortThroughPermutation(m_map.entries,
                               [](const KeyEntry& a, const KeyEntry& b) { return a.key < b.key; });
    }

    // Two entities mapping to one key: both refused. The entries are sorted by key.
    void resolveCollisions()
    {
        QVector<KeyEntry>& entries = m_map.entries;
        QVector<KeyEntry> kept;
        bool anyCollision = false;
        for (int first = 0; first < entries.size();) {
            int end = first + 1;
            while (end < entries.size() && entries.at(end).key == entries.at(first).key)
                ++end;
            if (end - first > 1) {
                if (!anyCollision) {
                    anyCollision = true;
                    kept.reserve(entries.size());
                    for (int i = 0; i < first; ++i)
                        kept.append(std::move(entries[i]));
                }
                QStringList sources;
                for (int i = first; i < end; ++i)
                    sources << entries.at(i).sourcePath;
                for (int i = first; i < end; ++i)
                    m_map.problems.append(Problem::error(
                        entries.at(i).sourcePath, QStringLiteral("map.collision"),
                        QStringLiteral("key \"%1\" would hold both %2; rename one or use a "
                                       "layout that tells them apart")
                            .arg(entries.at(first).key, sources.join(QStringLiteral(" and ")))));
            } else if (anyCollision) {
                kept.append(std::move(entries[first]));
            }
            first = end;
        }
        if (anyCollision)
            entries = std::move(kept);
    }

    struct EpicNode
    {
        const Entity* entity = nullptr;
        QStringList stories;
    };
    struct ProjectNode
    {
        const Entity* entity = nullptr;
        std::map<QString, EpicNode> epics;
    };

    const PmIndex& m_index;
    const KeyLayout& m_layout;
    std::map<QString, ProjectNode> m_projects;
    ProjectNode* m_lastProject = nullptr; // where recordMapped() put the previous entity
    QString m_lastProjectName;
    EpicNode* m_lastEpic = nullptr;
    QString m_lastEpicName;
    std::vector<Prepared> m_prepared;
    QSet<QString> m_projectsWithDocument;
    QSet<QString> m_epicsWithDocument; // "project/epic"
    QString m_parentsProject;          // the folder whyOrphan() looked up last
    QString m_parentsEpic;
    bool m_hasProject = false;
    bool m_hasEpic = false;
    std::vector<Converted> m_converted;
    KeyMap m_map;
};

} // namespace

std::optional<KeyRole> KeyMapper::roleOf(EntityKind kind)
{
    switch (kind) {
    case EntityKind::People:
        return KeyRole::People;
    case EntityKind::Project:
        return KeyRole::Project;
    case EntityKind::Epic:
        return KeyRole::Epic;
    case EntityKind::Story:
        return KeyRole::Story;
    case EntityKind::NonData:
        break;
    }
    return std::nullopt;
}

KeyMap KeyMapper::map(const PmIndex& index, const KeyLayout& layout)
{
    return Mapper(index, layout).run();
}

} // namespace pmkv
