#include "darkpalette.h"

#include "darkstyle.h"

#include <QApplication>
#include <QColor>

namespace pmkv {

QPalette DarkPalette::palette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5e));
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7f, 0x82, 0x87));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7f, 0x82, 0x87));
    return p;
}

void DarkPalette::apply()
{
    QApplication::setStyle(new DarkStyle); // (Fusion, with check boxes that show)
    QApplication::setPalette(palette());
}

} // namespace pmkv
