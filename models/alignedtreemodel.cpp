#include "alignedtreemodel.h"

#include "entityicons.h"
#include "readablecolors.h"
#include "syncstyle.h"

#include <QBrush>
#include <QFont>
#include <QPalette>
#include <QPixmap>

namespace pmkv {
namespace {

// People and the list keys come first under their parent; a list key has no file.
bool isListRow(const AlignedTree::Node& node)
{
    return node.listsFirst && node.entityPath != QLatin1String("people.json") &&
           node.name != QLatin1String("people");
}

EntityKind kindOf(const AlignedTree::Node& node)
{
    if (node.entityPath.endsWith(QLatin1String("project.json")))
        return EntityKind::Project;
    if (node.entityPath.endsWith(QLatin1String("epic.json")))
        return EntityKind::Epic;
    if (node.entityPath == QLatin1String("people.json"))
        return EntityKind::People;
    return node.children.isEmpty() ? EntityKind::Story : EntityKind::NonData;
}

// An empty icon where a cell shows none: every cell of both sides is as tall as an icon, so
// rows of the same height line up across the two views.
QIcon blankIcon()
{
    static const QIcon icon = [] {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        return QIcon(pixmap);
    }();
    return icon;
}

} // namespace

AlignedTreeModel::AlignedTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void AlignedTreeModel::setTree(std::shared_ptr<const AlignedTree> tree)
{
    beginResetModel();
    m_tree = std::move(tree);
    endResetModel();
}

int AlignedTreeModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? int(index.internalId()) : AlignedTree::kRoot;
}

QModelIndex AlignedTreeModel::indexOfNode(int node, int column) const
{
    if (!m_tree || node <= AlignedTree::kRoot || node >= m_tree->size())
        return {};
    return createIndex(m_tree->node(node).row, column, quintptr(node));
}

QModelIndex AlignedTreeModel::indexForKey(const QByteArray& key) const
{
    return m_tree ? indexOfNode(m_tree->nodeForKey(key)) : QModelIndex();
}

QModelIndex AlignedTreeModel::indexForEntityPath(const QString& entityPath) const
{
    return m_tree ? indexOfNode(m_tree->nodeForPath(entityPath)) : QModelIndex();
}

QString AlignedTreeModel::rowPath(const QModelIndex& index) const
{
    QStringList names;
    for (int n = nodeOf(index); m_tree && n > AlignedTree::kRoot; n = m_tree->node(n).parent)
        names.prepend(m_tree->node(n).name);
    return names.join(QLatin1Char('/'));
}

QModelIndex AlignedTreeModel::indexForRowPath(const QString& path) const
{
    if (!m_tree || path.isEmpty())
        return {};
    int node = AlignedTree::kRoot;
    for (const QString& name : path.split(QLatin1Char('/'))) {
        int next = -1;
        for (int c : m_tree->node(node).children) {
            if (m_tree->node(c).name == name) {
                next = c;
                break;
            }
        }
        if (next < 0)
            return {};
        node = next;
    }
    return indexOfNode(node);
}

QModelIndex AlignedTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!m_tree || column < 0 || column >= ColumnCount || row < 0)
        return {};
    const AlignedTree::Node& p = m_tree->node(nodeOf(parent));
    if (row >= p.children.size())
        return {};
    return createIndex(row, column, quintptr(p.children.at(row)));
}

QModelIndex AlignedTreeModel::parent(const QModelIndex& child) const
{
    if (!m_tree || !child.isValid())
        return {};
    return indexOfNode(m_tree->node(nodeOf(child)).parent);
}

int AlignedTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!m_tree || (parent.isValid() && parent.column() != 0))
        return 0;
    return int(m_tree->node(nodeOf(parent)).children.size());
}

int AlignedTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

bool AlignedTreeModel::hasChildren(const QModelIndex& parent) const
{
    return rowCount(parent) > 0;
}

QVariant AlignedTreeModel::cellText(const AlignedTree::Node& node, int column) const
{
    const bool entity = node.inFiles || node.inKv;
    const bool twoSides = isTwoSides();
    switch (column) {
    case FileColumn:
        return node.inFiles || !entity ? node.name
               : twoSides              ? tr("(missing) %1").arg(node.name)
                                       : tr("(no file) %1").arg(node.name);
    case KeyColumn:
        return node.inKv || !entity ? node.name
               : twoSides           ? tr("(missing) %1").arg(node.name)
                                    : tr("(no key) %1").arg(node.name);
    case StateColumn: // (a parent row: its own state and its children's, in words)
        return !node.children.isEmpty()
                   ? SyncStyle::countsText(node.counts,
                                           [this](SyncState s) { return stateText(s); })
               : entity ? stateText(node.state)
                        : QString();
    default:
        return {};
    }
}

