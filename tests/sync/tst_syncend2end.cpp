// End to end, the way a user works: generated tree -> load into a real Redis with
// `pmkv sync` -> change N random fields in KV and M in files -> `pmkv diff` finds exactly
// those -> `pmkv sync` makes the sides equal -> `pmkv sync --undo` restores the change.
#include "connections/profilestore.h"
#include "diff/jsonparser.h"
#include "files/jsprettyprint.h"
#include "generate/splitmix64.h"
#include "generate/treegenerator.h"
#include "pmkvrun.h"
#include "redisserver.h"
#include "testtree.h"

#include <QtTest>

#include <set>

using namespace pmkv;

namespace {

using Run = test::PmkvRun;

Run pmkvRun(const QStringList& arguments, const QString& configHome = QString())
{
    QHash<QString, QString> env;
    if (!configHome.isEmpty())
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    return test::runPmkv(arguments, env);
}

// "story p/e/S /path" for every field change of every changed entity in a JSON report.
std::set<QString> changesIn(const QByteArray& json, int* otherStates = nullptr)
{
    std::set<QString> out;
    auto parsed = JsonParser::parse(json);
    if (!parsed)
        return out;
    int others = 0;
    for (const JsonValue& e : parsed.value().find("entities")->items()) {
        if (e.find("state")->text() != "changed") {
            ++others;
            continue;
        }
        for (const JsonValue& c : e.find("changes")->items())
            out.insert(
                QString::fromStdString(e.find("entity")->text() + " " + c.find("path")->text()));
    }
    if (otherStates)
        *otherStates = others;
    return out;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class TestSyncEnd2End final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void diffFindsExactlyTheChanges();
    void dryRunWritesNothing();
    void syncMakesSidesEqualAndUndoRestores();
    void kvToFilesWritesAppJson();
    void kvToKvAcrossLayouts();
    void reportsBackupsAndUnreadable();
    void prodNeedsConfirmation();
    void keysNeverWriteOutsideTheFolder();

private:
    void changeBothSides();
    QStringList common() const
    {
        return {QStringLiteral("--state-dir"), m_dir.path(QStringLiteral("state"))};
    }
    QString pm() const { return m_dir.path(QStringLiteral("pm")); }

    test::TestTree m_dir;
    test::RedisServer m_redis;
    QStringList m_stories; // relative paths of story files
    std::set<QString> m_expected;
};

void TestSyncEnd2End::initTestCase()
{
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    TreeGenerator::Options gen;
    gen.projects = 2;
    gen.epicsPerProject = 3;
    gen.storiesPerEpic = 6;
    gen.seed = 11;
    QVERIFY(TreeGenerator::generate(pm(), gen).ok());
    QDirIterator it(pm(), {QStringLiteral("*-*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        m_stories << QDir(pm()).relativeFilePath(it.next());
    m_stories.sort();
    QCOMPARE(m_stories.size(), 36);

    const Run load = pmkvRun(QStringList{QStringLiteral("sync"), pm(), m_redis.url()} + common());
    QVERIFY2(load.exitCode == 0, load.err.constData());
    const Run same = pmkvRun({QStringLiteral("diff"), pm(), m_redis.url()});
    QVERIFY2(same.exitCode == 0, same.out.constData());
    QVERIFY2(same.out.contains("equal JSON 0, changed 0, only left 0, only right 0, unreadable 0"),
             same.out.constData());
    // Every test starts from (and leaves) these differences, so that each also runs alone.
    changeBothSides();
}

// Changes one field of 5 stories in the key space and of 4 others in the files (m_expected).
void TestSyncEnd2End::changeBothSides()
{
    SplitMix64 rnd(2026);
    const char* fields[] = {"title", "status", "priority", "summary", "manager"};
    QStringList pool = m_stories;
    const int n = 5; // changed in KV
    const int m = 4; // changed in files
    for (int i = 0; i < n + m; ++i) {
        const QString rel = pool.takeAt(int(rnd.below(quint64(pool.size()))));
        const QStringList parts =
            QString(rel).remove(QStringLiteral(".json")).split(QLatin1Char('/'));
        const QString title = QStringLiteral("story ") + parts.join(QLatin1Char('/'));
        const char* field = fields[rnd.below(5)];
        const std::string value = "changed " + std::to_string(rnd.below(1000000));
        if (i < n) {
            const QString key =
                QStringLiteral("pm:project:%1:epic:%2:story:%3").arg(parts[0], parts[1], parts[2]);
            auto doc = JsonParser::parse(m_redis.cli({QStringLiteral("GET"), key}));
            QVERIFY(doc.ok());
            doc.value().insert(field, JsonValue::string(value));
            QCOMPARE(m_redis.cli({QStringLiteral("SET"), key,
                                  QString::fromStdString(doc.value().compact())}),
                     QByteArray("OK"));
        } else {
            const QString path = QDir(pm()).filePath(rel);
            auto doc = JsonParser::parse(readFile(path));
            QVERIFY(doc.ok());
            doc.value().insert(field, JsonValue::string(value));
            writeFile(path, QByteArray::fromStdString(doc.value().pretty(2)));
        }
        m_expected.insert(title + QStringLiteral(" /") + QLatin1String(field));
    }
    QCOMPARE(int(m_expected.size()), n + m);
}

void TestSyncEnd2End::diffFindsExactlyTheChanges()
{
    const Run diff =
        pmkvRun({QStringLiteral("diff"), pm(), m_redis.url(), QStringLiteral("--json")});
    QCOMPARE(diff.exitCode, 1);
    int others = -1;
    QCOMPARE(changesIn(diff.out, &others), m_expected);
    QCOMPARE(others, 0);

    // The terminal summary and the ignore rules agree.
    const Run text = pmkvRun({QStringLiteral("diff"), pm(), m_redis.url()});
    QVERIFY2(text.out.contains("changed 9, only left 0, only right 0"), text.out.constData());
    const Run ignoring =
        pmkvRun({QStringLiteral("diff"), pm(), m_redis.url(), QStringLiteral("--ignore"),
                 QStringLiteral("/title,/status,/priority,/summary,/manager")});
    QCOMPARE(ignoring.exitCode, 0);
    QVERIFY2(ignoring.out.contains("equal JSON 9"), ignoring.out.constData());
}

void TestSyncEnd2End::dryRunWritesNothing()
{
    const Run dry =
        pmkvRun(QStringList{QStringLiteral("sync"), pm(), m_redis.url(),
                            QStringLiteral("--overwrite"), QStringLiteral("--dry-run")} +
                common());
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.out.contains("dry run: 9 writes"), dry.out.constData());
    const Run diff =
        pmkvRun({QStringLiteral("diff"), pm(), m_redis.url(), QStringLiteral("--json")});
    QCOMPARE(changesIn(diff.out), m_expected);
}

void TestSyncEnd2End::syncMakesSidesEqualAndUndoRestores()
{
    // Without --overwrite nothing that differs is touched.
    const Run missing =
        pmkvRun(QStringList{QStringLiteral("sync"), pm(), m_redis.url()} + common());
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.out.contains(": 0 written"), missing.out.constData());

    const Run sync = pmkvRun(
        QStringList{QStringLiteral("sync"), pm(), m_redis.url(), QStringLiteral("--overwrite")} +
        common());
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    QVERIFY2(sync.out.contains(": 9 written"), sync.out.constData());
    QCOMPARE(pmkvRun({QStringLiteral("diff"), pm(), m_redis.url()}).exitCode, 0);

    const Run undo = pmkvRun(QStringList{QStringLiteral("sync"), QStringLiteral("--undo"),
                                         QStringLiteral("last"), m_redis.url()} +
                             common());
    QVERIFY2(undo.exitCode == 0, undo.err.constData());
    QVERIFY2(undo.out.contains("9 restored"), undo.out.constData());
    const Run diff =
        pmkvRun({QStringLiteral("diff"), pm(), m_redis.url(), QStringLiteral("--json")});
    QCOMPARE(diff.exitCode, 1);
    QCOMPARE(changesIn(diff.out), m_expected);
}

void TestSyncEnd2End::kvToFilesWritesAppJson()
{
    // Pick one entity that differs; copy its KV value over the file, per entity.
    const QString change = *m_expected.begin();                    // "story p/e/S /field"
    const QString entity = change.section(QLatin1Char(' '), 1, 1); // p/e/S
    const QString path = QDir(pm()).filePath(entity + QStringLiteral(".json"));
    const QByteArray before = readFile(path);
    const Run sync =
        pmkvRun(QStringList{QStringLiteral("sync"), m_redis.url(), pm(),
                            QStringLiteral("--overwrite"), QStringLiteral("--entity"), entity} +
                common());
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    QVERIFY2(sync.out.contains(": 1 written"), sync.out.constData());
    const QStringList parts = entity.split(QLatin1Char('/'));
    const QByteArray kv = m_redis.cli(
        {QStringLiteral("GET"),
         QStringLiteral("pm:project:%1:epic:%2:story:%3").arg(parts[0], parts[1], parts[2])});
    // Written the way the application writes: JSON.stringify(value, null, 2).
    QCOMPARE(readFile(path), JsPrettyPrint::indent(kv, 2));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".tmp")));
    const Run diff =
        pmkvRun({QStringLiteral("diff"), pm(), m_redis.url(), QStringLiteral("--json")});
    QCOMPARE(int(changesIn(diff.out).size()), int(m_expected.size()) - 1);

    const Run undo = pmkvRun(QStringList{QStringLiteral("sync"), QStringLiteral("--undo"),
                                         QStringLiteral("last"), pm()} +
                             common());
    QVERIFY2(undo.exitCode == 0, undo.err.constData());
    QCOMPARE(readFile(path), before); // byte for byte
}

