#pragma once

#include "helpdocument.h"

#include <QString>
#include <QStringList>

namespace pmkv {

// What a shell can offer for the value of an option or an argument, read from how the help
// names and describes it: "--state-dir <folder>" takes a folder, "--conn <NAME>" a saved
// connection, "run" a run id, "up | down | status" one of those words. The rules are kept
// to the words the help texts use; tests pin them for every pmkv command.
struct ValueCompletion
{
    enum Kind : unsigned {
        Nothing = 0,
        Files = 1,       // any path
        Directories = 2, // folders only
        Profiles = 4,    // names `pmkv conn list` prints
        Runs = 8,        // run ids of the journals in the state folder
        Sides = 16,      // a diff side: a path, conn:NAME or a URL
    };
    unsigned kinds = Nothing;
    QStringList words; // fixed words ("up", "down"; "last")

    bool isEmpty() const { return kinds == Nothing && words.isEmpty(); }
    // "dirs,runs": the kinds as the completion scripts' helpers take them.
    QString kindList() const;
    // "files repository strategy": the kind list ("none" if empty) and the words, as the
    // arguments of the completion scripts' value helpers (words a shell would split or
    // expand are left out).
    QString helperArguments() const;

    static ValueCompletion forOption(const HelpOption& option);
    static ValueCompletion forArgument(const HelpItem& argument);
};

} // namespace pmkv
