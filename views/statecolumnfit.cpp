#include "statecolumnfit.h"

#include "syncstyle.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTreeView>

namespace pmkv {

StateColumnFit::StateColumnFit(QTreeView* view, int stateColumn)
    : QObject(view), m_view(view), m_column(stateColumn)
{
    QHeaderView* header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(m_column, QHeaderView::Fixed);
    m_view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this](int section) {
        if (section != m_column)
            fit();
    });
    fit();
}

bool StateColumnFit::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() &&
        (event->type() == QEvent::Resize || event->type() == QEvent::FontChange))
        fit();
    return QObject::eventFilter(watched, event);
}

void StateColumnFit::fit()
{
    int others = 0;
    for (int column = 0; column < m_view->header()->count(); ++column) {
        if (column != m_column && !m_view->isColumnHidden(column))
            others += m_view->columnWidth(column);
    }
    m_view->setColumnWidth(m_column, qMax(widestStateCell(), m_view->viewport()->width() - others));
}

// A state cell as the style sizes it (QStyledItemDelegate::sizeHint): its icon and its name
// with their margins, for the longest name in the view's font; or the header's title.
int StateColumnFit::widestStateCell() const
{
    QStyle* style = m_view->style();
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    option.font = m_view->font();
    option.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
    const int icon = style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_view);
    option.decorationSize = m_view->iconSize().isValid() ? m_view->iconSize() : QSize(icon, icon);
    option.decorationPosition = QStyleOptionViewItem::Left;
    option.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    int widest = m_view->header()->sectionSizeHint(m_column);
    for (int state = 0; state < kSyncStateCount; ++state) {
        option.text = syncStateName(SyncState(state));
        option.icon = SyncStyle::icon(SyncState(state));
        widest = qMax(
            widest,
            style->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), m_view).width());
    }
    return widest;
}

} // namespace pmkv
