#pragma once

#include <QPalette>

namespace pmkv {

// The dark palette of --dark (desktops without a dark system theme, screenshots).
class DarkPalette final
{
public:
    static QPalette palette();
    // What --dark does: the Fusion style (DarkStyle) in this palette.
    static void apply();
};

} // namespace pmkv
