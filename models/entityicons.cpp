#include "entityicons.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace pmkv {
namespace {

constexpr int kSize = 32; // drawn large, scaled down crisply on high-DPI screens

QIcon draw(const std::function<void(QPainter&)>& paint)
{
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    paint(painter);
    return QIcon(pixmap);
}

QIcon letterBadge(const QColor& color, QChar letter, bool round)
{
    return draw([&](QPainter& p) {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        if (round)
            p.drawEllipse(3, 3, kSize - 6, kSize - 6);
        else
            p.drawRoundedRect(3, 3, kSize - 6, kSize - 6, 6, 6);
        p.setPen(Qt::white);
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(17);
        p.setFont(font);
        p.drawText(QRect(0, 0, kSize, kSize), Qt::AlignCenter, QString(letter));
    });
}

} // namespace

QColor EntityIcons::errorColor()
{
    return QColor(0xD5, 0x5E, 0x00); // vermillion (Okabe-Ito), distinct for colour-blind eyes
}

QColor EntityIcons::warningColor()
{
    return QColor(0xE6, 0x9F, 0x00); // orange (Okabe-Ito)
}

QIcon EntityIcons::forKind(EntityKind kind, bool isFolder)
{
    static const QIcon folder = draw([](QPainter& p) {
        p.setPen(QPen(QColor(0x56, 0x6B, 0x80), 2));
        p.setBrush(QColor(0xA8, 0xC4, 0xE0));
        p.drawRoundedRect(3, 9, kSize - 6, kSize - 14, 3, 3);
        p.drawRoundedRect(3, 5, 12, 6, 2, 2);
    });
    static const QIcon people = letterBadge(QColor(0x00, 0x72, 0xB2), QLatin1Char('P'), true);
    static const QIcon project = letterBadge(QColor(0x00, 0x9E, 0x73), QLatin1Char('R'), false);
    static const QIcon epic = letterBadge(QColor(0xCC, 0x79, 0xA7), QLatin1Char('E'), false);
    static const QIcon story = letterBadge(QColor(0x56, 0xB4, 0xE9), QLatin1Char('S'), false);
    static const QIcon file = draw([](QPainter& p) {
        p.setPen(QPen(QColor(0x70, 0x70, 0x70), 2));
        p.setBrush(QColor(0xF2, 0xF2, 0xF2));
        p.drawRect(7, 3, kSize - 14, kSize - 6);
        p.drawLine(11, 11, kSize - 11, 11);
        p.drawLine(11, 17, kSize - 11, 17);
    });
    if (isFolder)
        return folder;
    switch (kind) {
    case EntityKind::People:
        return people;
    case EntityKind::Project:
        return project;
    case EntityKind::Epic:
        return epic;
    case EntityKind::Story:
        return story;
    case EntityKind::NonData:
        break;
    }
    return file;
}

QIcon EntityIcons::list()
{
    static const QIcon icon = letterBadge(QColor(0x5C, 0x5F, 0x66), QLatin1Char('L'), false);
    return icon;
}

QString EntityIcons::badgeText(EntityKind kind, bool isFolder)
{
    const char* ctx = "pmkv::EntityIcons";
    if (isFolder)
        return QCoreApplication::translate(ctx, "Folder");
    switch (kind) {
    case EntityKind::People:
        return QCoreApplication::translate(ctx, "P: the people (people.json)");
    case EntityKind::Project:
        return QCoreApplication::translate(ctx, "R: a project (project.json)");
    case EntityKind::Epic:
        return QCoreApplication::translate(ctx, "E: an epic (epic.json)");
    case EntityKind::Story:
        return QCoreApplication::translate(ctx, "S: a story");
    case EntityKind::NonData:
        break;
    }
    return QCoreApplication::translate(ctx, "A file that is not data");
}

QString EntityIcons::listBadgeText()
{
    return QCoreApplication::translate("pmkv::EntityIcons",
                                       "L: a list key (the projects, epics or stories list)");
}

QIcon EntityIcons::error()
{
    static const QIcon icon = letterBadge(errorColor(), QLatin1Char('!'), true);
    return icon;
}

QIcon EntityIcons::warning()
{
    static const QIcon icon = draw([](QPainter& p) {
        QPainterPath triangle;
        triangle.moveTo(kSize / 2.0, 3);
        triangle.lineTo(kSize - 3, kSize - 4);
        triangle.lineTo(3, kSize - 4);
        triangle.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(warningColor());
        p.drawPath(triangle);
        p.setPen(Qt::black);
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(16);
        p.setFont(font);
        p.drawText(QRect(0, 6, kSize, kSize - 6), Qt::AlignCenter, QStringLiteral("!"));
    });
    return icon;
}

} // namespace pmkv
