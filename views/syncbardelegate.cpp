#include "syncbardelegate.h"

#include "syncstate.h"
#include "syncstyle.h"

#include <QApplication>
#include <QPainter>

namespace pmkv {

SyncBarDelegate::SyncBarDelegate(int countsRole, QObject* parent)
    : QStyledItemDelegate(parent), m_countsRole(countsRole)
{
}

void SyncBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    const QVariant v = index.data(m_countsRole);
    if (!index.model()->hasChildren(index.siblingAtColumn(0)) || !v.canConvert<SyncCounts>()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const SyncCounts counts = v.value<SyncCounts>();
    const int total = counts.compared();
    if (total == 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background and selection as the style draws them, without text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const QRect r = option.rect.adjusted(3, 4, -3, -4);
    const int barWidth = qMin(70, r.width() / 3);
    QRect bar(r.left(), r.top(), barWidth, r.height());
    int x = bar.left();
    int drawn = 0;
    for (SyncState s : {SyncState::Same, SyncState::EqualJson, SyncState::Changed,
                        SyncState::OnlyFiles, SyncState::OnlyKv, SyncState::Unreadable}) {
        const int n = counts[s];
        if (n == 0)
            continue;
        drawn += n;
        const int right = bar.left() + int(qint64(barWidth) * drawn / total);
        const QRect seg(x, bar.top(), qMax(2, right - x), bar.height());
        painter->fillRect(seg, SyncStyle::color(s));
        if (s != SyncState::Same) { // a pattern too, for eyes that do not tell the colours
            painter->fillRect(
                seg, QBrush(QColor(0, 0, 0, 70), s == SyncState::Changed      ? Qt::BDiagPattern
                                                 : s == SyncState::Unreadable ? Qt::DiagCrossPattern
                                                 : s == SyncState::EqualJson  ? Qt::HorPattern
                                                                              : Qt::VerPattern));
        }
        x = right;
    }
    painter->setPen(option.palette.color(QPalette::Mid));
    painter->drawRect(bar.adjusted(0, 0, -1, -1));
    painter->setPen(option.state & QStyle::State_Selected
                        ? option.palette.color(QPalette::HighlightedText)
                        : option.palette.color(QPalette::Text));
    const QRect textRect(bar.right() + 6, option.rect.top(), option.rect.right() - bar.right() - 6,
                         option.rect.height());
    const QString text = fittedText(counts, index.data(Qt::DisplayRole).toString(),
                                    option.fontMetrics, textRect.width());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
}

QString SyncBarDelegate::fittedText(const SyncCounts& counts, const QString& words,
                                    const QFontMetrics& metrics, int width)
{
    if (metrics.horizontalAdvance(words) <= width)
        return words;
    return metrics.elidedText(SyncStyle::compactCountsText(counts), Qt::ElideRight, width);
}

} // namespace pmkv
