#include "overviewstrip.h"

#include "syncstyle.h"

#include <QMouseEvent>
#include <QPainter>

namespace pmkv {

OverviewStrip::OverviewStrip(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("overviewStrip"));
    setFixedWidth(16);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Where the differences are; click to jump"));
}

void OverviewStrip::setMarks(int count, QVector<Mark> marks)
{
    m_count = count;
    m_marks = std::move(marks);
    update();
}

int OverviewStrip::yFor(int position) const
{
    if (m_count <= 1)
        return 2;
    return 2 + int(qint64(height() - 6) * position / (m_count - 1));
}

const OverviewStrip::Mark* OverviewStrip::markAt(int y) const
{
    const Mark* best = nullptr;
    int bestDistance = 8; // pixels
    for (const Mark& m : m_marks) {
        const int d = qAbs(yFor(m.position) - y);
        if (d <= bestDistance) {
            best = &m;
            bestDistance = d;
        }
    }
    return best;
}

void OverviewStrip::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::AlternateBase));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    const int w = width() - 2;
    for (const Mark& m : m_marks) {
        const int y = yFor(m.position);
        const QColor c = SyncStyle::color(m.state);
        QRect r(1, y, w, 3);
        switch (m.state) {
        case SyncState::OnlyFiles:
            r.setWidth(w / 2);
            break;
        case SyncState::OnlyKv:
            r.setLeft(1 + w / 2);
            break;
        case SyncState::EqualJson:
            r.setHeight(1);
            break;
        default:
            break;
        }
        p.fillRect(r, c);
        if (m.state == SyncState::Unreadable) {
            p.setPen(QPen(c.darker(150), 1));
            p.drawLine(1, y - 2, w, y + 4);
            p.drawLine(w, y - 2, 1, y + 4);
        }
    }
}

void OverviewStrip::mousePressEvent(QMouseEvent* event)
{
    if (const Mark* m = markAt(int(event->position().y())))
        Q_EMIT jumpRequested(m->path);
}

} // namespace pmkv
