#pragma once

#include "core/result.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace pmkv {

// One `pmkv <name>` command. run() gets the arguments after the command name and returns
// an ExitCode. The base class owns parsing: --help, --version and usage errors (exit 64).
class CliCommand
{
public:
    virtual ~CliCommand() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    int run(const QStringList& arguments);

protected:
    // Adds the command's options and positional arguments.
    virtual void configure(QCommandLineParser& parser) = 0;
    // Text after the options in --help: examples and exit codes.
    virtual QString epilog() const { return {}; }
    virtual int execute(const QCommandLineParser& parser) = 0;

    // A usage error: message to stderr, exit 64.
    int usageError(const QString& message) const;
    // A failure: message to stderr, exit 2.
    int failure(const QString& message) const;
    // A failure from the core: its message, then its next step worded as a command line
    // ("next: pmkv migrate --resume RUN ..."), exit 2; a refused command line (no key space
    // given) is a usage error, exit 64.
    int failure(const Error& error) const;
    QTextStream& out();
    QTextStream& err();
};

// Reads a non-negative integer option; false (and a message) when it is not one.
bool readCount(const QCommandLineParser& parser, const QString& option, qint64& value,
               QString& error);

} // namespace pmkv
