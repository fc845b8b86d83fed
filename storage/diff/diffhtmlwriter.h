#pragma once

#include "diff/diffreport.h"

#include <QByteArray>

namespace pmkv {

// A self-contained HTML page for people: run metadata, counts, a navigation pane with the
// roll-ups per project and epic and a link to every entity that differs, and per entity its
// field changes (JSON Pointer, left, right; long texts as a line diff) and both values side
// by side as pretty JSON with the changed lines highlighted. No scripts, no external files.
class DiffHtmlWriter final
{
public:
    // Entities past `maxDetailed` are listed with their changes but without the side-by-side
    // values, so a huge diff still gives a page a browser can open.
    static QByteArray write(const DiffReport& report, int maxDetailed = 2000);
};

} // namespace pmkv
