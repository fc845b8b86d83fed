#include "generatecommand.h"

#include "exitcode.h"
#include "generate/treegenerator.h"

namespace pmkv {

QString GenerateCommand::summary() const
{
    return QStringLiteral(
        "Write a deterministic synthetic pm/ tree for tests, demos and benchmarks.");
}

void GenerateCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("out"),
                                 QStringLiteral("A new (or empty) folder to write."));
    parser.addOption({QStringLiteral("projects"), QStringLiteral("Number of projects (default 1)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("epics"), QStringLiteral("Epics per project (default 15)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("stories"), QStringLiteral("Stories per epic (default 29)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("seed"),
                      QStringLiteral("Random seed (default 1): same seed, same bytes."),
                      QStringLiteral("n")});
    parser.addOption(
        {QStringLiteral("faults"),
         QStringLiteral("Add the fixed set of broken files and unsafe names to the first epic.")});
    parser.addOption({QStringLiteral("quirks"),
                      QStringLiteral("Give the tree the traits real trees have (see below): it "
                                     "migrates, with file warnings.")});
}

QString GenerateCommand::epilog() const
{
    return QStringLiteral(
               "Examples:\n"
               "  pmkv generate demo/pm                                  about the size of a real "
               "tree\n"
               "  pmkv generate big/pm --projects 10 --epics 20 --stories 500   100,000 stories\n"
               "  pmkv generate bad/pm --faults && pmkv scan bad/pm\n"
               "  pmkv generate real/pm --quirks --epics 3 --stories 5\n"
               "\n"
               "--faults adds, in the first epic of the first project (file, problem code):\n  ") +
           TreeGenerator::faultFiles().join(QStringLiteral("\n  ")) +
           QStringLiteral("\n\n--quirks gives the tree the traits real trees have:\n  ") +
           TreeGenerator::quirkTraits().join(QStringLiteral("\n  ")) +
           QStringLiteral(
               "\n\nExit codes: 0 written, 2 could not write (the folder must be new or empty), "
               "64 wrong command line.");
}

int GenerateCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(QStringLiteral("give exactly one output folder"));
    TreeGenerator::Options options;
    qint64 projects = options.projects, epics = options.epicsPerProject,
           stories = options.storiesPerEpic, seed = qint64(options.seed);
    QString error;
    if (!readCount(parser, QStringLiteral("projects"), projects, error) ||
        !readCount(parser, QStringLiteral("epics"), epics, error) ||
        !readCount(parser, QStringLiteral("stories"), stories, error) ||
        !readCount(parser, QStringLiteral("seed"), seed, error))
        return usageError(error);
    if (projects < 1 || epics < 1 || projects * epics * std::max<qint64>(stories, 1) > 10'000'000)
        return usageError(
            QStringLiteral("--projects and --epics must be at least 1, and the tree at most "
                           "10,000,000 stories"));
    options.projects = int(projects);
    options.epicsPerProject = int(epics);
    options.storiesPerEpic = int(stories);
    options.seed = quint64(seed);
    options.faults = parser.isSet(QStringLiteral("faults"));
    options.quirks = parser.isSet(QStringLiteral("quirks"));
    auto summary = TreeGenerator::generate(args.first(), options);
    if (!summary)
        return failure(summary.error().message);
    out() << "wrote " << summary.value().files << " files (" << summary.value().stories
          << " stories, " << QString::number(double(summary.value().bytes) / 1e6, 'f', 1)
          << " MB) to " << args.first() << '\n';
    return ExitClean;
}

} // namespace pmkv
