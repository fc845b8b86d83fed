#include "layout/keymapper.h"

#include "core/permutationsort.h"
#include "files/jsstringarray.h"
#include "files/jsstringify.h"

#include <QHash>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

namespace pmkv {
namespace {

QStringList orderedChildren(const QStringList& listed, QStringList present)
{
    const QSet<QString> presentSet(present.cbegin(), present.cend());
    QStringList ordered;
    QSet<QString> used;
    for (const QString& id : listed) {
        if (presentSet.contains(id) && !used.contains(id)) {
            ordered << id;
            used.insert(id);
        }
    }
    present.sort();
    for (const QString& id : present) {
        if (!used.contains(id))
            ordered << id;
    }
    return ordered;
}

class Mapper
{
public:
    Mapper(const PmIndex& index, const KeyLayout& layout) : m_index(index), m_layout(layout) {}

    KeyMap run()
    {
        convertValues();
        // One key per entity, plus the lists (one per project and epic): grown at most once.
        m_map.entries.reserve(m_index.entities.size() + m_index.entities.size() / 64 + 16);
        for (int i = 0; i < m_index.entities.size(); ++i)
            mapEntity(i, m_converted[size_t(i)]);
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
        if (e.kind == EntityKind::Project)
            m_projects[e.project].entity = &e;
        else if (e.kind == EntityKind::Epic)
            m_projects[e.project].epics[e.epic].entity = &e;
        else if (e.kind == EntityKind::Story)
            m_projects[e.project].epics[e.epic].stories << e.story;
    }

    // False when the entity cannot have a key (unsafe name); the problem is recorded.
    bool add(const EntityRef& ref, const QString& sourcePath, QByteArray value, int entity = -1)
    {
        if (!m_layout.has(ref.role))
            return true;
        auto key = m_layout.keyFor(ref);
        if (!key) {
            m_map.problems.append(
                Problem::error(sourcePath, key.error().code, key.error().message));
            return false;
        }
        m_map.entries.append(KeyEntry{key.value(), ref, sourcePath, std::move(value), entity});
        return true;
    }

    // The value bytes of every mappable entity (JSON.stringify of its document), converted in
    // parallel: this is most of the mapper's work, and each file is independent.
    struct Converted
    {
        bool mappable = false;
        std::optional<Result<QByteArray>> value;
        QStringList notes;
    };

    void convertValues()
    {
        m_converted.resize(size_t(m_index.entities.size()));
        std::vector<int> work;
        for (int i = 0; i < m_index.entities.size(); ++i) {
            const Entity& e = m_index.entities.at(i);
            if (!e.isData() || !e.parsed || hasErrors(e))
                continue;
            Converted& c = m_converted[size_t(i)];
            c.mappable = true;
            if (e.hasValue) { // PmReader made it already (Options::keepValues): share it
                c.value = e.value;
                c.notes = e.valueNotes;
            } else {
                work.push_back(i);
            }
        }
        QtConcurrent::blockingMap(work, [this](int i) {
            Converted& c = m_converted[size_t(i)];
            c.value = JsStringify::fromJsonText(m_index.entities.at(i).raw, &c.notes);
        });
    }

    void mapEntity(int index, Converted& converted)
    {
        const Entity& e = m_index.entities.at(index);
        if (!e.isData())
            return;
        if (!converted.mappable) {
            m_map.problems.append(Problem::error(
                e.relativePath, QStringLiteral("map.skipped"),
                QStringLiteral(
                    "not mapped to a key: the file has errors (see scan); fix it first")));
            return;
        }
        const QStringList& notes = converted.notes;
        Result<QByteArray>& value = *converted.value;
        if (!value) {
            m_map.problems.append(
                Problem::error(e.relativePath, value.error().code,
                               QStringLiteral("not mapped: ") + value.error().message));
            return;
        }
        for (const QString& note : notes)
            m_map.problems.append(
                Problem::warning(e.relativePath, QStringLiteral("value.number"), note));
        EntityRef ref;
        ref.project = e.project;
        ref.epic = e.epic;
        ref.story = e.story;
        switch (e.kind) {
        case EntityKind::People:
            ref.role = KeyRole::People;
            break;
        case EntityKind::Project:
            ref.role = KeyRole::Project;
            break;
        case EntityKind::Epic:
            ref.role = KeyRole::Epic;
            break;
        case EntityKind::Story:
            ref.role = KeyRole::Story;
            break;
        case EntityKind::NonData:
            return;
        }
        if (add(ref, e.relativePath, std::move(value).value(), index))
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
            add(epicsRef, project,
                JsStringArray::of(orderedChildren(node.entity->childIds, epicFolders)));
            for (const auto& [epic, epicNode] : node.epics) {
                if (!epicNode.entity)
                    continue;
                EntityRef storiesRef{KeyRole::StoriesList, project, epic, {}};
                add(storiesRef, project + QLatin1Char('/') + epic,
                    JsStringArray::of(
                        orderedChildren(epicNode.entity->childIds, epicNode.stories)));
            }
        }
        add(EntityRef{KeyRole::ProjectsList, {}, {}, {}}, QStringLiteral("."),
            JsStringArray::of(projectNames));
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
    std::vector<Converted> m_converted;
    KeyMap m_map;
};

} // namespace

KeyMap KeyMapper::map(const PmIndex& index, const KeyLayout& layout)
{
    return Mapper(index, layout).run();
}

} // namespace pmkv