void TestSyncEnd2End::kvToKvAcrossLayouts()
{
    // Copy the key space into db 1 under the strategy layout, then compare across layouts.
    const QString db1 = m_redis.url() + QStringLiteral("/1");
    const Run copy =
        pmkvRun(QStringList{QStringLiteral("sync"), m_redis.url(), db1,
                            QStringLiteral("--right-layout"), QStringLiteral("strategy")} +
                common());
    QVERIFY2(copy.exitCode == 1, copy.err.constData()); // epics lists have no strategy key
    QVERIFY(copy.err.contains("epics list"));
    QCOMPARE(m_redis.cli({QStringLiteral("-n"), QStringLiteral("1"), QStringLiteral("EXISTS"),
                          QStringLiteral("pm:people:global")}),
             QByteArray("1"));
    const Run diff = pmkvRun({QStringLiteral("diff"), m_redis.url(), db1, QStringLiteral("--json"),
                              QStringLiteral("--right-layout"), QStringLiteral("strategy")});
    auto parsed = JsonParser::parse(diff.out);
    QVERIFY(parsed.ok());
    const JsonValue* counts = parsed.value().find("counts");
    QCOMPARE(counts->find("changed")->text(), std::string("0"));
    QCOMPARE(counts->find("only-left")->text(), std::string("2")); // one epics list per project
    const std::string entities = parsed.value().find("left")->find("entities")->text();
    QCOMPARE(counts->find("same")->text(), std::to_string(std::stoi(entities) - 2));

    // A TTL set on one side is reported, and the value stays "same".
    m_redis.cli({QStringLiteral("-n"), QStringLiteral("1"), QStringLiteral("EXPIRE"),
                 QStringLiteral("pm:people:global"), QStringLiteral("3600")});
    const Run ttl = pmkvRun({QStringLiteral("diff"), m_redis.url(), db1,
                             QStringLiteral("--right-layout"), QStringLiteral("strategy")});
    QVERIFY2(ttl.out.contains("TTL -1 vs 3600"), ttl.out.constData());
    QVERIFY2(ttl.out.contains("type/TTL 1"), ttl.out.constData());
}

