#include "files/pmreader.h"
#include "files/sha256.h"
#include "generate/treegenerator.h"
#include "layout/keymapper.h"
#include "testtree.h"

#include <QTest>

using namespace pmkv;

namespace {

const KeyEntry* find(const KeyMap& map, const QString& key)
{
    for (const KeyEntry& e : map.entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

bool hasProblem(const KeyMap& map, const QString& path, const QString& code)
{
    for (const Problem& p : map.problems) {
        if (p.path == path && p.code == code)
            return true;
    }
    return false;
}

KeyMap mapQuirks(const QString& layout)
{
    const auto index = PmReader::read(test::quirksTreePath());
    return KeyMapper::map(index.value(), KeyLayout::preset(layout).value());
}

} // namespace

class TestKeyMapper final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listValues_data();
    void listValues();
    void valueIsJsonStringify();
    void brokenAndUnsafeEntitiesAreNotMapped_data();
    void brokenAndUnsafeEntitiesAreNotMapped();
    void collisionsAreRefused();
    void childrenOfRejectedFoldersAreNotMapped();
    void listRepeatsNoName();
    void keysAreSortedAndUnique();
    void valuesFromTheReaderMapTheSame_data();
    void valuesFromTheReaderMapTheSame();
};

void TestKeyMapper::listValues_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("projects") << QStringLiteral("repository") << QStringLiteral("pm:projects:list")
                              << QByteArray(R"(["clinic"])");
    // epicIds order for those present, ghost-epic dropped, unlisted orphan-epic appended,
    // "bad name" left out (no key of its own).
    QTest::newRow("epics") << QStringLiteral("repository")
                           << QStringLiteral("pm:project:clinic:epics:list")
                           << QByteArray(R"(["clinical-decision-support","orphan-epic"])");
    // storyIds order (F-AI-404 has no file), then unlisted mapped stories sorted; broken
    // files and F-AI:003 are left out; soft-deleted F-AI-001 stays.
    QTest::newRow("stories")
        << QStringLiteral("repository")
        << QStringLiteral("pm:project:clinic:epic:clinical-decision-support:stories:list")
        << QByteArray(R"(["F-AI-001","F-AI-002","NFR-SEC-014","F-AI-099","STORY-123","weird-id"])");
    QTest::newRow("strategy stories")
        << QStringLiteral("strategy")
        << QStringLiteral("pm:epic:clinic:clinical-decision-support:stories")
        << QByteArray(R"(["F-AI-001","F-AI-002","NFR-SEC-014","F-AI-099","STORY-123","weird-id"])");
}

void TestKeyMapper::listValues()
{
    QFETCH(QString, layout);
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    const KeyMap map = mapQuirks(layout);
    const KeyEntry* entry = find(map, key);
    QVERIFY2(entry, qPrintable(key));
    QCOMPARE(entry->value, value);
}

void TestKeyMapper::valueIsJsonStringify()
{
    const KeyMap map = mapQuirks(QStringLiteral("repository"));
    const KeyEntry* entry = find(
        map, QStringLiteral("pm:project:clinic:epic:clinical-decision-support:story:F-AI-099"));
    QVERIFY(entry);
    // What node's JSON.stringify(JSON.parse(file)) prints, except the big integer we keep.
    QCOMPARE(entry->value, QByteArray("{\"1\":\"one\",\"2\":\"two\",\"id\":\"F-AI-099\",\"title\":"
                                      "\"caf\xc3\xa9 \xf0\x9f\x98\x80 "
                                      "\xe2\x80\xa8\",\"b\":2,\"big\":12345678901234567890,"
                                      "\"small\":1e-7,\"exp\":1e+21,\"neg0\":0,"
                                      "\"esc\":\"/\\t\\u0001\",\"lone\":\"\\ud800\"}"));
    // The big integer's warning is the scan's (issue #21 item 10: scan showed none), once.
    QVERIFY(!hasProblem(map, entry->sourcePath, QStringLiteral("value.number")));
    const auto index = PmReader::read(test::quirksTreePath());
    int warnings = 0;
    for (const Problem& p : index.value().problems)
        warnings += p.path == entry->sourcePath && p.code == QLatin1String("value.number");
    QCOMPARE(warnings, 1);
    const KeyEntry* people = find(map, QStringLiteral("pm:people"));
    QVERIFY(people && people->value.startsWith("[{\"id\":\"person-1765257859386-420\""));
}

