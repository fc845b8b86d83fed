#pragma once

#include "programmanual.h"

#include <QString>
#include <QStringList>

namespace pmkv {

// Writes a program's manual page (roff, man(7) macros) from what its --help says: the
// usage, options, arguments and the sections after them; a program with commands gets a
// section per command, with that command's options, examples and exit codes.
class ManPageWriter final
{
public:
    struct Page
    {
        QString section = QStringLiteral("1");
        QString date;        // "2026-11-23": the release date, so that builds repeat
        QString manualTitle; // "PMKV Studio"
        QStringList seeAlso; // "pmkv-proxy(1)"
    };

    static QString write(const ProgramManual& manual, const Page& page);
    // Text for roff: backslashes and dashes escaped, no line starting with a control
    // character.
    static QString escape(const QString& text);
};

} // namespace pmkv
