// pmkv-docgen: makes the man pages and shell completions at build time from what the built
// programs print for --help (see packaging/CMakeLists.txt). Not installed.
#include "bashcompletionwriter.h"
#include "fishcompletionwriter.h"
#include "manpagewriter.h"
#include "programmanual.h"
#include "zshcompletionwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>
#include <QTextStream>

using namespace pmkv;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a man page or a shell completion from a program's --help."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("kind"), QStringLiteral("man, bash, zsh or fish"));
    parser.addPositionalArgument(QStringLiteral("program"), QStringLiteral("The built program."));
    parser.addPositionalArgument(QStringLiteral("output"), QStringLiteral("The file to write."));
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("Date of the page."),
                                  QStringLiteral("yyyy-mm-dd"));
    const QCommandLineOption manual(QStringLiteral("manual"),
                                    QStringLiteral("Title of the manual the page belongs to."),
                                    QStringLiteral("title"));
    const QCommandLineOption seeAlso(QStringLiteral("see-also"),
                                     QStringLiteral("A page to refer to, e.g. pmkv(1)."),
                                     QStringLiteral("page"));
    parser.addOptions({date, manual, seeAlso});
    parser.process(app);
    QTextStream err(stderr);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 3) {
        err << "pmkv-docgen: give KIND PROGRAM OUTPUT\n";
        return 64;
    }
    const QString& kind = args[0];
    const auto read = ProgramManual::read(args[1]);
    if (!read) {
        err << "pmkv-docgen: " << read.error().message << '\n';
        return 2;
    }
    const ProgramManual& program = read.value();
    QString text;
    if (kind == QLatin1String("man")) {
        ManPageWriter::Page page;
        page.date = parser.value(date);
        page.manualTitle = parser.value(manual);
        page.seeAlso = parser.values(seeAlso);
        text = ManPageWriter::write(program, page);
    } else if (kind == QLatin1String("bash")) {
        text = BashCompletionWriter::write(program);
    } else if (kind == QLatin1String("zsh")) {
        text = ZshCompletionWriter::write(program);
    } else if (kind == QLatin1String("fish")) {
        text = FishCompletionWriter::write(program);
    } else {
        err << "pmkv-docgen: unknown kind \"" << kind << "\": man, bash, zsh or fish\n";
        return 64;
    }
    QSaveFile out(args[2]);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.commit()) {
        err << "pmkv-docgen: cannot write " << args[2] << ": " << out.errorString() << '\n';
        return 2;
    }
    return 0;
}
