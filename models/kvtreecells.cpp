#include "kvtreecells.h"

#include "entityicons.h"
#include "kvtreemodel.h"
#include "syncstyle.h"
#include "ttltext.h"

#include <QFont>
#include <QLocale>

namespace pmkv {

QVariant KvTreeCells::loadMore(int column, int role, qint64 scanned, qint64 total, bool busy)
{
    switch (role) {
    case Qt::DisplayRole:
        return column == KvTreeModel::NameColumn ? QVariant(loadMoreText(scanned, total, busy))
                                                 : QVariant();
    case Qt::FontRole: {
        QFont font;
        font.setItalic(true);
        return font;
    }
    case KvTreeModel::LoadMoreRole:
        return true;
    case KvTreeModel::StateRole:
        return int(SyncState::Unknown);
    case KvTreeModel::KeyCountRole:
        return 0;
    case KvTreeModel::SearchTextRole:
    case KvTreeModel::KeyRole:
        return QString();
    case KvTreeModel::SearchHitRole:
        return true;
    case KvTreeModel::IsKeyRole:
        return false;
    default:
        return {};
    }
}

QVariant KvTreeCells::node(const KvTreeNode& node, int column, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == KvTreeModel::NameColumn)
            return node.name.isEmpty() ? KvTreeModel::tr("(empty)") : QString::fromUtf8(node.name);
        return countsText(node);
    case Qt::DecorationRole:
        if (column == KvTreeModel::NameColumn && !node.isKey)
            return EntityIcons::forKind(EntityKind::NonData, true);
        if (node.isKey && node.children.empty())
            return SyncStyle::icon(node.state);
        if (column == KvTreeModel::StateColumn) {
            for (SyncState s : {SyncState::Unreadable, SyncState::Changed, SyncState::OnlyKv,
                                SyncState::OnlyFiles, SyncState::EqualJson, SyncState::Same}) {
                if (node.counts[s] > 0)
                    return SyncStyle::icon(s);
            }
        }
        if (node.isKey)
            return SyncStyle::icon(node.state);
        return {};
    case Qt::ToolTipRole:
        return node.isKey ? QString::fromUtf8(node.fullKey()) + QLatin1Char('\n') +
                                syncStateName(node.state)
                          : countsText(node);
    case KvTreeModel::KeyRole:
        return node.isKey ? QString::fromUtf8(node.fullKey()) : QString();
    case KvTreeModel::IsKeyRole:
        return node.isKey;
    case KvTreeModel::StateRole:
        return int(node.state);
    case KvTreeModel::CountsRole:
        return QVariant::fromValue(node.counts);
    case KvTreeModel::KeyCountRole:
        return node.keyCount;
    case KvTreeModel::LoadMoreRole:
        return false;
    case KvTreeModel::SearchTextRole:
        return QString::fromUtf8(node.fullKey());
    default:
        return {};
    }
}

QVariant KvTreeCells::meta(const KvTreeNode& node, int column, int role)
{
    if (!node.isKey)
        return {};
    if (role == Qt::TextAlignmentRole)
        return column == KvTreeModel::TypeColumn ? QVariant()
                                                 : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const KvKeyMeta* meta = node.meta;
    if (!meta)
        return QString();
    switch (column) {
    case KvTreeModel::TypeColumn:
        return QString::fromUtf8(meta->type);
    case KvTreeModel::TtlColumn:
        if (role == Qt::ToolTipRole)
            return TtlText::describe(meta->ttlMs);
        return meta->ttlMs >= 0 ? TtlText::duration(meta->ttlMs) : QString();
    default:
        if (meta->bytes < 0)
            return QString();
        return role == Qt::ToolTipRole
                   ? KvTreeModel::tr("%1 bytes in memory").arg(QLocale().toString(meta->bytes))
                   : QLocale().formattedDataSize(meta->bytes, 1);
    }
}

QString KvTreeCells::loadMoreText(qint64 scanned, qint64 total, bool busy)
{
    const QLocale locale;
    const QString scannedText = locale.toString(scanned);
    const QString of =
        total >= 0
            ? KvTreeModel::tr("scanned %1 of %2 keys").arg(scannedText, locale.toString(total))
            : KvTreeModel::tr("scanned %1 keys").arg(scannedText);
    return busy ? KvTreeModel::tr("Loading more keys... (%1)").arg(of)
                : KvTreeModel::tr("Load more keys (%1): double-click").arg(of);
}

QString KvTreeCells::countsText(const KvTreeNode& node)
{
    if (node.isKey && node.children.empty())
        return syncStateName(node.state);
    QStringList parts;
    parts << (node.keyCount == 1
                  ? KvTreeModel::tr("1 key")
                  : KvTreeModel::tr("%1 keys").arg(QLocale().toString(node.keyCount)));
    for (SyncState s : {SyncState::Changed, SyncState::EqualJson, SyncState::OnlyKv,
                        SyncState::OnlyFiles, SyncState::Unreadable}) {
        if (node.counts[s] > 0)
            parts << QStringLiteral("%1 %2 %3")
                         .arg(SyncStyle::glyph(s))
                         .arg(QLocale().toString(node.counts[s]))
                         .arg(syncStateName(s));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace pmkv
