// SyncRunner on a folder target: the journal is written before the writes, a target changed
// since the diff is a conflict (never overwritten), undo restores exactly and refuses what
// someone changed since, creates are undone by removing the file and the folders they made.
#include "diff/diffsidebuilder.h"
#include "diff/jsonparser.h"
#include "diff/sidecomparer.h"
#include "jobs/journal.h"
#include "sync/foldersynctarget.h"
#include "sync/syncrunner.h"
#include "testtree.h"

#include <QtTest>

using namespace pmkv;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

SyncAction action(SyncAction::Kind kind, const char* location, const QByteArray& value,
                  const QByteArray& expected = {})
{
    SyncAction a;
    a.kind = kind;
    a.ref =
        EntityRef{KeyRole::Story, QStringLiteral("p"), QStringLiteral("e"), QStringLiteral("S")};
    a.location = QString::fromLatin1(location);
    a.value = value;
    a.targetExists = kind == SyncAction::Kind::Update;
    a.expected = expected;
    return a;
}

} // namespace

class TestSyncRunner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesJournalsAndUndoes();
    void conflictsAreLeftAlone();
    void undoRefusesChangedEntriesUnlessForced();
    void plannerModesAndFields();
    void folderTargetStaysInsideItsFolder_data();
    void folderTargetStaysInsideItsFolder();
    void plannerRefusesUnsafeNames();
    void longNamesAreWritten();
};

void TestSyncRunner::writesJournalsAndUndoes()
{
    test::TestTree dir;
    dir.write(QStringLiteral("pm/p/project.json"), "{\n  \"name\": \"p\"\n}");
    FolderSyncTarget target(dir.path(QStringLiteral("pm")));
    SyncPlanner::Plan plan;
    plan.actions << action(SyncAction::Kind::Update, "p/project.json", "{\n  \"name\": \"q\"\n}",
                           R"({"name":"p"})")
                 << action(SyncAction::Kind::Create, "p/new-epic/F-AB-001.json",
                           "{\n  \"id\": \"F-AB-001\"\n}");
    auto run = SyncRunner::execute(plan, target, JobPaths(dir.path(QStringLiteral("state"))),
                                   QStringLiteral("test"));
    QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error().message));
    QCOMPARE(run.value().written, 2);
    QVERIFY(run.value().conflicts.isEmpty());
    QCOMPARE(readFile(dir.path(QStringLiteral("pm/p/project.json"))),
             QByteArray("{\n  \"name\": \"q\"\n}"));
    QCOMPARE(readFile(dir.path(QStringLiteral("pm/p/new-epic/F-AB-001.json"))),
             QByteArray("{\n  \"id\": \"F-AB-001\"\n}"));

    const JobPaths paths(dir.path(QStringLiteral("state")));
    {
        auto journal = Journal::openRun(paths, run.value().runId);
        QVERIFY(journal.ok());
        QCOMPARE(journal.value()->run().state, JournalRun::State::Done);
        QCOMPARE(journal.value()->run().kind, QStringLiteral("sync-files"));
        auto batches = journal.value()->batches();
        QVERIFY(batches.ok());
        QCOMPARE(batches.value().size(), 1);
        const auto& entries = batches.value().front().entries;
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].previous.value, QByteArray("{\n  \"name\": \"p\"\n}"));
        QVERIFY(!entries[1].previous.existed());
    }
    QCOMPARE(SyncRunner::lastRun(paths, target), run.value().runId);

    auto undone = SyncRunner::undo(paths, run.value().runId, target, false);
    QVERIFY(undone.ok());
    QCOMPARE(undone.value().restored, 2);
    QCOMPARE(readFile(dir.path(QStringLiteral("pm/p/project.json"))),
             QByteArray("{\n  \"name\": \"p\"\n}"));
    QVERIFY(!QFileInfo::exists(dir.path(QStringLiteral("pm/p/new-epic"))));
    QVERIFY(QFileInfo::exists(dir.path(QStringLiteral("pm/p"))));
    QCOMPARE(Journal::openRun(paths, run.value().runId).value()->run().state,
             JournalRun::State::Undone);
    QVERIFY(SyncRunner::lastRun(paths, target).isEmpty());
    QVERIFY(!SyncRunner::resume(paths, run.value().runId, target).ok());
    // A run is only ever undone on the target it wrote to.
    FolderSyncTarget other(dir.path(QStringLiteral("elsewhere")));
    QVERIFY(!SyncRunner::undo(paths, run.value().runId, other, false).ok());
}

void TestSyncRunner::folderTargetStaysInsideItsFolder_data()
{
    QTest::addColumn<QString>("location");
    QTest::newRow("parent") << QStringLiteral("../pwned.json");
    QTest::newRow("deep parent") << QStringLiteral("p/../../../pwned-p/project.json");
    QTest::newRow("absolute") << QStringLiteral("@outside@/pwned.json");
    QTest::newRow("dot folder") << QStringLiteral("./p/./x.json");
    QTest::newRow("empty part") << QStringLiteral("p//x.json");
    QTest::newRow("colon") << QStringLiteral("p:q/x.json");
}

