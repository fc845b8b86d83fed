#include "manpagewriter.h"

#include <QTest>

using namespace pmkv;

class TstManPageWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesWhatRoffWouldRead()
    {
        QCOMPARE(ManPageWriter::escape(QStringLiteral("--state-dir C:\\x")),
                 QStringLiteral("\\-\\-state\\-dir C:\\ex"));
        // A line starting with a dot or a quote would be a request.
        QCOMPARE(ManPageWriter::escape(QStringLiteral(".env.local")),
                 QStringLiteral("\\&.env.local"));
        QCOMPARE(ManPageWriter::escape(QStringLiteral("'quoted'")), QStringLiteral("\\&'quoted'"));
    }

    void givesEachCommandItsSectionWithExamplesAndExitCodes()
    {
        ProgramManual manual;
        manual.name = QStringLiteral("pmkv");
        manual.version = QStringLiteral("9.8.7");
        manual.help = HelpDocument::parse(QStringLiteral(
            "pmkv 9.8.7: read a tree.\n\nUsage: pmkv <command> [options]\n\nCommands:\n"
            "  scan   Read a folder.\n\nExit codes: 0 clean, 2 errors.\n"));
        manual.commands.append(
            CommandManual{QStringLiteral("scan"),
                          HelpDocument::parse(QStringLiteral(
                              "Usage: pmkv scan [options] root\nRead a folder.\n\nOptions:\n"
                              "  --max-file-mib <n>  Refuse larger files.\n\nArguments:\n"
                              "  root   The pm/ folder.\n\nExamples:\n  pmkv scan pm/ --json\n\n"
                              "Exit codes: 0 clean, 1 warnings.\n"))});
        ManPageWriter::Page page;
        page.date = QStringLiteral("2026-11-23");
        page.manualTitle = QStringLiteral("PMKV Studio");
        page.seeAlso =
            QStringList{QStringLiteral("pmkv-proxy(1)"), QStringLiteral("pmkv-studio(1)")};
        const QString roff = ManPageWriter::write(manual, page);

        QVERIFY2(roff.contains(QStringLiteral(
                     ".TH \"PMKV\" 1 \"2026\\-11\\-23\" \"pmkv 9.8.7\" \"PMKV Studio\"\n")),
                 qPrintable(roff));
        QVERIFY(roff.contains(QStringLiteral(".SH NAME\npmkv \\- read a tree\n")));
        QVERIFY(roff.contains(QStringLiteral("\\fBpmkv scan\\fR [options] root\n")));
        const qsizetype scan = roff.indexOf(QStringLiteral(".SH \"PMKV SCAN\"\n"));
        QVERIFY(scan > 0);
        const QString section =
            roff.mid(scan, roff.indexOf(QStringLiteral(".SH \"EXIT STATUS\""), scan) - scan);
        QVERIFY(section.contains(QStringLiteral(".TP\n\\fB\\-\\-max\\-file\\-mib\\fR \\fIn\\fR\n"
                                                "Refuse larger files.\n")));
        QVERIFY(section.contains(QStringLiteral(".SS \"Examples\"\n.PP\n.RS 2\n.nf\n"
                                                "pmkv scan pm/ \\-\\-json\n.fi\n.RE\n")));
        QVERIFY(
            section.contains(QStringLiteral(".SS \"Exit codes\"\n.PP\n0 clean, 1 warnings.\n")));
        QVERIFY(roff.contains(QStringLiteral(".SH \"EXIT STATUS\"\n.PP\n0 clean, 2 errors.\n")));
        QVERIFY(roff.contains(
            QStringLiteral(".SH \"SEE ALSO\"\n.BR pmkv\\-proxy (1),\n.BR pmkv\\-studio (1)\n")));
    }
};

QTEST_GUILESS_MAIN(TstManPageWriter)
#include "tst_manpagewriter.moc"
