#include "statustone.h"

#include "readablecolors.h"

#include <QLabel>

namespace pmkv {

void StatusTone::apply(QLabel* label, Tone tone, bool bold)
{
    const QColor colour = tone == Tone::Good ? QColor(0x27, 0xae, 0x60) : QColor(0xc0, 0x39, 0x2b);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     ReadableColors::text(colour, palette.color(QPalette::Window),
                                          palette.color(QPalette::WindowText)));
    label->setPalette(palette);
    if (bold) {
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
    }
}

} // namespace pmkv
