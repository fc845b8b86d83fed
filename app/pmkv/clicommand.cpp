#include "clicommand.h"

#include "exitcode.h"
#include "kvtarget.h"
#include "stepwording.h"

#include <QCoreApplication>

namespace pmkv {

QTextStream& CliCommand::out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& CliCommand::err()
{
    static QTextStream stream(stderr);
    return stream;
}

int CliCommand::usageError(const QString& message) const
{
    QTextStream(stderr) << "pmkv " << name() << ": " << message << "\nTry 'pmkv " << name()
                        << " --help'.\n";
    return ExitUsage;
}

int CliCommand::failure(const QString& message) const
{
    QTextStream(stderr) << "pmkv " << name() << ": " << message << '\n';
    return ExitErrors;
}

int CliCommand::failure(const Error& error) const
{
    if (KvTarget::isCommandLineError(error))
        return usageError(error.message);
    QTextStream stream(stderr);
    stream << "pmkv " << name() << ": " << error.message << '\n';
    QString next = StepWording::sentence(error.next);
    // The REST transport knows no connection name to put in a step; the token is given here.
    if (next.isEmpty() && error.code == QLatin1String("unauthorized"))
        next = QStringLiteral("save the right token with `pmkv conn add NAME ADDRESS --replace "
                              "--token-stdin`, or set PMKV_TOKEN for --url");
    if (!next.isEmpty())
        stream << "next: " << next << '\n';
    return ExitErrors;
}

int CliCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("Show the version and exit."));
    parser.addOption(help);
    parser.addOption(version);
    configure(parser);
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("pmkv ") + name());
    if (!parser.parse(argv))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        // helpText() names the program by argv[0] ("./pmkv"); name the command instead.
        QString text = parser.helpText();
        const qsizetype usageEnd = text.indexOf(QLatin1String(" [options]"));
        if (text.startsWith(QLatin1String("Usage: ")) && usageEnd > 0)
            text.replace(7, usageEnd - 7, QStringLiteral("pmkv ") + name());
        out() << text;
        const QString more = epilog();
        if (!more.isEmpty())
            out() << '\n' << more << '\n';
        out().flush();
        return ExitClean;
    }
    if (parser.isSet(version)) {
        out() << "pmkv " << QStringLiteral(PMKV_VERSION) << '\n';
        out().flush();
        return ExitClean;
    }
    const int code = execute(parser);
    out().flush();
    err().flush();
    return code;
}

bool readCount(const QCommandLineParser& parser, const QString& option, qint64& value,
               QString& error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const qint64 parsed = parser.value(option).toLongLong(&ok);
    if (!ok || parsed < 0) {
        error = QStringLiteral("--%1 needs a whole number of 0 or more, got \"%2\"")
                    .arg(option, parser.value(option));
        return false;
    }
    value = parsed;
    return true;
}

} // namespace pmkv