// Issue #21 item 1: a location made from a key never leads out of the folder, for a write
// (sync, the GUI's copy to a file) or a read.
void TestSyncRunner::folderTargetStaysInsideItsFolder()
{
    QFETCH(QString, location);
    test::TestTree dir;
    location.replace(QStringLiteral("@outside@"), dir.path(QStringLiteral("outside")));
    dir.write(QStringLiteral("pm/p/project.json"), "{}");
    FolderSyncTarget target(dir.path(QStringLiteral("pm/p")));
    SyncPlanner::Plan plan;
    plan.actions << action(SyncAction::Kind::Create, "e/F-AB-001.json", "{}")
                 << action(SyncAction::Kind::Create, qPrintable(location), "{\"pwned\": 1}");
    auto run = SyncRunner::execute(plan, target, JobPaths(dir.path(QStringLiteral("state"))),
                                   QStringLiteral("test"));
    QVERIFY(!run.ok());
    QCOMPARE(run.error().code, QStringLiteral("sync.unsafe-path"));
    QVERIFY2(run.error().message.contains(location), qPrintable(run.error().message));
    // Refused before anything is written: not even the safe action ran.
    QVERIFY(!QFileInfo::exists(dir.path(QStringLiteral("pm/p/e/F-AB-001.json"))));
    QVERIFY(!QFileInfo::exists(dir.path(QStringLiteral("pwned.json"))));
    QVERIFY(!QFileInfo::exists(dir.path(QStringLiteral("pm/pwned.json"))));
    QVERIFY(!QFileInfo::exists(dir.path(QStringLiteral("outside/pwned.json"))));
    QVERIFY(!target.read({location}).ok());
}

void TestSyncRunner::plannerRefusesUnsafeNames()
{
    EntityRef ref{KeyRole::Story, QStringLiteral("atlas"), QStringLiteral("../../../.."),
                  QStringLiteral("pwned-e")};
    QVERIFY(!SyncPlanner::folderPath(ref).ok());
    ref = EntityRef{KeyRole::Project, QStringLiteral("../../../pwned-p"), {}, {}};
    QVERIFY(!SyncPlanner::folderPath(ref).ok());
    ref = EntityRef{KeyRole::Story, QStringLiteral("p"), QStringLiteral("e"), QStringLiteral("S")};
    QCOMPARE(SyncPlanner::folderPath(ref).value(), QStringLiteral("p/e/S.json"));
}

// Issue #21 item 5: a temporary name is never longer than the file's own (a 247-byte story
// name had no room for a suffix).
void TestSyncRunner::longNamesAreWritten()
{
    test::TestTree dir;
    const QByteArray name = QByteArray(242, 's') + ".json";
    FolderSyncTarget target(dir.path(QStringLiteral("pm")));
    SyncPlanner::Plan plan;
    plan.actions << action(SyncAction::Kind::Create, QByteArray("p/e/" + name).constData(), "{}");
    auto run = SyncRunner::execute(plan, target, JobPaths(dir.path(QStringLiteral("state"))),
                                   QStringLiteral("test"));
    QVERIFY2(run.ok(), run.ok() ? "" : qPrintable(run.error().message));
    QCOMPARE(readFile(dir.path(QStringLiteral("pm/p/e/") + QString::fromLatin1(name))),
             QByteArray("{}"));
    QCOMPARE(QDir(dir.path(QStringLiteral("pm/p/e"))).entryList(QDir::Files | QDir::Hidden).size(),
             1);
}

void TestSyncRunner::conflictsAreLeftAlone()
{
    test::TestTree dir;
    // The plan was made when the file said "p"; someone has written "z" since.
    dir.write(QStringLiteral("pm/p/project.json"), "{\n  \"name\": \"z\"\n}");
    FolderSyncTarget target(dir.path(QStringLiteral("pm")));
    SyncPlanner::Plan plan;
    plan.actions << action(SyncAction::Kind::Update, "p/project.json", "{\n  \"name\": \"q\"\n}",
                           R"({"name":"p"})")
                 << action(SyncAction::Kind::Create, "p/project2.json", "{}");
    dir.write(QStringLiteral("pm/p/project2.json"), "{\"made\": \"meanwhile\"}");
    auto run = SyncRunner::execute(plan, target, JobPaths(dir.path(QStringLiteral("state"))),
                                   QStringLiteral("test"));
    QVERIFY(run.ok());
    QCOMPARE(run.value().written, 0);
    QCOMPARE(run.value().conflicts.size(), 2);
    QCOMPARE(readFile(dir.path(QStringLiteral("pm/p/project.json"))),
             QByteArray("{\n  \"name\": \"z\"\n}"));
    QCOMPARE(readFile(dir.path(QStringLiteral("pm/p/project2.json"))),
             QByteArray("{\"made\": \"meanwhile\"}"));
}

