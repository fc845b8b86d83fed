#include "pmkvrun.h"
#include "testtree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace pmkv;

namespace {

using Run = test::PmkvRun;

Run runPmkv(const QStringList& arguments)
{
    return test::runPmkv(arguments);
}

} // namespace

class TestPmkvCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void scanJson();
    void keysListEveryEntity();
    void generateThenScanIsClean();

private:
    test::TestTree m_dir;
};

void TestPmkvCli::initTestCase()
{
    QVERIFY2(!test::binaryPath(QStringLiteral("pmkv")).isEmpty(), "pmkv is not built");
    // A tree with warnings only: a clean tree whose project lists an epic that is not there.
    m_dir.write(QStringLiteral("warn/people.json"), "[]");
    m_dir.write(QStringLiteral("warn/p/project.json"), R"({"name": "p", "epicIds": ["gone"]})");
    m_dir.write(QStringLiteral("clean/people.json"), "[]");
    m_dir.write(QStringLiteral("clean/p/project.json"), R"({"name": "p", "epicIds": []})");
}

void TestPmkvCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutHas");
    QTest::addColumn<QString>("stderrHas");
    const QString quirks = test::quirksTreePath();
    const QString clean = m_dir.path(QStringLiteral("clean"));
    const QString warn = m_dir.path(QStringLiteral("warn"));
    QTest::newRow("no command") << QStringList{} << 64 << QString() << QStringLiteral("Commands:");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 64 << QString()
                                     << QStringLiteral("unknown command");
    QTest::newRow("top help") << QStringList{QStringLiteral("--help")} << 0
                              << QStringLiteral("scan") << QString();
    QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0
                             << QStringLiteral(PMKV_VERSION) << QString();
    QTest::newRow("scan help teaches")
        << QStringList{QStringLiteral("scan"), QStringLiteral("--help")} << 0
        << QStringLiteral("Exit codes") << QString();
    QTest::newRow("keys help") << QStringList{QStringLiteral("keys"), QStringLiteral("--help")} << 0
                               << QStringLiteral("strategy") << QString();
    QTest::newRow("help names the command")
        << QStringList{QStringLiteral("keys"), QStringLiteral("--help")} << 0
        << QStringLiteral("Usage: pmkv keys [options]") << QString();
    QTest::newRow("generate help")
        << QStringList{QStringLiteral("generate"), QStringLiteral("--help")} << 0
        << QStringLiteral("--faults") << QString();
    QTest::newRow("command version")
        << QStringList{QStringLiteral("keys"), QStringLiteral("--version")} << 0
        << QStringLiteral(PMKV_VERSION) << QString();
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("scan"), QStringLiteral("--bogus"), clean} << 64 << QString()
        << QStringLiteral("bogus");
    QTest::newRow("missing argument")
        << QStringList{QStringLiteral("scan")} << 64 << QString() << QStringLiteral("pm/ folder");
    QTest::newRow("missing folder")
        << QStringList{QStringLiteral("scan"), QStringLiteral("/nonexistent/pm")} << 2 << QString()
        << QStringLiteral("/nonexistent/pm");
    QTest::newRow("clean scan") << QStringList{QStringLiteral("scan"), clean} << 0
                                << QStringLiteral("0 errors, 0 warnings") << QString();
    QTest::newRow("warnings only") << QStringList{QStringLiteral("scan"), warn} << 1
                                   << QStringLiteral("p/project.json: warning:") << QString();
    QTest::newRow("errors") << QStringList{QStringLiteral("scan"), quirks} << 2
                            << QStringLiteral(
                                   "clinic/clinical-decision-support/broken.json:4:17: error:")
                            << QString();
    QTest::newRow("bad layout") << QStringList{QStringLiteral("keys"), clean,
                                               QStringLiteral("--layout"), QStringLiteral("nope")}
                                << 64 << QString() << QStringLiteral("nope");
    QTest::newRow("unsafe names in keys")
        << QStringList{QStringLiteral("keys"), quirks} << 2
        << QStringLiteral("pm:people\tpeople.json") << QStringLiteral("name.unsafe");
    QTest::newRow("bad count") << QStringList{QStringLiteral("generate"),
                                              m_dir.path(QStringLiteral("x")),
                                              QStringLiteral("--stories"), QStringLiteral("many")}
                               << 64 << QString() << QStringLiteral("--stories");
    QTest::newRow("batches in flight out of range")
        << QStringList{QStringLiteral("migrate"),
                       clean,
                       QStringLiteral("--redis"),
                       QStringLiteral("redis://127.0.0.1:1"),
                       QStringLiteral("--batches-in-flight"),
                       QStringLiteral("17")}
        << 64 << QString() << QStringLiteral("--batches-in-flight takes 1 to 16, got 17");
    QTest::newRow("generate into non-empty") << QStringList{QStringLiteral("generate"), clean} << 2
                                             << QString() << QStringLiteral("not empty");
}

