#pragma once

#include "syncstate.h"

#include <QString>

namespace pmkv {

// Which rows the sync filters keep, shared by the file and key panes: a leaf by its own
// state, a parent by the counts rolled up below it (so filtering a million keys never walks
// the tree).
struct SyncFilter
{
    // Changed: a different document. EqualJson: the same document written differently (key
    // order, spacing, escapes), which "Changed" does not show.
    enum class Mode {
        All,
        Differences,
        OneSided,
        OnlyFiles,
        OnlyKv,
        Changed,
        Unreadable,
        EqualJson
    };

    Mode mode = Mode::All;

    bool isActive() const { return mode != Mode::All; }
    bool acceptsState(SyncState state) const;
    bool acceptsCounts(const SyncCounts& counts) const;
    static QString modeName(Mode mode); // translated, for the filter box
};

} // namespace pmkv