void TestSyncRunner::undoRefusesChangedEntriesUnlessForced()
{
    test::TestTree dir;
    dir.write(QStringLiteral("pm/a.json"), "{\"v\": 1}");
    FolderSyncTarget target(dir.path(QStringLiteral("pm")));
    SyncPlanner::Plan plan;
    plan.actions << action(SyncAction::Kind::Update, "a.json", "{\n  \"v\": 2\n}", R"({"v":1})");
    auto run = SyncRunner::execute(plan, target, JobPaths(dir.path(QStringLiteral("state"))),
                                   QStringLiteral("test"));
    QVERIFY(run.ok());
    dir.write(QStringLiteral("pm/a.json"), "{\"v\": 3}");
    const JobPaths paths(dir.path(QStringLiteral("state")));
    auto refused = SyncRunner::undo(paths, run.value().runId, target, false);
    QVERIFY(refused.ok());
    QCOMPARE(refused.value().restored, 0);
    QCOMPARE(refused.value().conflicts.size(), 1);
    QCOMPARE(readFile(dir.path(QStringLiteral("pm/a.json"))), QByteArray("{\"v\": 3}"));
    auto forced = SyncRunner::undo(paths, run.value().runId, target, true);
    QVERIFY(forced.ok());
    QCOMPARE(forced.value().restored, 1);
    QCOMPARE(readFile(dir.path(QStringLiteral("pm/a.json"))), QByteArray("{\"v\": 1}"));
}

void TestSyncRunner::plannerModesAndFields()
{
    using Item = DiffSideBuilder::KvItem;
    const KeyLayout repo = KeyLayout::preset(QStringLiteral("repository")).value();
    const KeyLayout strategy = KeyLayout::preset(QStringLiteral("strategy")).value();
    auto s = [](const char* k, const char* v) {
        return Item{QString::fromLatin1(k), QByteArray(v), QStringLiteral("string"), -1};
    };
    const DiffSide source = DiffSideBuilder::fromKvItems(
        QStringLiteral("src"), QStringLiteral("src"),
        {s("pm:project:p", R"({"name":"p","status":"done","title":"new"})"),
         s("pm:project:p:epic:e", R"({"id":"E"})"), s("pm:project:p:epics:list", R"(["e"])")},
        repo);
    const DiffSide target = DiffSideBuilder::fromKvItems(
        QStringLiteral("dst"), QStringLiteral("dst"),
        {s("pm:project:p", R"({"name":"p","status":"todo","title":"old"})"),
         s("pm:story:p:e:S-1", R"({"id":"S-1"})")},
        strategy);
    const DiffReport report = SideComparer::compare(source, target, {});

    // Only missing (the default): the epic is created under the target's layout; the
    // project differs and is skipped; the story only the target has is left alone; the
    // epics list has no place in the strategy layout.
    SyncPlanner::Options missing;
    missing.targetLayout = strategy;
    auto plan = SyncPlanner::plan(report, missing);
    QVERIFY(plan.ok());
    QCOMPARE(plan.value().actions.size(), 1);
    QCOMPARE(plan.value().actions[0].location, QStringLiteral("pm:epic:p:e"));
    QCOMPARE(plan.value().actions[0].kind, SyncAction::Kind::Create);
    QCOMPARE(plan.value().skipped.size(), 2);

    // Per field: only /status is copied, the target keeps its title.
    SyncPlanner::Options field = missing;
    field.overwrite = true;
    field.fields = {"/status"};
    field.entities = {QStringLiteral("project p")};
    plan = SyncPlanner::plan(report, field);
    QVERIFY(plan.ok());
    QCOMPARE(plan.value().actions.size(), 1);
    QCOMPARE(plan.value().actions[0].location, QStringLiteral("pm:project:p"));
    QCOMPARE(JsonParser::parse(plan.value().actions[0].value).value(),
             JsonParser::parse(R"({"name":"p","status":"done","title":"old"})").value());
    QCOMPARE(plan.value().actions[0].expected,
             QByteArray(R"({"name":"p","status":"todo","title":"old"})"));

    // To a folder: pretty JSON as the application writes it, no list files.
    SyncPlanner::Options folder;
    folder.overwrite = true;
    folder.targetIsFolder = true;
    plan = SyncPlanner::plan(report, folder);
    QVERIFY(plan.ok());
    QCOMPARE(plan.value().actions.size(), 2);
    QCOMPARE(plan.value().actions[0].value,
             QByteArray("{\n  \"name\": \"p\",\n  \"status\": \"done\",\n  \"title\": \"new\"\n}"));
    QCOMPARE(plan.value().actions[1].location, QStringLiteral("p/e/epic.json"));
}

QTEST_GUILESS_MAIN(TestSyncRunner)
#include "tst_syncrunner.moc"
