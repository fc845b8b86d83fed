// SyncRunner on a folder target: the journal is written before the writes, a target changed
// since the diff is a conflict (never overwritten), undo restores exactly and refuses what
// someone changed since, creates are undone by removing the file and the folders they made.
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

QTEST_GUILESS_MAIN(TestSyncRunner)
#include "tst_syncrunner.moc"
