// Comparing whole sides: entity states, type/TTL, alignment across layouts, roll-ups, the
// JSON report's patches, and the snapshot and backup readers.
#include "diff/backupsidereader.h"
#include "diff/diffcsvwriter.h"
#include "diff/diffhtmlwriter.h"
#include "diff/diffjsonwriter.h"
#include "diff/diffsidebuilder.h"
#include "diff/jsonparser.h"
#include "diff/kvsnapshotreader.h"
#include "diff/sidecomparer.h"
#include "generate/treegenerator.h"
#include "jobs/backupjob.h"
#include "testtree.h"

#include <QtTest>

using namespace pmkv;
using Item = DiffSideBuilder::KvItem;

namespace {

KeyLayout layout(const char* name)
{
    return KeyLayout::preset(QString::fromLatin1(name)).value();
}

Item item(const char* key, const char* value, const char* type = "string", qint64 ttl = -1)
{
    return Item{QString::fromLatin1(key), QByteArray(value), QString::fromLatin1(type), ttl};
}

const EntityDiff* find(const DiffReport& r, const QString& title)
{
    for (const EntityDiff& d : r.entities) {
        if (entityTitle(d.ref) == title)
            return &d;
    }
    return nullptr;
}

} // namespace

class TestSideDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void states_data();
    void states();
    void layoutsLineUp();
    void rollupsAndReports();
    void htmlFoldsUnchangedLines();
    void snapshotReader();
    void folderAgainstItsBackup();
    void brokenFileWithoutKeyIsUnreadable();
};

void TestSideDiff::states_data()
{
    QTest::addColumn<QVector<Item>>("left");
    QTest::addColumn<QVector<Item>>("right");
    QTest::addColumn<QString>("state");
    QTest::addColumn<bool>("typeDiffers");
    QTest::addColumn<bool>("ttlDiffers");

    const char* k = "pm:project:demo";
    QTest::newRow("same") << QVector<Item>{item(k, R"({"a":1})")}
                          << QVector<Item>{item(k, R"({"a":1})")} << "same" << false << false;
    QTest::newRow("equal json, member order")
        << QVector<Item>{item(k, R"({"a":1,"b":2})")} << QVector<Item>{item(k, R"({"b":2,"a":1})")}
        << "equal-json" << false << false;
    QTest::newRow("equal json, escapes and spacing")
        << QVector<Item>{item(k, R"({"t":"\u00e9"})")}
        << QVector<Item>{item(k, "{ \"t\" : \"\xc3\xa9\" }")} << "equal-json" << false << false;
    QTest::newRow("changed") << QVector<Item>{item(k, R"({"a":1})")}
                             << QVector<Item>{item(k, R"({"a":2})")} << "changed" << false << false;
    QTest::newRow("only left") << QVector<Item>{item(k, R"({"a":1})")} << QVector<Item>{}
                               << "only-left" << false << false;
    QTest::newRow("only right") << QVector<Item>{} << QVector<Item>{item(k, R"({"a":1})")}
                                << "only-right" << false << false;
    // Issue #21 item 10: something that cannot be read is unreadable, on one side or both.
    QTest::newRow("unreadable, only left: a hash")
        << QVector<Item>{item(k, "", "hash")} << QVector<Item>{} << "unreadable" << false << false;
    QTest::newRow("unreadable: not JSON")
        << QVector<Item>{item(k, R"({"a":1})")} << QVector<Item>{item(k, "{oops")} << "unreadable"
        << false << false;
    QTest::newRow("unreadable: a hash")
        << QVector<Item>{item(k, R"({"a":1})")} << QVector<Item>{item(k, "", "hash")}
        << "unreadable" << true << false;
    QTest::newRow("ttl added") << QVector<Item>{item(k, R"({"a":1})")}
                               << QVector<Item>{item(k, R"({"a":1})", "string", 3600)} << "same"
                               << false << true;
    QTest::newRow("ttls close enough")
        << QVector<Item>{item(k, R"({"a":1})", "string", 3600)}
        << QVector<Item>{item(k, R"({"a":1})", "string", 3595)} << "same" << false << false;
    QTest::newRow("ttls far apart")
        << QVector<Item>{item(k, R"({"a":1})", "string", 3600)}
        << QVector<Item>{item(k, R"({"a":1})", "string", 60)} << "same" << false << true;
}

