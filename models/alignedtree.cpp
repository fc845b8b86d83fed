#include "alignedtree.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace pmkv {
namespace {

// The names of the rows that stand for list keys, first under what they list.
QString listName(KeyRole role)
{
    switch (role) {
    case KeyRole::ProjectsList:
        return QCoreApplication::translate("pmkv::AlignedTree", "projects list");
    case KeyRole::EpicsList:
        return QCoreApplication::translate("pmkv::AlignedTree", "epics list");
    case KeyRole::StoriesList:
        return QCoreApplication::translate("pmkv::AlignedTree", "stories list");
    default:
        return QString();
    }
}

bool isList(KeyRole role)
{
    return role == KeyRole::ProjectsList || role == KeyRole::EpicsList ||
           role == KeyRole::StoriesList;
}

bool holdsValue(SyncState state)
{
    return state == SyncState::Same || state == SyncState::EqualJson || state == SyncState::Changed;
}

// The path of rows from the top down to the row of `ref`: (lookup name, shown name) pairs;
// list rows get a lookup name no folder can have.
QVector<QPair<QString, QString>> pathOf(const EntityRef& ref)
{
    QVector<QPair<QString, QString>> path;
    const QString list = QStringLiteral("\x01") + keyRoleName(ref.role);
    switch (ref.role) {
    case KeyRole::People:
        path.append({QStringLiteral("\x01people"), QStringLiteral("people")});
        break;
    case KeyRole::ProjectsList:
        path.append({list, listName(ref.role)});
        break;
    case KeyRole::Project:
        path.append({ref.project, ref.project});
        break;
    case KeyRole::EpicsList:
        path.append({ref.project, ref.project});
        path.append({list, listName(ref.role)});
        break;
    case KeyRole::Epic:
        path.append({ref.project, ref.project});
        path.append({ref.epic, ref.epic});
        break;
    case KeyRole::StoriesList:
        path.append({ref.project, ref.project});
        path.append({ref.epic, ref.epic});
        path.append({list, listName(ref.role)});
        break;
    case KeyRole::Story:
        path.append({ref.project, ref.project});
        path.append({ref.epic, ref.epic});
        path.append({ref.story, ref.story});
        break;
    }
    return path;
}

// Where a file that maps to no key sits: by its path (people.json, <project>/project.json,
// <project>/<epic>/epic.json, <project>/<epic>/<story>.json).
std::optional<EntityRef> refOfPath(const QString& path)
{
    const QStringList parts = path.split(QLatin1Char('/'));
    EntityRef ref;
    if (parts.size() == 1 && parts.first() == QLatin1String("people.json")) {
        ref.role = KeyRole::People;
        return ref;
    }
    if (parts.size() == 2 && parts.at(1) == QLatin1String("project.json")) {
        ref.role = KeyRole::Project;
        ref.project = parts.first();
        return ref;
    }
    if (parts.size() == 3) {
        ref.project = parts.at(0);
        ref.epic = parts.at(1);
        if (parts.at(2) == QLatin1String("epic.json")) {
            ref.role = KeyRole::Epic;
        } else {
            ref.role = KeyRole::Story;
            ref.story = parts.at(2).chopped(parts.at(2).endsWith(QLatin1String(".json")) ? 5 : 0);
        }
        return ref;
    }
    return std::nullopt;
}

} // namespace

int AlignedTree::child(int parent, const QString& lookup, const QString& name)
{
    const QString id = QString::number(parent) + QLatin1Char('/') + lookup;
    if (const int found = m_byName.value(id, -1); found >= 0)
        return found;
    Node n;
    n.name = name;
    n.parent = parent;
    n.listsFirst = lookup.startsWith(QLatin1Char('\x01'));
    m_nodes.push_back(std::move(n));
    const int index = int(m_nodes.size()) - 1;
    m_nodes[size_t(parent)].children.append(index);
    m_byName.insert(id, index);
    return index;
}

int AlignedTree::nodeFor(const EntityRef& ref)
{
    int node = kRoot;
    for (const auto& [lookup, name] : pathOf(ref))
        node = child(node, lookup, name);
    return node;
}

