#include "syncstyle.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QStringList>

#include <array>

namespace pmkv {
namespace {

constexpr int kSize = 32;

QIcon drawIcon(SyncState state)
{
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = SyncStyle::color(state);
    p.setPen(QPen(c.darker(130), 2));
    p.setBrush(c);
    const QRectF box(5, 5, kSize - 10, kSize - 10);
    switch (state) {
    case SyncState::Same: // filled circle with a check mark
        p.drawEllipse(box);
        p.setPen(QPen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF{{10, 16.5}, {14.5, 21}, {22, 11.5}});
        break;
    case SyncState::EqualJson: // ring with an "=" inside
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(c, 3.5));
        p.drawEllipse(box.adjusted(1, 1, -1, -1));
        p.drawLine(QPointF(11.5, 13.5), QPointF(20.5, 13.5));
        p.drawLine(QPointF(11.5, 19), QPointF(20.5, 19));
        break;
    case SyncState::Changed: { // diamond
        QPainterPath path;
        path.moveTo(16, 3);
        path.lineTo(29, 16);
        path.lineTo(16, 29);
        path.lineTo(3, 16);
        path.closeSubpath();
        p.drawPath(path);
        p.setPen(QPen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(16, 10), QPointF(16, 18)); // "!"
        p.drawPoint(QPointF(16, 23));
        break;
    }
    case SyncState::OnlyFiles: // triangle pointing left (the file side)
        p.drawPolygon(QPolygonF{{4, 16}, {27, 4}, {27, 28}});
        break;
    case SyncState::OnlyKv: // triangle pointing right (the KV side)
        p.drawPolygon(QPolygonF{{28, 16}, {5, 4}, {5, 28}});
        break;
    case SyncState::Unreadable: // crossed square
        p.drawRect(box);
        p.setPen(QPen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(11, 11), QPointF(21, 21));
        p.drawLine(QPointF(21, 11), QPointF(11, 21));
        break;
    case SyncState::Unmapped: // a dash
        p.setPen(QPen(c, 4, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(8, 16), QPointF(24, 16));
        break;
    case SyncState::Unknown: // small hollow dot
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(c, 2.5));
        p.drawEllipse(QRectF(11, 11, 10, 10));
        break;
    }
    return QIcon(pixmap);
}

} // namespace

QColor SyncStyle::color(SyncState state)
{
    switch (state) { // Okabe-Ito
    case SyncState::Same:
        return QColor(0x00, 0x9E, 0x73); // bluish green
    case SyncState::EqualJson:
        return QColor(0x56, 0xB4, 0xE9); // sky blue
    case SyncState::Changed:
        return QColor(0xE6, 0x9F, 0x00); // orange
    case SyncState::OnlyFiles:
        return QColor(0x00, 0x72, 0xB2); // blue
    case SyncState::OnlyKv:
        return QColor(0xCC, 0x79, 0xA7); // reddish purple
    case SyncState::Unreadable:
        return QColor(0xD5, 0x5E, 0x00); // vermillion
    case SyncState::Unmapped:
    case SyncState::Unknown:
        return QColor(0x99, 0x99, 0x99);
    }
    return {};
}

QIcon SyncStyle::icon(SyncState state)
{
    static std::array<QIcon, kSyncStateCount> icons;
    QIcon& icon = icons[size_t(state)];
    if (icon.isNull())
        icon = drawIcon(state);
    return icon;
}

QString SyncStyle::glyph(SyncState state)
{
    switch (state) {
    case SyncState::Same:
        return QStringLiteral("\u2714"); // check
    case SyncState::EqualJson:
        return QStringLiteral("\u2248"); // almost equal
    case SyncState::Changed:
        return QStringLiteral("\u25C6"); // diamond
    case SyncState::OnlyFiles:
        return QStringLiteral("\u25C0"); // left triangle
    case SyncState::OnlyKv:
        return QStringLiteral("\u25B6"); // right triangle
    case SyncState::Unreadable:
        return QStringLiteral("\u2716"); // cross
    case SyncState::Unmapped:
        return QStringLiteral("\u2013");
    case SyncState::Unknown:
        return QStringLiteral("\u25CB");
    }
    return {};
}

namespace {

// `name` empty: the counts without words.
QStringList countParts(const SyncCounts& counts, const std::function<QString(SyncState)>& name)
{
    QStringList parts;
    for (SyncState s : {SyncState::Same, SyncState::Changed, SyncState::EqualJson,
                        SyncState::OnlyFiles, SyncState::OnlyKv, SyncState::Unreadable}) {
        if (counts[s] == 0)
            continue;
        QString part = QStringLiteral("%1 %2").arg(SyncStyle::glyph(s)).arg(counts[s]);
        if (name)
            part += QLatin1Char(' ') + name(s);
        parts << part;
    }
    return parts;
}

std::function<QString(SyncState)> orDefault(const std::function<QString(SyncState)>& name)
{
    return name ? name : [](SyncState s) { return syncStateName(s); };
}

} // namespace

QString SyncStyle::countsText(const SyncCounts& counts,
                              const std::function<QString(SyncState)>& name)
{
    return countParts(counts, orDefault(name)).join(QStringLiteral(", "));
}

QString SyncStyle::compactCountsText(const SyncCounts& counts)
{
    return countParts(counts, {}).join(QStringLiteral("  "));
}

QString SyncStyle::countsLines(const SyncCounts& counts,
                               const std::function<QString(SyncState)>& name)
{
    return countParts(counts, orDefault(name)).join(QLatin1Char('\n'));
}

} // namespace pmkv
