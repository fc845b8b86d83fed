#include "darkstyle.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

namespace pmkv {

DarkStyle::DarkStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

void DarkStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option,
                              QPainter* painter, const QWidget* widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    const bool box = element == PE_IndicatorCheckBox;
    if (!box && element != PE_IndicatorRadioButton)
        return;
    // Over Fusion's own outline: the palette's grey for disabled text (4:1 on the window),
    // the mid grey when the control is disabled (fainter, still seen).
    const bool enabled = option->state & State_Enabled;
    QColor outline = option->palette.color(QPalette::Disabled, QPalette::Text);
    if (!enabled)
        outline = option->palette.color(QPalette::Mid).lighter(125);
    painter->save();
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(outline, 1));
    if (box) {
        painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
    } else {
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->drawEllipse(QRectF(option->rect).adjusted(1.5, 1.5, -1.5, -1.5));
    }
    painter->restore();
}

} // namespace pmkv