void TestSideDiff::states()
{
    QFETCH(QVector<Item>, left);
    QFETCH(QVector<Item>, right);
    QFETCH(QString, state);
    QFETCH(bool, typeDiffers);
    QFETCH(bool, ttlDiffers);
    const KeyLayout repo = layout("repository");
    const DiffSide l =
        DiffSideBuilder::fromKvItems(QStringLiteral("l"), QStringLiteral("l"), left, repo);
    const DiffSide r =
        DiffSideBuilder::fromKvItems(QStringLiteral("r"), QStringLiteral("r"), right, repo);
    SideComparer::Options options;
    options.keepSame = true;
    const DiffReport report = SideComparer::compare(l, r, options);
    QCOMPARE(report.entities.size(), 1);
    const EntityDiff& d = report.entities.front();
    QCOMPARE(QString::fromLatin1(comparisonKey(d.state)), state);
    QCOMPARE(d.typeDiffers, typeDiffers);
    QCOMPARE(d.ttlDiffers, ttlDiffers);
    if (d.state == EntityDiff::State::Unreadable)
        QVERIFY(!d.rightUnreadable.isEmpty() || !d.leftUnreadable.isEmpty());
    const bool different = state != QLatin1String("same") && state != QLatin1String("equal-json");
    QCOMPARE(report.hasDifferences(), different || typeDiffers || ttlDiffers);
}

void TestSideDiff::layoutsLineUp()
{
    // The same entities under the two preset layouts compare as the same, key by key.
    const QVector<Item> repository = {
        item("pm:people", "[]"),
        item("pm:projects:list", R"(["demo"])"),
        item("pm:project:demo", R"({"name":"demo"})"),
        item("pm:project:demo:epic:alpha", R"({"id":"A"})"),
        item("pm:project:demo:epic:alpha:stories:list", R"(["F-AB-001"])"),
        item("pm:project:demo:epic:alpha:story:F-AB-001", R"({"id":"F-AB-001","n":1})"),
        item("pm:project:demo:epics:list", R"(["alpha"])"),
    };
    const QVector<Item> strategy = {
        item("pm:people:global", "[]"),
        item("pm:projects:list", R"(["demo"])"),
        item("pm:project:demo", R"({"name":"demo"})"),
        item("pm:epic:demo:alpha", R"({"id":"A"})"),
        item("pm:epic:demo:alpha:stories", R"(["F-AB-001"])"),
        item("pm:story:demo:alpha:F-AB-001", R"({"id":"F-AB-001","n":2})"),
        item("pm:unrelated:thing", "x"),
    };
    const DiffSide l = DiffSideBuilder::fromKvItems(QStringLiteral("l"), QStringLiteral("l"),
                                                    repository, layout("repository"));
    const DiffSide r = DiffSideBuilder::fromKvItems(QStringLiteral("r"), QStringLiteral("r"),
                                                    strategy, layout("strategy"));
    QCOMPARE(r.unmappedKeys, QStringList{QStringLiteral("pm:unrelated:thing")});
    const DiffReport report = SideComparer::compare(l, r, {});
    QCOMPARE(report.count(EntityDiff::State::Same), 5);
    QCOMPARE(report.count(EntityDiff::State::Changed), 1);
    QCOMPARE(report.count(EntityDiff::State::OnlyLeft), 1); // strategy keeps no epics list
    const EntityDiff* story = find(report, QStringLiteral("story demo/alpha/F-AB-001"));
    QVERIFY(story);
    QCOMPARE(story->state, EntityDiff::State::Changed);
    QCOMPARE(story->leftLocation, QStringLiteral("pm:project:demo:epic:alpha:story:F-AB-001"));
    QCOMPARE(story->rightLocation, QStringLiteral("pm:story:demo:alpha:F-AB-001"));
    QVERIFY(find(report, QStringLiteral("epics list demo")));
    QVERIFY(report.hasDifferences());
}

