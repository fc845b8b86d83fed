#pragma once

#include "core/result.h"
#include "helpdocument.h"

#include <QString>
#include <QVector>

namespace pmkv {

// One subcommand of a program: `pmkv scan --help` read back.
struct CommandManual
{
    QString name;
    HelpDocument help;
};

// What a program says about itself: `--version`, `--help`, and `<command> --help` for every
// command its --help lists. Read by running the built program, so the man pages and the
// completions say what the program does.
struct ProgramManual
{
    QString name;    // "pmkv"
    QString version; // "0.1.0"
    HelpDocument help;
    QVector<CommandManual> commands;

    static Result<ProgramManual> read(const QString& program);
    const CommandManual* command(const QString& name) const;
    // The name as a shell function name can hold it: "pmkv-proxy" -> "pmkv_proxy".
    QString shellIdentifier() const;
};

} // namespace pmkv