QVariant AlignedTreeModel::data(const QModelIndex& index, int role) const
{
    if (!m_tree || !index.isValid())
        return {};
    const AlignedTree::Node& node = m_tree->node(nodeOf(index));
    const bool entity = node.inFiles || node.inKv;
    const bool placeholder = entity && ((index.column() == FileColumn && !node.inFiles) ||
                                        (index.column() == KeyColumn && !node.inKv));
    switch (role) {
    case Qt::DisplayRole:
        return cellText(node, index.column());
    case Qt::DecorationRole:
        if (placeholder)
            return blankIcon();
        if (index.column() == FileColumn)
            return isListRow(node) ? EntityIcons::list()
                                   : EntityIcons::forKind(kindOf(node), !node.children.isEmpty());
        if (entity)
            return SyncStyle::icon(node.state);
        return blankIcon();
    case Qt::ToolTipRole:
        if (isTwoSides() && (index.column() == FileColumn || index.column() == KeyColumn)) {
            const bool left = index.column() == FileColumn;
            const bool present = left ? node.inFiles : node.inKv;
            const QString& title = left ? m_tree->leftTitle() : m_tree->rightTitle();
            return present ? (left ? node.entityPath : QString::fromUtf8(node.key))
                           : tr("%1 has no %2.").arg(title, node.name);
        }
        if (index.column() == FileColumn) {
            const QString badge =
                isListRow(node) ? EntityIcons::listBadgeText()
                                : EntityIcons::badgeText(kindOf(node), !node.children.isEmpty());
            return QString(
                badge + QStringLiteral(" \u2013 ") +
                (node.inFiles
                     ? node.entityPath
                     : tr("The folder has no file for %1.").arg(QString::fromUtf8(node.key))));
        }
        if (index.column() == KeyColumn)
            return node.key.isEmpty()
                       ? tr("%1 maps to no key (see its problems).").arg(node.entityPath)
                   : node.inKv
                       ? QString::fromUtf8(node.key)
                       : tr("The key space has no key %1.").arg(QString::fromUtf8(node.key));
        if (!node.children.isEmpty() && node.counts.compared() > 0) // (whole, one a line)
            return SyncStyle::countsLines(node.counts,
                                          [this](SyncState s) { return stateText(s); });
        return entity ? stateText(node.state) : QString();
    case Qt::FontRole:
        if (placeholder) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole: // (grey, yet readable on the base and on the hatch)
        if (placeholder)
            return QBrush(ReadableColors::placeholderText(QPalette()));
        return {};
    case Qt::BackgroundRole:
        if (placeholder) // hatched, as the gaps of a Meld comparison
            return QBrush(ReadableColors::placeholderHatch(QPalette()), Qt::BDiagPattern);
        return {};
    case EntityPathRole:
        return node.entityPath;
    case KeyBytesRole:
        return node.key;
    case StateRole:
        return int(node.state);
    case CountsRole:
        return QVariant::fromValue(node.counts);
    case InFilesRole:
        return node.inFiles;
    case InKvRole:
        return node.inKv;
    case OwnProblemsRole:
        return node.ownProblems;
    case PlaceholderRole:
        return placeholder;
    case EntityIndexRole:
        return node.entity;
    default:
        return {};
    }
}

bool AlignedTreeModel::isTwoSides() const
{
    return m_tree && !m_tree->leftTitle().isEmpty();
}

QString AlignedTreeModel::stateText(SyncState state) const
{
    if (isTwoSides() && state == SyncState::OnlyFiles)
        return tr("only in %1").arg(m_tree->leftTitle());
    if (isTwoSides() && state == SyncState::OnlyKv)
        return tr("only in %1").arg(m_tree->rightTitle());
    return syncStateName(state);
}

QVariant AlignedTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (isTwoSides() && (section == FileColumn || section == KeyColumn))
        return section == FileColumn ? m_tree->leftTitle() : m_tree->rightTitle();
    switch (section) {
    case FileColumn:
        return tr("Files");
    case StateColumn:
        return tr("State");
    case KeyColumn:
        return tr("Key space");
    default:
        return {};
    }
}

} // namespace pmkv
