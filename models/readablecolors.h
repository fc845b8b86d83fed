#pragma once

#include <QColor>
#include <QList>
#include <QPalette>

namespace pmkv {

// Colours under and over text that stay readable in any palette (light, dark, the system's):
// WCAG 2 contrast ratios, at least 4.5:1 (level AA) for text. A mark (a changed line's
// background) is its tint blended onto the base colour only as far as every text colour on it
// still reads; a placeholder row's grey text is darkened (or lightened) until it reads on the
// base and on its hatch.
class ReadableColors final
{
public:
    static constexpr double kMinimumContrast = 4.5;

    // WCAG 2: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, 1 to 21.
    static double contrast(const QColor& a, const QColor& b);
    // `tint` over `base`, opaque: `strength` (0..1) of the strongest blend on which each of
    // `texts` keeps kMinimumContrast.
    static QColor mark(const QColor& tint, double strength, const QColor& base,
                       const QList<QColor>& texts);
    // A placeholder row ("(no file) ..."): its hatch, and its text (greyer than the palette's
    // text, readable on the base and on the hatch).
    static QColor placeholderHatch(const QPalette& palette);
    static QColor placeholderText(const QPalette& palette);
    // A text colour that carries a meaning (the red of a failure, the green of a success):
    // `colour` towards the palette's text colour (darker on a light background, lighter on a
    // dark one) only as far as it takes to read on `background`.
    static QColor text(const QColor& colour, const QColor& background, const QColor& paletteText);

private:
    static QColor blend(const QColor& over, const QColor& under, double amount);
};

} // namespace pmkv
