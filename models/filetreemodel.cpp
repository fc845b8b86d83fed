#include "filetreemodel.h"

#include "filesearchmarks.h"

#include "core/offthreadrelease.h"
#include "entityicons.h"
#include "syncstyle.h"

#include <QStringList>

#include <algorithm>

namespace pmkv {

FileTreeModel::FileTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void FileTreeModel::setSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot)
{
    beginResetModel();
    OffThreadRelease::release(m_snapshot);
    m_snapshot = std::move(snapshot);
    m_states.clear();
    m_nodeByEntity.clear();
    m_counts.clear();
    if (m_snapshot) {
        const qsizetype n = m_snapshot->index().entities.size();
        m_states.assign(size_t(n), SyncState::Unknown);
        m_nodeByEntity.assign(size_t(n), nullptr);
        std::vector<const Node*> stack{m_snapshot->root()};
        while (!stack.empty()) {
            const Node* node = stack.back();
            stack.pop_back();
            if (node->entityIndex >= 0)
                m_nodeByEntity[size_t(node->entityIndex)] = node;
            for (const auto& c : node->children)
                stack.push_back(c.get());
        }
    }
    endResetModel();
}

const FileTreeModel::Node* FileTreeModel::nodeForEntity(int entityIndex) const
{
    return entityIndex >= 0 && size_t(entityIndex) < m_nodeByEntity.size()
               ? m_nodeByEntity[size_t(entityIndex)]
               : nullptr;
}

void FileTreeModel::setStates(const QVector<QPair<QString, SyncState>>& states)
{
    if (!m_snapshot)
        return;
    const PmIndex& index = m_snapshot->index();
    std::vector<const Node*> touched;
    for (const auto& [path, state] : states) {
        const Entity* e = index.findByPath(path);
        if (!e)
            continue;
        const int i = int(e - index.entities.constData());
        const Node* node = nodeForEntity(i);
        if (!node || m_states[size_t(i)] == state)
            continue;
        const SyncState old = m_states[size_t(i)];
        m_states[size_t(i)] = state;
        for (const Node* n = node; n; n = n->parent) {
            SyncCounts& counts = m_counts[n];
            if (old != SyncState::Unknown)
                --counts[old];
            ++counts[state];
            if (n != m_snapshot->root())
                touched.push_back(n);
        }
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (const Node* n : touched) {
        Q_EMIT dataChanged(createIndex(n->row, 0, const_cast<Node*>(n)),
                           createIndex(n->row, ColumnCount - 1, const_cast<Node*>(n)));
    }
}

QVector<QPair<QString, SyncState>> FileTreeModel::knownStates() const
{
    QVector<QPair<QString, SyncState>> known;
    if (!m_snapshot)
        return known;
    const PmIndex& index = m_snapshot->index();
    for (size_t i = 0; i < m_states.size(); ++i) {
        if (m_states[i] != SyncState::Unknown)
            known.append({index.entities.at(qsizetype(i)).relativePath, m_states[i]});
    }
    return known;
}

void FileTreeModel::resetStates()
{
    if (!m_snapshot)
        return;
    std::vector<const Node*> touched;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        if (it.key() != m_snapshot->root())
            touched.push_back(it.key());
    }
    m_states.assign(m_states.size(), SyncState::Unknown);
    m_counts.clear();
    for (const Node* n : touched) {
        Q_EMIT dataChanged(createIndex(n->row, 0, const_cast<Node*>(n)),
                           createIndex(n->row, ColumnCount - 1, const_cast<Node*>(n)));
    }
}

SyncState FileTreeModel::stateOf(const QString& entityPath) const
{
    if (!m_snapshot)
        return SyncState::Unknown;
    const PmIndex& index = m_snapshot->index();
    const Entity* e = index.findByPath(entityPath);
    return e ? m_states[size_t(e - index.entities.constData())] : SyncState::Unknown;
}

SyncCounts FileTreeModel::totals() const
{
    return m_snapshot ? m_counts.value(m_snapshot->root()) : SyncCounts{};
}

int FileTreeModel::differenceMarks(QVector<Mark>& marks) const
{
    marks.clear();
    if (!m_snapshot)
        return 0;
    int position = 0;
    std::vector<const Node*> stack{m_snapshot->root()};
    while (!stack.empty()) {
        const Node* node = stack.back();
        stack.pop_back();
        if (const Entity* e = m_snapshot->entity(node); e && e->isData()) {
            const SyncState s = m_states[size_t(node->entityIndex)];
            if (isDifference(s))
                marks.append({position, s, e->relativePath});
            ++position;
        }
        for (auto it = node->children.rbegin(); it != node->children.rend(); ++it)
            stack.push_back(it->get());
    }
    return position;
}

QModelIndex FileTreeModel::indexForEntityPath(const QString& entityPath) const
{
    if (!m_snapshot)
        return {};
    const PmIndex& index = m_snapshot->index();
    const Entity* e = index.findByPath(entityPath);
    const Node* node = e ? nodeForEntity(int(e - index.entities.constData())) : nullptr;
    return node ? createIndex(node->row, 0, const_cast<Node*>(node)) : QModelIndex();
}