void TestSyncEnd2End::reportsBackupsAndUnreadable()
{
    // A backup of the folder against the key space: the same differences as the folder.
    const QString archive = m_dir.path(QStringLiteral("pm.tar.gz"));
    const Run backup = pmkvRun(
        QStringList{QStringLiteral("backup"), pm(), QStringLiteral("-o"), archive} + common());
    QVERIFY2(backup.exitCode == 0, backup.err.constData());
    const QString html = m_dir.path(QStringLiteral("diff.html"));
    const QString csv = m_dir.path(QStringLiteral("diff.csv"));
    const Run diff =
        pmkvRun({QStringLiteral("diff"), archive, m_redis.url(), QStringLiteral("--json"),
                 QStringLiteral("--html"), html, QStringLiteral("--csv"), csv});
    QCOMPARE(diff.exitCode, 1);
    QCOMPARE(changesIn(diff.out), m_expected);
    QVERIFY(diff.out.contains("\"kind\": \"backup\""));
    const QByteArray page = readFile(html);
    QVERIFY(page.startsWith("<!DOCTYPE html>"));
    QVERIFY(page.contains("<nav>"));
    for (const QString& change : m_expected)
        QVERIFY(page.contains(change.section(QLatin1Char(' '), 0, 1).toHtmlEscaped().toUtf8()));
    QCOMPARE(int(readFile(csv).count("\r\n")), int(m_expected.size()) + 1);

    // Deterministic: two runs give the same report apart from the run's time.
    const Run again =
        pmkvRun({QStringLiteral("diff"), archive, m_redis.url(), QStringLiteral("--json")});
    auto strip = [](QByteArray json) {
        QList<QByteArray> lines = json.split('\n');
        lines.removeIf([](const QByteArray& l) {
            return l.contains("\"startedAt\"") || l.contains("\"comparisonMs\"");
        });
        return lines;
    };
    QCOMPARE(strip(again.out), strip(diff.out));

    // A snapshot taken by `pmkv snapshot` is a side too, and equals the key space it copies
    // (TTLs included: one key is given one first).
    m_redis.cli({QStringLiteral("EXPIRE"), QStringLiteral("pm:people"), QStringLiteral("7200")});
    const QString snapshot = m_dir.path(QStringLiteral("kv.ndjson"));
    const Run snap = pmkvRun(QStringList{QStringLiteral("snapshot"), QStringLiteral("--redis"),
                                         m_redis.url(), QStringLiteral("-o"), snapshot} +
                             common());
    QVERIFY2(snap.exitCode == 0, snap.err.constData());
    const Run fromSnapshot = pmkvRun({QStringLiteral("diff"), snapshot, m_redis.url()});
    QVERIFY2(fromSnapshot.exitCode == 0, fromSnapshot.out.constData());
    QVERIFY(fromSnapshot.out.contains("left:  snapshot "));
    const Run snapVsFiles =
        pmkvRun({QStringLiteral("diff"), pm(), snapshot, QStringLiteral("--json")});
    QCOMPARE(changesIn(snapVsFiles.out), m_expected);
    m_redis.cli({QStringLiteral("PERSIST"), QStringLiteral("pm:people")});

    // A value that is not JSON is unreadable, with the reason; the exit code says error.
    const QString story = m_stories.last();
    const QStringList parts =
        QString(story).remove(QStringLiteral(".json")).split(QLatin1Char('/'));
    const QString key =
        QStringLiteral("pm:project:%1:epic:%2:story:%3").arg(parts[0], parts[1], parts[2]);
    const QByteArray saved = m_redis.cli({QStringLiteral("GET"), key});
    m_redis.cli({QStringLiteral("SET"), key, QStringLiteral("{not json")});
    const Run broken = pmkvRun({QStringLiteral("diff"), pm(), m_redis.url()});
    QCOMPARE(broken.exitCode, 2);
    const QByteArray line = "unreadable  story " + parts.join(QLatin1Char('/')).toUtf8() +
                            "  right: not valid JSON at byte 1";
    QVERIFY2(broken.out.contains(line), broken.out.constData());
    m_redis.cli({QStringLiteral("SET"), key, QString::fromUtf8(saved)});
}