void TestSideDiff::rollupsAndReports()
{
    QVector<Item> left;
    QVector<Item> right;
    auto key = [](const QString& p, const QString& e, int s) {
        return QStringLiteral("pm:project:%1:epic:%2:story:S-%3").arg(p, e).arg(s);
    };
    for (const QString& p : {QStringLiteral("p1"), QStringLiteral("p2")}) {
        for (const QString& e : {QStringLiteral("e1"), QStringLiteral("e2")}) {
            for (int s = 0; s < 5; ++s) {
                const QByteArray v =
                    QStringLiteral(
                        R"({"id":"S-%1","n":9007199254740993,"tags":["a","b"],"d":"x\ny"})")
                        .arg(s)
                        .toUtf8();
                left.append(Item{key(p, e, s), v, QStringLiteral("string"), -1});
                QByteArray w = v;
                if (p == QLatin1String("p2") && e == QLatin1String("e1") && s < 2)
                    w = QStringLiteral(
                            R"({"id":"S-%1","n":9007199254740995,"tags":["b","a"],"d":"x\n<b>z&</b>"})")
                            .arg(s)
                            .toUtf8();
                if (!(p == QLatin1String("p1") && e == QLatin1String("e2") && s == 4))
                    right.append(Item{key(p, e, s), w, QStringLiteral("string"), -1});
            }
        }
    }
    const KeyLayout repo = layout("repository");
    const DiffReport report = SideComparer::compare(
        DiffSideBuilder::fromKvItems(QStringLiteral("L"), QStringLiteral("left"), left, repo),
        DiffSideBuilder::fromKvItems(QStringLiteral("R"), QStringLiteral("right"), right, repo),
        {});
    QCOMPARE(report.count(EntityDiff::State::Changed), 2);
    QCOMPARE(report.count(EntityDiff::State::OnlyLeft), 1);
    QCOMPARE(report.count(EntityDiff::State::Same), 17);
    QStringList rollups;
    for (const DiffRollup& r : report.rollups)
        rollups << QStringLiteral("%1/%2 %3/%4")
                       .arg(r.project, r.epic)
                       .arg(r.different())
                       .arg(r.total());
    QCOMPARE(rollups, (QStringList{QStringLiteral("p1/ 1/10"), QStringLiteral("p1/e1 0/5"),
                                   QStringLiteral("p1/e2 1/5"), QStringLiteral("p2/ 2/10"),
                                   QStringLiteral("p2/e1 2/5"), QStringLiteral("p2/e2 0/5")}));

    // The JSON report: each changed entity's patch turns its left value into its right value,
    // with the big number exact; the report is deterministic apart from its run time.
    const QByteArray json = DiffJsonWriter::write(report);
    auto parsed = JsonParser::parse(json);
    QVERIFY(parsed.ok());
    int patched = 0;
    const JsonValue* entities = parsed.value().find("entities");
    QVERIFY(entities && entities->isArray());
    QCOMPARE(int(entities->items().size()), 3);
    for (const JsonValue& e : entities->items()) {
        if (e.find("state")->text() != "changed")
            continue;
        const QString story = QString::fromStdString(e.find("story")->text());
        const EntityDiff* d = find(report, QStringLiteral("story p2/e1/") + story);
        QVERIFY(d);
        auto ops = JsonPatch::fromJson(*e.find("patch"));
        QVERIFY(ops.ok());
        auto applied = JsonPatch::apply(JsonParser::parse(d->leftValue).value(), ops.value());
        QVERIFY(applied.ok());
        QCOMPARE(applied.value(), JsonParser::parse(d->rightValue).value());
        QVERIFY(applied.value().compact().find("9007199254740995") != std::string::npos);
        ++patched;
    }
    QCOMPARE(patched, 2);
    QVERIFY(json.contains("\"lines\""));

    const QByteArray csv = DiffCsvWriter::write(report);
    QVERIFY(csv.startsWith("entity,state,"));
    QVERIFY(csv.contains("story p2/e1/S-0,changed,"));
    QVERIFY(csv.contains("story p1/e2/S-4,only-left,"));
    const QByteArray html = DiffHtmlWriter::write(report);
    QVERIFY(html.contains("<nav>"));
    QVERIFY(html.contains("href=\"#e0\""));
    QVERIFY(html.contains("class=\"del\""));
    // Verdict with the counts at the top; the navigation groups entities under their epic,
    // the epic's name linking to its first listed entity (e0 is p1/e2/S-4, e1 is p2/e1/S-0).
    QVERIFY(html.contains("The sides differ:</b> 17&nbsp;<span class=\"badge same\">"));
    QVERIFY(html.contains("<a href=\"#e0\">e2</a>"));
    QVERIFY(html.contains("<a href=\"#e1\">e1</a>"));
    QVERIFY(html.contains("title=\"story p2/e1/S-1\">S-1</a>"));
    // Only the digit that changed is marked, in the field table and side by side.
    QVERIFY(html.contains("900719925474099<mark>3</mark>"));
    QVERIFY(html.contains("900719925474099<mark>5</mark>"));
    // Values are escaped, and the page is self-contained with a dark variant.
    // An entity on one side only is shown once, across the page, not beside an empty column.
    QVERIFY(html.contains("<p>Value (only on the left):</p>"));
    QVERIFY(!html.contains("only on the right"));
    // A changed multi-line text is shown as its own line diff, the lines facing each other.
    QVERIFY(html.contains("<td colspan=\"2\" class=\"text\"><table class=\"sbs\">"));
    QVERIFY(
        html.contains("<td class=\"n\">2</td><td class=\"del\"><pre>y</pre></td>"
                      "<td class=\"n\">2</td><td class=\"ins\"><pre>&lt;b&gt;z&amp;&lt;/b&gt;"));
    QVERIFY(html.contains("&lt;b&gt;z&amp;&lt;/b&gt;"));
    QVERIFY(!html.contains("<b>z&"));
    QVERIFY(html.contains("prefers-color-scheme:dark"));
    for (const char* external : {"<script", "src=", "url(", "<link", "@import"})
        QVERIFY2(!html.contains(external), external);
    QCOMPARE(DiffHtmlWriter::write(report).size(), html.size());
    // Past maxDetailed entities the values are left out, and the page says so.
    const QByteArray brief = DiffHtmlWriter::write(report, 1);
    QCOMPARE(brief.count("Values left out"), 2);
    QCOMPARE(brief.count("<table class=\"sbs\">"), html.count("<table class=\"sbs\">") - 2);
}