QString FileTreeModel::countsText(const Node* node) const
{
    const SyncCounts counts = m_counts.value(node);
    const Entity* e = m_snapshot->entity(node);
    if (e && node->children.empty())
        return counts.compared() > 0 || e->isData()
                   ? syncStateName(m_states[size_t(node->entityIndex)])
                   : QString();
    return SyncStyle::countsText(counts);
}

const FileTreeModel::Node* FileTreeModel::nodeAt(const QModelIndex& index) const
{
    if (!m_snapshot)
        return nullptr;
    return index.isValid() ? static_cast<const Node*>(index.internalPointer()) : m_snapshot->root();
}

const Entity* FileTreeModel::entityAt(const QModelIndex& index) const
{
    return index.isValid() && m_snapshot ? m_snapshot->entity(nodeAt(index)) : nullptr;
}

QModelIndex FileTreeModel::indexForPath(const QString& relativePath) const
{
    if (!m_snapshot)
        return {};
    const Node* node = m_snapshot->root();
    QModelIndex index;
    for (const QString& part : relativePath.split(QLatin1Char('/'))) {
        const Node* next = nullptr;
        for (const auto& child : node->children) {
            if (child->name == part) {
                next = child.get();
                break;
            }
        }
        if (!next)
            return {};
        node = next;
        index = createIndex(node->row, 0, const_cast<Node*>(node));
    }
    return index;
}

QModelIndex FileTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    const Node* node = nodeAt(parent);
    if (!node || row < 0 || column < 0 || column >= ColumnCount ||
        row >= int(node->children.size()) || (parent.isValid() && parent.column() != 0))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex FileTreeModel::parent(const QModelIndex& child) const
{
    const Node* node = child.isValid() ? nodeAt(child) : nullptr;
    if (!node || !node->parent || node->parent == m_snapshot->root())
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int FileTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node* node = nodeAt(parent);
    return node ? int(node->children.size()) : 0;
}

int FileTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString FileTreeModel::problemSummary(const Node* node) const
{
    QStringList parts;
    if (node->errors > 0)
        parts << (node->errors == 1 ? tr("1 error") : tr("%1 errors").arg(node->errors));
    if (node->warnings > 0)
        parts << (node->warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(node->warnings));
    return parts.join(QStringLiteral(", "));
}

QVariant FileTreeModel::data(const QModelIndex& index, int role) const
{
    const Node* node = index.isValid() ? nodeAt(index) : nullptr;
    if (!node)
        return {};
    const Entity* e = m_snapshot->entity(node);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node->name;
        if (index.column() == TitleColumn)
            return e ? e->title : QString();
        if (index.column() == ProblemsColumn)
            return problemSummary(node);
        if (index.column() == StateColumn)
            return countsText(node);
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return EntityIcons::forKind(e ? e->kind : EntityKind::NonData, node->isFolder && !e);
        if (index.column() == ProblemsColumn && (node->errors > 0 || node->warnings > 0))
            return node->errors > 0 ? EntityIcons::error() : EntityIcons::warning();
        if (index.column() == StateColumn) {
            if (e && e->isData() && node->children.empty())
                return SyncStyle::icon(m_states[size_t(node->entityIndex)]);
            const SyncCounts counts = m_counts.value(node);
            for (SyncState s : {SyncState::Unreadable, SyncState::Changed, SyncState::OnlyFiles,
                                SyncState::EqualJson, SyncState::Same}) {
                if (counts[s] > 0)
                    return SyncStyle::icon(s);
            }
        }
        return {};
    case Qt::ToolTipRole: {
        // Whole, what a narrow column cuts: the title, the states below a parent row.
        if (index.column() == TitleColumn && e && !e->title.isEmpty())
            return e->title;
        if (index.column() == StateColumn && !node->children.empty()) {
            const QString lines = SyncStyle::countsLines(m_counts.value(node));
            if (!lines.isEmpty())
                return lines;
        }
        QStringList lines;
        if (index.column() == NameColumn) // what the badge stands for (the legend)
            lines << EntityIcons::badgeText(e ? e->kind : EntityKind::NonData,
                                            node->isFolder && !e) +
                         QStringLiteral(" \u2013 ") + node->relativePath;
        for (const Problem& p : m_snapshot->index().problemsFor(node->relativePath))
            lines << p.toText();
        if (node->isFolder && e) {
            for (const Problem& p : m_snapshot->index().problemsFor(e->relativePath))
                lines << p.toText();
        }
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
    }
    case RelativePathRole:
        return node->relativePath;
    case KindRole:
        return e ? int(e->kind) : -1;
    case ErrorsRole:
        return node->errors;
    case WarningsRole:
        return node->warnings;
    case OwnProblemsRole:
        return node->ownProblems;
    case StateRole:
        return int(e ? m_states[size_t(node->entityIndex)] : SyncState::Unknown);
    case CountsRole:
        return QVariant::fromValue(m_counts.value(node));
    case EntityPathRole:
        return e ? e->relativePath : QString();
    case SearchTextRole:
        return FileSearchMarks::searchText(*m_snapshot, node);
    default:
        return {};
    }
}

QVariant FileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TitleColumn:
        return tr("Title");
    case ProblemsColumn:
        return tr("Problems");
    case StateColumn:
        return tr("Sync");
    default:
        return {};
    }
}

} // namespace pmkv