void TestSyncEnd2End::prodNeedsConfirmation()
{
    // A saved connection labelled PROD, in a settings folder of the test's own.
    const QString config = m_dir.path(QStringLiteral("config"));
    ProfileStore profiles(config + QStringLiteral("/pmkv-studio/connections.ini"));
    ConnectionProfile prod;
    prod.name = QStringLiteral("live");
    prod.address = m_redis.url();
    prod.kind = ConnectionProfile::Kind::Redis;
    prod.environment = ConnectionProfile::Environment::Prod;
    QVERIFY(profiles.save(prod, true).ok());

    const QStringList base = QStringList{QStringLiteral("sync"), pm(), QStringLiteral("conn:live"),
                                         QStringLiteral("--overwrite")} +
                             common();
    const Run refused = pmkvRun(base, config);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("--confirm-prod=live"), refused.err.constData());
    QVERIFY2(!refused.out.contains("written"), refused.out.constData());
    QCOMPARE(
        pmkvRun({QStringLiteral("diff"), pm(), m_redis.url(), QStringLiteral("--json")}).exitCode,
        1); // nothing was written

    const Run preview = pmkvRun(base + QStringList{QStringLiteral("--dry-run")}, config);
    QCOMPARE(preview.exitCode, 0); // a dry run writes nothing, so it needs no confirmation
    const Run wrong = pmkvRun(base + QStringList{QStringLiteral("--confirm-prod=other")}, config);
    QCOMPARE(wrong.exitCode, 2);
    const Run confirmed =
        pmkvRun(base + QStringList{QStringLiteral("--confirm-prod=live")}, config);
    QVERIFY2(confirmed.exitCode == 0, confirmed.err.constData());
    QCOMPARE(pmkvRun({QStringLiteral("diff"), pm(), m_redis.url()}).exitCode, 0);
    // And back, so the sides differ as before for any later check.
    const Run undo = pmkvRun(QStringList{QStringLiteral("sync"), QStringLiteral("--undo"),
                                         QStringLiteral("last"), QStringLiteral("conn:live"),
                                         QStringLiteral("--confirm-prod=live")} +
                                 common(),
                             config);
    QVERIFY2(undo.exitCode == 0, undo.err.constData());
}

