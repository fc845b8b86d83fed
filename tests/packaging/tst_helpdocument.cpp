#include "helpdocument.h"

#include <QTest>

using namespace pmkv;

// HelpDocument reads back the three layouts of --help the programs print.
class TstHelpDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsQCommandLineParserLayoutAndEpilog()
    {
        const HelpDocument help = HelpDocument::parse(QStringLiteral(
            "Usage: pmkv backup [options] root\n"
            "Back up a pm/ folder into a verified, timestamped .tar.gz.\n"
            "\n"
            "Options:\n"
            "  -h, --help            Show this help and exit.\n"
            "  -o, --output <path>   Folder for the archive (default: beside the pm/\n"
            "                        folder), or the archive's file name.\n"
            "  --json                Print the result as JSON.\n"
            "\n"
            "Arguments:\n"
            "  root                  The pm/ folder.\n"
            "\n"
            "Every file is kept byte for byte, with a\n"
            "SHA-256 manifest.\n"
            "\n"
            "Examples:\n"
            "  pmkv backup pm/\n"
            "  pmkv backup pm/ -o /backups/\n"
            "\n"
            "Output: one line per key.\n"
            "Exit codes: 0 written and verified, 2 failed,\n"
            "64 wrong command line.\n"));
        QCOMPARE(help.usage, QStringLiteral("pmkv backup [options] root"));
        QCOMPARE(help.description,
                 QStringLiteral("Back up a pm/ folder into a verified, timestamped .tar.gz."));
        QCOMPARE(help.options.size(), 3);
        QCOMPARE(help.options[1].names,
                 (QStringList{QStringLiteral("-o"), QStringLiteral("--output")}));
        QCOMPARE(help.options[1].longName(), QStringLiteral("--output"));
        QCOMPARE(help.options[1].valueName, QStringLiteral("path"));
        QCOMPARE(help.options[1].description,
                 QStringLiteral("Folder for the archive (default: beside the pm/ folder), or the "
                                "archive's file name."));
        QVERIFY(help.options[2].valueName.isEmpty());
        QCOMPARE(help.arguments.size(), 1);
        QCOMPARE(help.arguments[0].name, QStringLiteral("root"));

        QCOMPARE(help.sections.size(), 4);
        QVERIFY(help.sections[0].title.isEmpty());
        QCOMPARE(help.sections[0].lines.size(), 2);
        const HelpSection* examples = help.section(QStringLiteral("Examples"));
        QVERIFY(examples);
        QCOMPARE(examples->lines, (QStringList{QStringLiteral("  pmkv backup pm/"),
                                               QStringLiteral("  pmkv backup pm/ -o /backups/")}));
        // A heading inside a block starts its own section.
        QCOMPARE(help.sections[2].title, QStringLiteral("Output"));
        const HelpSection* exitCodes = help.section(QStringLiteral("Exit codes"));
        QVERIFY(exitCodes);
        QCOMPARE(exitCodes->lines, (QStringList{QStringLiteral("0 written and verified, 2 failed,"),
                                                QStringLiteral("64 wrong command line.")}));
    }

    void readsTheProgramNameWithoutItsPath()
    {
        const HelpDocument help = HelpDocument::parse(
            QStringLiteral("Usage: build/app/pmkv-studio/pmkv-studio [options] folder\n"
                           "Browse a pm/ tree.\n"));
        QCOMPARE(help.usage, QStringLiteral("pmkv-studio [options] folder"));
        QCOMPARE(help.description, QStringLiteral("Browse a pm/ tree."));
    }

    void readsTheHandWrittenLayoutOfPmkvProxy()
    {
        const HelpDocument help = HelpDocument::parse(
            QStringLiteral("Usage: pmkv-proxy [--listen HOST:PORT] [--allow-remote]\n"
                           "\n"
                           "An Upstash-compatible REST server in front of a Redis server.\n"
                           "\n"
                           "  --listen HOST:PORT  where to listen (default 127.0.0.1:8080)\n"
                           "  --allow-remote      allow listening on a non-loopback address\n"
                           "  --max-response BYTES  largest answer the proxy builds;\n"
                           "                      a larger one is refused\n"
                           "\n"
                           "Environment: PMKV_PROXY_TOKEN and PMKV_PROXY_READONLY_TOKEN,\n"
                           "PMKV_PROXY_REDIS_URL.\n"
                           "\n"
                           "Example:\n"
                           "  curl http://127.0.0.1:8080/get/foo\n"));
        QCOMPARE(help.description,
                 QStringLiteral("An Upstash-compatible REST server in front of a Redis server."));
        QCOMPARE(help.options.size(), 3);
        QCOMPARE(help.options[0].valueName, QStringLiteral("HOST:PORT"));
        QCOMPARE(help.options[2].longName(), QStringLiteral("--max-response"));
        QCOMPARE(help.options[2].description,
                 QStringLiteral("largest answer the proxy builds; a larger one is refused"));
        QVERIFY(help.section(QStringLiteral("Environment")));
        QCOMPARE(help.section(QStringLiteral("Environment"))->lines.size(), 2);
        QVERIFY(help.section(QStringLiteral("Example")));
    }

    void readsTheCommandListAndHeadlineOfPmkv()
    {
        const HelpDocument help = HelpDocument::parse(QStringLiteral(
            "pmkv 0.1.0: read, check and migrate a pm/ JSON tree to Redis / Upstash.\n"
            "\n"
            "Usage: pmkv <command> [options] [arguments]\n"
            "\n"
            "Commands:\n"
            "  scan       Read a pm/ folder, count its entities.\n"
            "  keys       Show the key every entity maps to.\n"
            "\n"
            "Run 'pmkv <command> --help' for a command's options and examples.\n"
            "Exit codes: 0 clean, 1 warnings or differences, 2 errors.\n"));
        QCOMPARE(help.description,
                 QStringLiteral("read, check and migrate a pm/ JSON tree to Redis / Upstash."));
        QCOMPARE(help.commands.size(), 2);
        QCOMPARE(help.commands[1].name, QStringLiteral("keys"));
        QCOMPARE(help.sections.size(), 2);
        QVERIFY(help.sections[0].title.isEmpty());
        QCOMPARE(help.sections[1].title, QStringLiteral("Exit codes"));
    }

    void firstSentenceKeepsAbbreviations()
    {
        QCOMPARE(HelpDocument::firstSentence(QStringLiteral(
                     "Ignore fields matching a pattern, e.g. /updatedAt. Repeatable.")),
                 QStringLiteral("Ignore fields matching a pattern, e.g. /updatedAt."));
        QCOMPARE(HelpDocument::firstSentence(QStringLiteral("Print the result as JSON.")),
                 QStringLiteral("Print the result as JSON."));
    }

    void theLastArgumentRepeatsWhenTheUsageSaysSo()
    {
        QVERIFY(HelpDocument::parse(QStringLiteral("Usage: pmkv conn [options] action [...]\n"))
                    .lastArgumentRepeats());
        QVERIFY(!HelpDocument::parse(QStringLiteral("Usage: pmkv diff [options] left right\n"))
                     .lastArgumentRepeats());
    }
};

QTEST_GUILESS_MAIN(TstHelpDocument)
#include "tst_helpdocument.moc"
