#pragma once

#include "core/result.h"
#include "diff/diffoptions.h"
#include "layout/keylayout.h"

#include <QCommandLineParser>

namespace pmkv {

// The options `pmkv diff` and `pmkv sync` share: layouts per side and comparison rules.
class DiffOptionsParser final
{
public:
    struct Settings
    {
        KeyLayout leftLayout;
        KeyLayout rightLayout;
        DiffOptions diff;
    };

    // --layout, --left-layout, --right-layout, --prefix, --ignore, --set, --ignore-whitespace
    static void addOptions(QCommandLineParser& parser);
    static Result<Settings> parse(const QCommandLineParser& parser);
};

} // namespace pmkv
