#include "filetreemodel.h"

#include "entityicons.h"

#include <QStringList>

namespace pmkv {

FileTreeModel::FileTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void FileTreeModel::setSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
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
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return EntityIcons::forKind(e ? e->kind : EntityKind::NonData, node->isFolder && !e);
        if (index.column() == ProblemsColumn && (node->errors > 0 || node->warnings > 0))
            return node->errors > 0 ? EntityIcons::error() : EntityIcons::warning();
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
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
    case SearchTextRole:
        return e ? node->name + QLatin1Char(' ') + e->documentId + QLatin1Char(' ') + e->title
                 : node->name;
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
    default:
        return {};
    }
}

} // namespace pmkv
