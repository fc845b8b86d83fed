#include "commandregistry.h"
#include "exitcode.h"
#include "heaptuning.h"

#include <QCoreApplication>
#include <QTextStream>

#include <memory>
#include <vector>

using namespace pmkv;

namespace {

void printHelp(QTextStream& stream, const std::vector<std::unique_ptr<CliCommand>>& commands)
{
    stream << "pmkv " << PMKV_VERSION
           << ": read, check and migrate a pm/ JSON tree to Redis / Upstash.\n\n"
              "Usage: pmkv <command> [options] [arguments]\n\nCommands:\n";
    for (const auto& command : commands)
        stream << "  " << command->name().leftJustified(10) << ' ' << command->summary() << '\n';
    stream << "\nRun 'pmkv <command> --help' for a command's options and examples.\n"
              "Exit codes: 0 clean, 1 warnings or differences, 2 errors, 64 wrong command line.\n";
}

} // namespace

int main(int argc, char** argv)
{
    HeapTuning::applyOnce(argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pmkv"));
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PMKV_VERSION));
    const auto commands = allCommands();
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        QTextStream err(stderr);
        printHelp(err, commands);
        return ExitUsage;
    }
    const QString first = args.takeFirst();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        QTextStream out(stdout);
        printHelp(out, commands);
        return ExitClean;
    }
    if (first == QLatin1String("--version")) {
        QTextStream(stdout) << "pmkv " << PMKV_VERSION << '\n';
        return ExitClean;
    }
    for (const auto& command : commands) {
        if (command->name() == first)
            return command->run(args);
    }
    QTextStream(stderr) << "pmkv: unknown command \"" << first
                        << "\"\nRun 'pmkv --help' for the list.\n";
    return ExitUsage;
}