void TestPmkvCli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutHas);
    QFETCH(QString, stderrHas);
    const Run run = runPmkv(arguments);
    QVERIFY2(run.exitCode == exitCode, QByteArray(run.out + run.err).constData());
    QVERIFY2(QString::fromUtf8(run.out).contains(stdoutHas), run.out.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(stderrHas), run.err.constData());
}

void TestPmkvCli::scanJson()
{
    const Run run =
        runPmkv({QStringLiteral("scan"), test::quirksTreePath(), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 2);
    const QJsonObject o = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(o.value(QStringLiteral("counts")).toObject().value(QStringLiteral("stories")).toInt(),
             14);
    QCOMPARE(o.value(QStringLiteral("exitCode")).toInt(), 2);
    QVERIFY(o.value(QStringLiteral("errors")).toInt() >= 6);
    bool sawParseError = false;
    for (const QJsonValue& v : o.value(QStringLiteral("problems")).toArray()) {
        const QJsonObject p = v.toObject();
        if (p.value(QStringLiteral("code")).toString() == QLatin1String("json.parse")) {
            sawParseError = true;
            QCOMPARE(p.value(QStringLiteral("line")).toInt(), 4);
            QCOMPARE(p.value(QStringLiteral("column")).toInt(), 17);
        }
    }
    QVERIFY(sawParseError);
}

void TestPmkvCli::keysListEveryEntity()
{
    const Run run =
        runPmkv({QStringLiteral("keys"), test::quirksTreePath(), QStringLiteral("--layout"),
                 QStringLiteral("strategy"), QStringLiteral("--json"), QStringLiteral("--values")});
    const QJsonObject o = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(o.value(QStringLiteral("layout")).toString(), QStringLiteral("strategy"));
    QStringList keys;
    for (const QJsonValue& v : o.value(QStringLiteral("keys")).toArray())
        keys << v.toObject().value(QStringLiteral("key")).toString();
    QVERIFY(keys.contains(QStringLiteral("pm:people:global")));
    QVERIFY(keys.contains(QStringLiteral("pm:story:clinic:clinical-decision-support:F-AI-001")));
    QVERIFY(!keys.contains(QStringLiteral("pm:story:clinic:clinical-decision-support:F-AI:003")));
}

void TestPmkvCli::generateThenScanIsClean()
{
    const QString out = m_dir.path(QStringLiteral("generated/pm"));
    const Run gen = runPmkv({QStringLiteral("generate"), out, QStringLiteral("--epics"),
                             QStringLiteral("2"), QStringLiteral("--stories"), QStringLiteral("4"),
                             QStringLiteral("--seed"), QStringLiteral("9")});
    QCOMPARE(gen.exitCode, 0);
    QVERIFY(gen.out.contains("8 stories"));
    const Run scan = runPmkv({QStringLiteral("scan"), out});
    QVERIFY2(scan.exitCode == 0, scan.out.constData());
}

QTEST_GUILESS_MAIN(TestPmkvCli)
#include "tst_pmkvcli.moc"
