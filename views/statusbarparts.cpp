#include "statusbarparts.h"

#include "statuslabel.h"

#include <QStyle>

#include <algorithm>

namespace pmkv {

namespace {
const int kGap = 12; // between two parts that show something

// The widths of parts that need `needs` pixels in `room`: each its need when that is at most
// an equal share of what the others leave (max-min fair), the rest that share.
QList<int> share(const QList<int>& needs, int room)
{
    QList<int> widths(needs.size(), 0);
    QList<int> open;
    for (int i = 0; i < needs.size(); ++i) {
        if (needs.at(i) > 0)
            open << i;
    }
    int left = std::max(room, 0);
    while (!open.isEmpty()) {
        const int fair = left / int(open.size());
        QList<int> still;
        for (int i : std::as_const(open)) {
            if (needs.at(i) <= fair) {
                widths[i] = needs.at(i);
                left -= needs.at(i);
            } else {
                still << i;
            }
        }
        if (still.size() == open.size()) { // none fits its share: each gets the share
            for (int i : std::as_const(still))
                widths[i] = left / int(still.size());
            break;
        }
        open = still;
    }
    return widths;
}
} // namespace

StatusBarParts::StatusBarParts(QWidget* parent) : QWidget(parent)
{
    // (its width is the status bar's to give: a longer text never widens the window)
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

StatusLabel* StatusBarParts::addPart(const QString& objectName)
{
    auto* part = new StatusLabel(this);
    part->setObjectName(objectName);
    m_parts << part;
    connect(part, &StatusLabel::messageChanged, this, &StatusBarParts::place);
    return part;
}

QSize StatusBarParts::sizeHint() const
{
    int height = 0;
    for (const StatusLabel* part : m_parts)
        height = std::max(height, part->sizeHint().height());
    return {0, height};
}

QSize StatusBarParts::minimumSizeHint() const
{
    return sizeHint();
}

void StatusBarParts::resizeEvent(QResizeEvent*)
{
    place();
}

void StatusBarParts::place()
{
    QList<int> needs;
    int shown = 0;
    for (const StatusLabel* part : std::as_const(m_parts)) {
        const bool empty = part->text().isEmpty();
        // (the label's margins and frame around the text)
        const int frame = part->width() - part->contentsRect().width();
        needs << (empty ? 0 : part->fontMetrics().horizontalAdvance(part->text()) + frame + 1);
        shown += empty ? 0 : 1;
    }
    const QRect area = contentsRect();
    const int room = area.width() - kGap * std::max(shown - 1, 0);
    QList<int> widths = share(needs, room);
    int used = 0;
    for (int w : std::as_const(widths))
        used += w;
    // What is left goes to the middle part (the last ends at the right edge).
    if (!widths.isEmpty() && used < room)
        widths[int(widths.size()) / 2] += room - used;
    int x = area.left();
    for (int i = 0; i < m_parts.size(); ++i) {
        m_parts.at(i)->setGeometry(x, area.top(), widths.at(i), area.height());
        if (widths.at(i) > 0)
            x += widths.at(i) + (needs.at(i) > 0 ? kGap : 0);
    }
}

} // namespace pmkv
