#include "readablecolors.h"

#include <QtMath>

#include <algorithm>

namespace pmkv {
namespace {

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : qPow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double lowestContrast(const QColor& background, const QList<QColor>& texts)
{
    double lowest = 21.0;
    for (const QColor& text : texts)
        lowest = std::min(lowest, ReadableColors::contrast(text, background));
    return lowest;
}

} // namespace

double ReadableColors::contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor ReadableColors::blend(const QColor& over, const QColor& under, double amount)
{
    // (rounded as the screen shows it, so the check below holds for the colour drawn)
    auto mix = [amount](int a, int b) { return qRound(a * amount + b * (1.0 - amount)); };
    return QColor(mix(over.red(), under.red()), mix(over.green(), under.green()),
                  mix(over.blue(), under.blue()));
}

QColor ReadableColors::mark(const QColor& tint, double strength, const QColor& base,
                            const QList<QColor>& texts)
{
    // The strongest blend every text reads on, in steps of 1/255 (what a colour can hold).
    int strongest = 0;
    for (int step = 1; step <= 255; ++step) {
        if (lowestContrast(blend(tint, base, step / 255.0), texts) < kMinimumContrast)
            break;
        strongest = step;
    }
    const double amount = std::clamp(strength, 0.0, 1.0) * strongest / 255.0;
    return blend(tint, base, amount);
}

QColor ReadableColors::placeholderHatch(const QPalette& palette)
{
    return blend(palette.color(QPalette::Mid), palette.color(QPalette::Base), 0.5);
}

QColor ReadableColors::placeholderText(const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QList<QColor> under{base, placeholderHatch(palette)};
    const QColor grey = palette.color(QPalette::Disabled, QPalette::Text);
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    // From the disabled grey towards the text colour, as little as it takes.
    for (int step = 0; step <= 100; ++step) {
        const QColor candidate = blend(text, grey, step / 100.0);
        if (lowestContrast(candidate, under) >= kMinimumContrast)
            return candidate;
    }
    return text;
}

QColor ReadableColors::text(const QColor& colour, const QColor& background,
                            const QColor& paletteText)
{
    for (int step = 0; step <= 100; ++step) {
        const QColor candidate = blend(paletteText, colour, step / 100.0);
        if (contrast(candidate, background) >= kMinimumContrast)
            return candidate;
    }
    return paletteText;
}

} // namespace pmkv