void TestKeyMapper::brokenAndUnsafeEntitiesAreNotMapped_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("code");
    const QString cds = QStringLiteral("clinic/clinical-decision-support/");
    QTest::newRow("broken JSON") << cds + QStringLiteral("broken.json")
                                 << QStringLiteral("map.skipped");
    QTest::newRow("empty") << cds + QStringLiteral("empty.json") << QStringLiteral("map.skipped");
    QTest::newRow("required field of wrong type")
        << cds + QStringLiteral("wrongtype.json") << QStringLiteral("map.skipped");
    QTest::newRow("colon in id") << cds + QStringLiteral("F-AI:003.json")
                                 << QStringLiteral("name.unsafe");
    QTest::newRow("space in epic folder")
        << QStringLiteral("clinic/bad name/epic.json") << QStringLiteral("name.unsafe");
    // Issue #21 item 9: the scan says this folder is no epic; its stories are not mapped.
    QTest::newRow("story of no epic")
        << QStringLiteral("clinic/no-epic-json/F-NO-001.json") << QStringLiteral("map.orphan");
}

void TestKeyMapper::brokenAndUnsafeEntitiesAreNotMapped()
{
    QFETCH(QString, path);
    QFETCH(QString, code);
    const KeyMap map = mapQuirks(QStringLiteral("repository"));
    QVERIFY(hasProblem(map, path, code));
    for (const KeyEntry& e : map.entries)
        QVERIFY2(e.sourcePath != path, qPrintable(e.key));
}

// Issue #21 item 9: a folder without project.json is not a project, an epic folder without a
// readable epic.json is not an epic: what is below them gets no key (it would have no parent
// key and no list entry).
void TestKeyMapper::childrenOfRejectedFoldersAreNotMapped()
{
    test::TestTree tree;
    tree.write(QStringLiteral("pm/noproject/e1/epic.json"), R"({"id": "E1", "title": "e"})");
    tree.write(QStringLiteral("pm/noproject/e1/F-AA-001.json"),
               R"({"id": "F-AA-001", "title": "a"})");
    tree.write(QStringLiteral("pm/p/project.json"), R"({"name": "p"})");
    tree.write(QStringLiteral("pm/p/broken/epic.json"), "{ not json");
    tree.write(QStringLiteral("pm/p/broken/F-AA-002.json"), R"({"id": "F-AA-002", "title": "b"})");
    tree.write(QStringLiteral("pm/p/fine/epic.json"), R"({"id": "fine", "title": "f"})");
    tree.write(QStringLiteral("pm/p/fine/F-AA-003.json"), R"({"id": "F-AA-003", "title": "c"})");
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    const KeyMap map =
        KeyMapper::map(index.value(), KeyLayout::preset(QStringLiteral("repository")).value());
    QStringList keys;
    for (const KeyEntry& e : map.entries)
        keys << e.key;
    QCOMPARE(keys,
             QStringList({QStringLiteral("pm:project:p"), QStringLiteral("pm:project:p:epic:fine"),
                          QStringLiteral("pm:project:p:epic:fine:stories:list"),
                          QStringLiteral("pm:project:p:epic:fine:story:F-AA-003"),
                          QStringLiteral("pm:project:p:epics:list"),
                          QStringLiteral("pm:projects:list")}));
    for (const char* path :
         {"noproject/e1/epic.json", "noproject/e1/F-AA-001.json", "p/broken/F-AA-002.json"})
        QVERIFY2(hasProblem(map, QLatin1String(path), QStringLiteral("map.orphan")), path);
}

void TestKeyMapper::collisionsAreRefused()
{
    test::TestTree tree;
    tree.write(QStringLiteral("pm/people.json"), "[]");
    tree.write(QStringLiteral("pm/p/project.json"), R"({"name": "p", "epicIds": ["a", "b"]})");
    tree.write(QStringLiteral("pm/p/a/epic.json"),
               R"({"id": "A", "title": "a", "storyIds": ["F-XX-001"]})");
    tree.write(QStringLiteral("pm/p/b/epic.json"),
               R"({"id": "B", "title": "b", "storyIds": ["F-XX-001"]})");
    tree.write(QStringLiteral("pm/p/a/F-XX-001.json"), R"({"id": "F-XX-001", "title": "one"})");
    tree.write(QStringLiteral("pm/p/b/F-XX-001.json"), R"({"id": "F-XX-001", "title": "two"})");
    const auto layout =
        KeyLayout::custom(QStringLiteral("no-epic-in-story"), QStringLiteral("pm"),
                          {{QStringLiteral("project"), QStringLiteral("pm:p:{project}")},
                           {QStringLiteral("epic"), QStringLiteral("pm:e:{project}:{epic}")},
                           {QStringLiteral("story"), QStringLiteral("pm:s:{project}:{story}")}});
    QVERIFY(layout.ok());
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    const KeyMap map = KeyMapper::map(index.value(), layout.value());
    QVERIFY(!find(map, QStringLiteral("pm:s:p:F-XX-001")));
    QVERIFY(hasProblem(map, QStringLiteral("p/a/F-XX-001.json"), QStringLiteral("map.collision")));
    QVERIFY(hasProblem(map, QStringLiteral("p/b/F-XX-001.json"), QStringLiteral("map.collision")));
    // The repository layout tells them apart.
    const KeyMap ok =
        KeyMapper::map(index.value(), KeyLayout::preset(QStringLiteral("repository")).value());
    QVERIFY(ok.problems.isEmpty());
    QVERIFY(find(ok, QStringLiteral("pm:project:p:epic:a:story:F-XX-001")));
    QVERIFY(find(ok, QStringLiteral("pm:project:p:epic:b:story:F-XX-001")));
}