void TestSideDiff::htmlFoldsUnchangedLines()
{
    // One member changed in the middle of a 60-member document (and its TTL, and a key the
    // layout does not know on the right): the side-by-side view shows
    // it with 3 lines of context, numbered as in the pretty JSON, and folds the rest.
    QByteArray l = "{";
    QByteArray r = "{";
    for (int i = 0; i < 60; ++i) {
        const QByteArray sep = i ? "," : "";
        l += sep + "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i);
        r += sep + "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i == 30 ? 31 : i);
    }
    l += "}";
    r += "}";
    const KeyLayout repo = layout("repository");
    const QString k = QStringLiteral("pm:project:p:epic:e:story:S-1");
    const DiffReport report = SideComparer::compare(
        DiffSideBuilder::fromKvItems(QStringLiteral("L"), QStringLiteral("left"),
                                     {Item{k, l, QStringLiteral("string"), -1}}, repo),
        DiffSideBuilder::fromKvItems(
            QStringLiteral("R"), QStringLiteral("right"),
            {Item{k, r, QStringLiteral("string"), 3600},
             Item{QStringLiteral("pm:junk"), "<x>", QStringLiteral("string"), -1}},
            repo),
        {});
    QCOMPARE(report.count(EntityDiff::State::Changed), 1);
    const QByteArray html = DiffHtmlWriter::write(report);
    // Pretty JSON: line 1 is "{", member k30 is line 32; context is lines 29..35, then 27 folded
    // lines up to "}" on line 62.
    QVERIFY(html.contains("&#8942; 28 unchanged lines"));
    QVERIFY(html.contains("&#8942; 27 unchanged lines"));
    QVERIFY(html.contains(
        "<td class=\"n\">32</td><td class=\"del\"><pre>  &quot;k30&quot;: 3<mark>0</mark>,"));
    QVERIFY(html.contains("<td class=\"n\">29</td>"));
    QVERIFY(!html.contains("<td class=\"n\">28</td>"));
    QVERIFY(!html.contains("&quot;k10&quot;"));
    // TTLs in words, and the verdict names the TTL difference and links the unmapped key.
    QVERIFY(html.contains("type string, no expiry"));
    QVERIFY(html.contains("type string, expires in 3600 s"));
    QVERIFY(html.contains("1 with a different type/TTL"));
    QVERIFY(html.contains("<a href=\"#unmapped\">1 unmapped key</a>"));
    QVERIFY(html.contains("<h3 id=\"unmapped\">Keys of right"));
}

