#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace pmkv {

// One option of a --help text: "-o, --output <path>  Folder for the archive ...".
struct HelpOption
{
    QStringList names;   // "-o", "--output"
    QString valueName;   // "path" ("<>" dropped); empty for a flag
    QString description; // continuation lines joined with spaces

    QString longName() const; // "--output", or the first name
};

// A named item of an "Arguments:" or "Commands:" list.
struct HelpItem
{
    QString name;
    QString description;
};

// A part of the text after the options: "Examples:", "Exit codes: 0 clean, ...". Lines
// keep their indentation: indented ones are examples or tables, the others running text.
struct HelpSection
{
    QString title; // "Examples", "Exit codes"; empty for a paragraph without a title
    QStringList lines;
};

// A program's --help text (QCommandLineParser's layout, or the hand-written one of
// pmkv-proxy) read back into its parts, so that man pages and shell completions are made
// from what the program itself prints.
struct HelpDocument
{
    QString usage;       // "pmkv scan [options] root" (the program named by its file name)
    QString description; // the sentence under the usage line, or the headline before it
    QVector<HelpOption> options;
    QVector<HelpItem> arguments;
    QVector<HelpItem> commands;
    QVector<HelpSection> sections;

    static HelpDocument parse(const QString& text);
    // The first sentence of a description: what fits beside a name in a completion list
    // ("e.g." does not end one).
    static QString firstSentence(const QString& text);
    // Whether the last argument may be given several times ("action [...]").
    bool lastArgumentRepeats() const;
    // The section of that title, or nullptr.
    const HelpSection* section(const QString& title) const;
};

} // namespace pmkv
