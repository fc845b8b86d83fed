#pragma once

#include <QPalette>

namespace pmkv {

// The dark palette of --dark (desktops without a dark system theme, screenshots).
class DarkPalette final
{
public:
    static QPalette palette();
};

} // namespace pmkv
