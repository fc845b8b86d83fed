#include "programmanual.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

namespace pmkv {

namespace {

constexpr int kTimeoutMs = 60000;

// Runs `program arguments` and returns what it printed on stdout when it exits 0.
Result<QString> helpOutput(const QString& program, const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The help of a program is the same in every language and needs nothing else: no
    // re-execution for heap tuning, no display.
    environment.insert(QStringLiteral("PMKV_NO_HEAP_TUNING"), QStringLiteral("1"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, arguments);
    const QString line = program + QLatin1Char(' ') + arguments.join(QLatin1Char(' '));
    if (!process.waitForFinished(kTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return makeError(QStringLiteral("docgen.run"),
                         QStringLiteral("%1 did not finish: %2").arg(line, process.errorString()));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return makeError(QStringLiteral("docgen.run"),
                         QStringLiteral("%1 failed (exit %2): %3")
                             .arg(line)
                             .arg(process.exitCode())
                             .arg(QString::fromUtf8(process.readAllStandardError())));
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

Result<ProgramManual> ProgramManual::read(const QString& program)
{
    ProgramManual manual;
    manual.name = QFileInfo(program).fileName();
    const auto version = helpOutput(program, {QStringLiteral("--version")});
    if (!version)
        return version.error();
    // "pmkv 0.1.0": the last word of the first line.
    manual.version =
        version.value().section(QLatin1Char('\n'), 0, 0).trimmed().section(QLatin1Char(' '), -1);
    const auto help = helpOutput(program, {QStringLiteral("--help")});
    if (!help)
        return help.error();
    manual.help = HelpDocument::parse(help.value());
    for (const HelpItem& item : manual.help.commands) {
        const auto text = helpOutput(program, {item.name, QStringLiteral("--help")});
        if (!text)
            return text.error();
        manual.commands.append(CommandManual{item.name, HelpDocument::parse(text.value())});
    }
    return manual;
}

const CommandManual* ProgramManual::command(const QString& name) const
{
    for (const CommandManual& c : commands) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QString ProgramManual::shellIdentifier() const
{
    QString id = name;
    return id.replace(QLatin1Char('-'), QLatin1Char('_'));
}

} // namespace pmkv