void TestSideDiff::snapshotReader()
{
    // The format `pmkv snapshot` writes (SnapshotJob): NDJSON, TTL in milliseconds, a
    // manifest with the file's SHA-256 beside it.
    test::TestTree dir;
    const QByteArray binary("\xff\xfe not utf-8", 14);
    const QByteArray ndjson =
        "{\"key\":\"pm:project:demo\",\"type\":\"string\",\"ttl\":-1,\"value\":\"{\\\"n\\\":"
        "123456789012345678901}\"}\n"
        "{\"key\":\"pm:project:demo:epic:a\",\"type\":\"string\",\"ttl\":5000,\"valueBase64\":\"" +
        binary.toBase64() +
        "\"}\n"
        "{\"key\":\"pm:project:demo:epic:a:story:S-1\",\"type\":\"hash\",\"ttl\":-1,\"value\":null}"
        "\n";
    const QString path = dir.path(QStringLiteral("snap.ndjson"));
    dir.write(QStringLiteral("snap.ndjson"), ndjson);
    dir.write(QStringLiteral("snap.ndjson.manifest.json"),
              "{\"sha256\":\"" +
                  QCryptographicHash::hash(ndjson, QCryptographicHash::Sha256).toHex() + "\"}");
    QVERIFY(KvSnapshotReader::looksLikeSnapshot(path));
    auto side = KvSnapshotReader::read(path, layout("repository"));
    QVERIFY2(side.ok(), qPrintable(side.ok() ? QString() : side.error().message));
    QCOMPARE(side.value().entries.size(), 3);
    QCOMPARE(side.value().kind, QStringLiteral("snapshot"));
    QCOMPARE(side.value().entries[0].value, QByteArray(R"({"n":123456789012345678901})"));
    QCOMPARE(side.value().entries[1].value, binary);
    QCOMPARE(side.value().entries[1].ttl, std::optional<qint64>(5));
    QVERIFY(!side.value().entries[2].isReadable());

    // An edited snapshot no longer matches its manifest: an error, not a side.
    dir.write(QStringLiteral("snap.ndjson"), ndjson + "{\"key\":\"pm:people\",\"value\":\"[]\"}\n");
    QVERIFY(!KvSnapshotReader::read(path, layout("repository")).ok());
}

