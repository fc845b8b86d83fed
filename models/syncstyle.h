#pragma once

#include "syncstate.h"

#include <QColor>
#include <QIcon>

#include <functional>

namespace pmkv {

// How a sync state looks. Every state has its own shape (circle, ring, diamond, left and right
// triangles, crossed square, dash) as well as its own Okabe-Ito colour, so rows read without
// colour vision and in grey-scale prints.
class SyncStyle final
{
public:
    static QIcon icon(SyncState state);
    static QColor color(SyncState state);
    // One character that repeats the shape in text (tooltips, the overview's legend).
    static QString glyph(SyncState state);
    // A parent row's counts in words: "✔ 412 same, ◆ 3 changed, ◀ 1 only in files".
    // `name` words a state (default syncStateName; a two-sides tree names its sides).
    static QString countsText(const SyncCounts& counts,
                              const std::function<QString(SyncState)>& name = {});
    // The same without the words, for a narrow column: "✔ 412  ◆ 3  ◀ 1".
    static QString compactCountsText(const SyncCounts& counts);
    // The same, one state a line, for a tooltip.
    static QString countsLines(const SyncCounts& counts,
                               const std::function<QString(SyncState)>& name = {});
};

} // namespace pmkv