// Issue #21 item 1: a key whose names walk out of the folder ("..", "/") maps to no entity,
// so `pmkv sync` from the key space into a folder never builds a path from it.
void TestSyncEnd2End::keysNeverWriteOutsideTheFolder()
{
    const QString db = m_redis.url() + QStringLiteral("/3");
    const QString folder = m_dir.path(QStringLiteral("deep/a/b/c/pm"));
    QVERIFY(QDir().mkpath(folder));
    const QString doc = QStringLiteral("{\"id\":\"pwned\",\"title\":\"x\"}");
    for (const QString& key :
         {QStringLiteral("pm:project:atlas:epic:../../../..:story:pwned-e"),
          QStringLiteral("pm:project:../../../pwned-p"),
          QStringLiteral("pm:project:..:epic:..:story:pwned-s"), QStringLiteral("pm:project:atlas"),
          QStringLiteral("pm:project:atlas:epic:e1")})
        QCOMPARE(m_redis.cli(
                     {QStringLiteral("-n"), QStringLiteral("3"), QStringLiteral("SET"), key, doc}),
                 QByteArray("OK"));
    const Run sync = pmkvRun(
        QStringList{QStringLiteral("sync"), db, folder, QStringLiteral("--overwrite")} + common());
    QVERIFY2(sync.exitCode == 0 || sync.exitCode == 1, sync.err.constData());
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QVERIFY2(!path.contains(QStringLiteral("pwned")), qPrintable(path));
    }
    // The safe keys were written where they belong.
    QVERIFY(QFileInfo::exists(folder + QStringLiteral("/atlas/project.json")));
    QVERIFY(QFileInfo::exists(folder + QStringLiteral("/atlas/e1/epic.json")));
}

QTEST_GUILESS_MAIN(TestSyncEnd2End)

#include "tst_syncend2end.moc"