std::shared_ptr<const AlignedTree> AlignedTree::build(const Alignment& alignment,
                                                      const FileTreeSnapshot& files,
                                                      const QVector<KvKeyItem>& scanned,
                                                      const QHash<QByteArray, SyncState>& compared)
{
    QHash<QByteArray, SyncState> keyStates;
    keyStates.reserve(scanned.size());
    for (const KvKeyItem& item : scanned)
        keyStates.insert(item.key, item.state);
    auto tree = std::make_shared<AlignedTree>();
    AlignedTree& t = *tree;
    const PmIndex& index = files.index();
    t.m_nodes.reserve(size_t(alignment.entries().size() + keyStates.size() / 4 + 16));
    t.m_nodes.push_back(Node{});
    auto problemsOf = [&index](const QString& path) { return int(index.problemsFor(path).size()); };

    for (const KeyEntry& e : alignment.entries()) {
        const int i = t.nodeFor(e.ref);
        Node& n = t.m_nodes[size_t(i)];
        n.key = e.key.toUtf8();
        n.inFiles = true;
        if (!isList(e.ref.role)) {
            n.entityPath = e.sourcePath;
            n.ownProblems = problemsOf(e.sourcePath);
            t.m_byPath.insert(n.entityPath, i);
        }
        const auto kv = keyStates.constFind(n.key);
        n.state = compared.value(n.key, kv == keyStates.cend() ? SyncState::Unknown : kv.value());
        n.inKv = n.state != SyncState::OnlyFiles && (kv != keyStates.cend() || holdsValue(n.state));
        t.m_byKey.insert(n.key, i);
    }
    // Keys of the layout the folder lacks: their rows have a placeholder on the file side.
    const KeyLayout& layout = alignment.layout();
    for (auto it = keyStates.cbegin(); it != keyStates.cend(); ++it) {
        if (t.m_byKey.contains(it.key()))
            continue;
        const auto ref = layout.entityFor(QString::fromUtf8(it.key()));
        if (!ref)
            continue; // not an entity: the namespace view shows it
        const int i = t.nodeFor(*ref);
        Node& n = t.m_nodes[size_t(i)];
        if (!n.key.isEmpty())
            continue; // (two keys for one entity: the folder's one stays)
        n.key = it.key();
        n.inKv = true;
        n.state = SyncState::OnlyKv;
        t.m_byKey.insert(n.key, i);
    }
    // Files that map to no key: on the file side only, unreadable.
    for (const QString& path : alignment.unmappedPaths()) {
        const auto ref = refOfPath(path);
        if (!ref)
            continue;
        const int i = t.nodeFor(*ref);
        Node& n = t.m_nodes[size_t(i)];
        if (n.inFiles)
            continue;
        n.entityPath = path;
        n.inFiles = true;
        n.state = SyncState::Unreadable;
        n.ownProblems = problemsOf(path);
        t.m_byPath.insert(path, i);
    }
    t.m_byName.clear();
    t.sortAndCount(kRoot);
    return tree;
}

QString AlignedTree::sideTitle(const QString& spec)
{
    // A file or folder by its name (temporary folders make long paths); URLs and connection
    // names as given.
    if (spec.contains(QLatin1String("://")) || !spec.contains(QLatin1Char('/')))
        return spec;
    const QString name = QFileInfo(spec).fileName();
    return name.isEmpty() ? spec : name;
}

std::shared_ptr<const AlignedTree> AlignedTree::fromReport(const DiffReport& report)
{
    auto tree = std::make_shared<AlignedTree>();
    AlignedTree& t = *tree;
    t.m_leftTitle = sideTitle(report.left.spec);
    t.m_rightTitle = sideTitle(report.right.spec);
    t.m_nodes.reserve(size_t(report.entities.size()) * 2 + 16);
    t.m_nodes.push_back(Node{});
    for (int e = 0; e < report.entities.size(); ++e) {
        const EntityDiff& d = report.entities.at(e);
        const int i = t.nodeFor(d.ref);
        Node& n = t.m_nodes[size_t(i)];
        n.entity = e;
        n.entityPath = d.leftLocation;
        n.key = d.rightLocation.toUtf8();
        n.inFiles = !d.leftLocation.isEmpty();
        n.inKv = !d.rightLocation.isEmpty();
        n.state = syncStateOf(d.state);
        if (n.inFiles)
            t.m_byPath.insert(n.entityPath, i);
        if (n.inKv)
            t.m_byKey.insert(n.key, i);
    }
    t.m_byName.clear();
    t.sortAndCount(kRoot);
    return tree;
}

// Orders children (list rows first, then by name), numbers their rows and rolls the states
// up; iterative, so a deep or wide tree never runs out of stack.
void AlignedTree::sortAndCount(int root)
{
    std::vector<int> order{root};
    for (size_t next = 0; next < order.size(); ++next) {
        Node& n = m_nodes[size_t(order[next])];
        std::sort(n.children.begin(), n.children.end(), [this](int a, int b) {
            const Node& x = m_nodes[size_t(a)];
            const Node& y = m_nodes[size_t(b)];
            if (x.listsFirst != y.listsFirst)
                return x.listsFirst;
            return x.name < y.name;
        });
        for (int row = 0; row < n.children.size(); ++row) {
            m_nodes[size_t(n.children[row])].row = row;
            order.push_back(n.children[row]);
        }
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        Node& n = m_nodes[size_t(*it)];
        if (*it != root && (n.inFiles || n.inKv)) {
            n.counts[n.state] += 1;
            if (n.state == SyncState::OnlyFiles)
                ++m_tally.onlyFiles;
            else if (n.state == SyncState::OnlyKv)
                ++m_tally.onlyKv;
        }
        if (n.parent >= 0) {
            SyncCounts& up = m_nodes[size_t(n.parent)].counts;
            for (int s = 0; s < kSyncStateCount; ++s)
                up.n[size_t(s)] += n.counts.n[size_t(s)];
        }
    }
}

} // namespace pmkv
