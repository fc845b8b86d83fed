#pragma once

#include "files/problem.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <QVector>

namespace pmkv {

// How `pmkv` prints the problems of a tree: identical problems on many files as one line
// ("warning [code] 445 files: message (a.json, b.json, c.json and 442 more; --all lists every
// file)"), a problem of one file as "path:line:column: severity: message [code]", and with
// --all every problem on its own line. The grouping itself is ProblemGroup's (the GUI's too).
class ProblemLines final
{
public:
    enum class Listing { None, Grouped, Every };

    // --all, for the commands that print problems.
    static void addAllOption(QCommandLineParser& parser);
    static Listing listing(const QCommandLineParser& parser);
    // --strict and the exit rule's wording, for the commands that judge a key space.
    static void addStrictOption(QCommandLineParser& parser);
    static bool strict(const QCommandLineParser& parser);
    // The exit rule for an epilog; `differences` says what a 1 means for the command.
    static QString exitRule(const QString& clean, const QString& differences);

    static void print(QTextStream& stream, const QVector<Problem>& problems, Listing listing,
                      const QString& indent = QString());
    // "N errors, M warnings in the files" and the lines, when there are any.
    static void printSummary(QTextStream& stream, const QVector<Problem>& problems, Listing listing,
                             const QString& indent = QString());
};

} // namespace pmkv