// A document that lists a story twice, one that does not exist, and not one that does: the
// list key names each present story once, the listed ones first in their order.
void TestKeyMapper::listRepeatsNoName()
{
    test::TestTree tree;
    tree.write(QStringLiteral("pm/people.json"), "[]");
    tree.write(QStringLiteral("pm/p/project.json"), R"({"name": "p", "epicIds": ["e", "e"]})");
    tree.write(QStringLiteral("pm/p/e/epic.json"),
               R"({"id": "E", "title": "e", "storyIds": ["F-XX-002", "ghost", "F-XX-001",
                   "F-XX-002"]})");
    for (const char* id : {"F-XX-001", "F-XX-002", "F-XX-003"})
        tree.write(QStringLiteral("pm/p/e/%1.json").arg(QLatin1String(id)),
                   QByteArray(R"({"id": ")") + id + R"(", "title": "t"})");
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    const KeyMap map =
        KeyMapper::map(index.value(), KeyLayout::preset(QStringLiteral("repository")).value());
    const KeyEntry* stories = find(map, QStringLiteral("pm:project:p:epic:e:stories:list"));
    QVERIFY(stories);
    QCOMPARE(stories->value, QByteArray(R"(["F-XX-002","F-XX-001","F-XX-003"])"));
    const KeyEntry* epics = find(map, QStringLiteral("pm:project:p:epics:list"));
    QVERIFY(epics);
    QCOMPARE(epics->value, QByteArray(R"(["e"])"));
}

void TestKeyMapper::keysAreSortedAndUnique()
{
    const KeyMap map = mapQuirks(QStringLiteral("repository"));
    for (int i = 1; i < map.entries.size(); ++i)
        QVERIFY(map.entries.at(i - 1).key < map.entries.at(i).key);
    // Every key parses back to the entity it came from.
    const auto layout = KeyLayout::preset(QStringLiteral("repository")).value();
    for (const KeyEntry& e : map.entries)
        QVERIFY2(layout.entityFor(e.key) == e.ref, qPrintable(e.key));
}

void TestKeyMapper::valuesFromTheReaderMapTheSame_data()
{
    QTest::addColumn<bool>("generated");
    QTest::newRow("quirks tree") << false;
    QTest::newRow("generated with faults") << true;
}

// The planner has PmReader keep each value (parsed once) and drop the raw bytes; the map must
// be exactly the one the mapper makes by parsing the files itself: keys, values, problems.
void TestKeyMapper::valuesFromTheReaderMapTheSame()
{
    QFETCH(bool, generated);
    test::TestTree tree;
    QString root = test::quirksTreePath();
    if (generated) {
        root = tree.path(QStringLiteral("pm"));
        TreeGenerator::Options options;
        options.projects = 2;
        options.epicsPerProject = 2;
        options.storiesPerEpic = 6;
        options.faults = true;
        QVERIFY(TreeGenerator::generate(root, options).ok());
    }
    const KeyLayout layout = KeyLayout::preset(QStringLiteral("repository")).value();
    const auto plain = PmReader::read(root);
    PmReader::Options options;
    options.keepValues = true;
    options.keepRaw = false;
    options.hashValues = true;
    const auto kept = PmReader::read(root, options);
    QVERIFY(plain.ok() && kept.ok());
    int withValue = 0;
    for (const Entity& e : kept.value().entities) {
        if (e.hasValue) {
            ++withValue;
            QVERIFY2(e.raw.isEmpty(), qPrintable(e.relativePath));
            QCOMPARE(e.valueSha256, Sha256::hex(e.value)); // hashed by the reader
        } else {
            QVERIFY(e.valueSha256.isEmpty());
        }
    }
    QVERIFY(withValue > 0);
    const KeyMap a = KeyMapper::map(plain.value(), layout);
    const KeyMap b = KeyMapper::map(kept.value(), layout);
    QCOMPARE(b.entries.size(), a.entries.size());
    for (int i = 0; i < a.entries.size(); ++i) {
        QCOMPARE(b.entries.at(i).key, a.entries.at(i).key);
        QCOMPARE(b.entries.at(i).value, a.entries.at(i).value);
        QCOMPARE(b.entries.at(i).sourcePath, a.entries.at(i).sourcePath);
    }
    QCOMPARE(b.problems.size(), a.problems.size());
    for (int i = 0; i < a.problems.size(); ++i)
        QCOMPARE(b.problems.at(i).toText(), a.problems.at(i).toText());
    QCOMPARE(kept.value().problems.size(), plain.value().problems.size());
}

QTEST_GUILESS_MAIN(TestKeyMapper)
#include "tst_keymapper.moc"