// Issue #21 item 10: a broken file whose key does not exist was "only-left" (docs: exit 2,
// unreadable), and a sync would have gone on to create its key.
void TestSideDiff::brokenFileWithoutKeyIsUnreadable()
{
    test::TestTree tree;
    tree.write(QStringLiteral("pm/p/project.json"), R"({"name": "p"})");
    tree.write(QStringLiteral("pm/p/e/epic.json"), R"({"id": "e", "title": "e"})");
    tree.write(QStringLiteral("pm/p/e/F-AA-001.json"), "{ broken");
    const KeyLayout repo = layout("repository");
    auto folder = DiffSideBuilder::fromFolder(tree.path(QStringLiteral("pm")), repo);
    QVERIFY(folder.ok());
    const DiffSide kv =
        DiffSideBuilder::fromKvItems(QStringLiteral("kv"), QStringLiteral("kv"), {}, repo);
    const DiffReport report = SideComparer::compare(folder.value(), kv, SideComparer::Options());
    const EntityDiff* d = find(report, QStringLiteral("story p/e/F-AA-001"));
    QVERIFY(d);
    QCOMPARE(QString::fromLatin1(comparisonKey(d->state)), QStringLiteral("unreadable"));
    QVERIFY(!d->leftUnreadable.isEmpty());
}

void TestSideDiff::folderAgainstItsBackup()
{
    test::TestTree dir;
    TreeGenerator::Options gen;
    gen.epicsPerProject = 3;
    gen.storiesPerEpic = 4;
    gen.faults = true;
    QVERIFY(TreeGenerator::generate(dir.path(QStringLiteral("pm")), gen).ok());
    BackupJob::Params params;
    params.root = dir.path(QStringLiteral("pm"));
    params.destination = dir.path(QStringLiteral("b.tar.gz"));
    params.layout = QStringLiteral("repository");
    auto backup = BackupJob::run(params);
    QVERIFY2(backup.ok(), qPrintable(backup.ok() ? QString() : backup.error().message));

    const KeyLayout repo = layout("repository");
    auto folder = DiffSideBuilder::fromFolder(dir.path(QStringLiteral("pm")), repo);
    QVERIFY(folder.ok());
    auto archived = BackupSideReader::read(backup.value().archivePath, repo);
    QVERIFY2(archived.ok(), qPrintable(archived.ok() ? QString() : archived.error().message));
    QCOMPARE(archived.value().kind, QStringLiteral("backup"));
    int unreadable = 0;
    for (const SideEntry& e : folder.value().entries)
        unreadable += e.isReadable() ? 0 : 1;
    QVERIFY(unreadable > 0); // the fault files are entities that cannot be read

    const DiffReport same = SideComparer::compare(folder.value(), archived.value(), {});
    QCOMPARE(same.count(EntityDiff::State::Same) + same.count(EntityDiff::State::Unreadable),
             same.total());
    QCOMPARE(same.count(EntityDiff::State::Unreadable), unreadable);

    // One story edited after the backup: exactly that one differs, field by field.
    const QString story =
        dir.path(QStringLiteral("pm/%1").arg(folder.value().entries.last().location));
    QFile f(story);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    const int at = text.indexOf("\"title\": \"");
    QVERIFY(at > 0);
    text.insert(at + 10, "Edited ");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    auto edited = DiffSideBuilder::fromFolder(dir.path(QStringLiteral("pm")), repo);
    const DiffReport one = SideComparer::compare(archived.value(), edited.value(), {});
    QCOMPARE(one.count(EntityDiff::State::Changed), 1);
    const EntityDiff* d = nullptr;
    for (const EntityDiff& e : one.entities) {
        if (e.state == EntityDiff::State::Changed)
            d = &e;
    }
    QVERIFY(d);
    QCOMPARE(d->changes.size(), size_t(1));
    QCOMPARE(d->changes.front().path, std::string("/title"));
}

QTEST_GUILESS_MAIN(TestSideDiff)
#include "tst_sidediff.moc"
