// Reading a run's journal while the run writes it (pmkv status, the Activity dialog, choosing
// a run to resume or undo): the reader sees what the run last committed, never waits long on
// it, never copies the run's log into the journal file, and names a journal it cannot read
// instead of skipping it. No Redis: the journals are written here.
#include "jobs/jobpaths.h"
#include "jobs/journal.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace pmkv;

namespace {

// Generous: the old reader waited up to 10 s in SQLite's busy handler.
constexpr qint64 kPromptMs = 2000;

JournalEntry entry(const QByteArray& key)
{
    JournalEntry e;
    e.key = key;
    e.newHash = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex();
    return e;
}

// What a reader must not change: the journal's main file, byte for byte, and its log.
struct FileState
{
    QByteArray mainHash;
    QDateTime mainModified;
    qint64 walSize = -1;

    static FileState of(const QString& path)
    {
        FileState s;
        QFile main(path);
        if (main.open(QIODevice::ReadOnly))
            s.mainHash = QCryptographicHash::hash(main.readAll(), QCryptographicHash::Sha256);
        s.mainModified = QFileInfo(path).lastModified();
        const QFileInfo wal(path + QStringLiteral("-wal"));
        s.walSize = wal.exists() ? wal.size() : -1;
        return s;
    }
    bool operator==(const FileState& o) const
    {
        return mainHash == o.mainHash && mainModified == o.mainModified && walSize == o.walSize;
    }
};

// Batches the newest run under `paths` has recorded, as a reader sees them; -1 on failure.
qint64 batchesSeen(const JobPaths& paths, const QString& runId)
{
    auto journal = Journal::openRunForReading(paths, runId);
    if (!journal)
        return -1;
    auto counts = journal.value()->counts();
    if (!counts)
        return -1;
    return counts.value().pendingBatches + counts.value().doneBatches;
}

} // namespace

class TestJournalRead final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A run commits batches on its own thread while readers look at it: each read returns
    // promptly with at least every batch committed before it began, and no reader's close
    // copies the log into the journal file (the run's commits never wait on a checkpoint).
    void readersOfALiveRunSeeItsLastCommitAndNeverCheckpoint()
    {
        QTemporaryDir dir;
        const JobPaths paths(dir.path());
        QAtomicInteger<qint64> committed(0);
        QAtomicInteger<int> stop(0);
        QString runId;
        QString error;
        QAtomicInteger<int> started(0);
        QThread* writer = QThread::create([&] {
            auto created = Journal::create(paths, QStringLiteral("migrate"), {});
            if (!created) {
                error = created.error().message;
                started = 1;
                return;
            }
            Journal& journal = *created.value();
            runId = journal.run().id;
            started = 1;
            QVector<qint64> previous;
            for (int i = 0; !stop.loadAcquire() && i < 100000; ++i) {
                auto batch = journal.beginBatch({entry("k:" + QByteArray::number(i))}, previous);
                if (!batch) {
                    error = batch.error().message;
                    return;
                }
                previous = {batch.value()};
                committed.storeRelease(i + 1);
            }
        });
        writer->start();
        while (!started.loadAcquire())
            QThread::msleep(1);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString file = paths.journalPath(runId);
        while (committed.loadAcquire() < 5)
            QThread::msleep(1);
        const FileState before = FileState::of(file);
        qint64 seenLast = 0;
        for (int read = 0; read < 20; ++read) {
            const qint64 floor = committed.loadAcquire();
            QElapsedTimer clock;
            clock.start();
            const QVector<JournalRun> runs = Journal::listRuns(paths);
            const qint64 seen = batchesSeen(paths, runId);
            QVERIFY2(clock.elapsed() < kPromptMs, qPrintable(QString::number(clock.elapsed())));
            QCOMPARE(runs.size(), 1);
            QCOMPARE(runs.first().id, runId);
            QVERIFY2(seen >= floor && seen >= seenLast,
                     qPrintable(QStringLiteral("saw %1 batches, %2 were committed before")
                                    .arg(seen)
                                    .arg(floor)));
            seenLast = seen;
            QThread::msleep(10);
        }
        const FileState after = FileState::of(file);
        stop.storeRelease(1);
        writer->wait();
        delete writer;
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The main file is exactly as it was: only the run's log grew.
        QCOMPARE(after.mainHash, before.mainHash);
        QCOMPARE(after.mainModified, before.mainModified);
        QVERIFY(after.walSize >= before.walSize);
    }

    // A writer holding a transaction open: the reader sees the last committed state, and the
    // writer commits while the reader still has the journal open.
    void aReaderNeverHoldsUpAWritersCommit()
    {
        QTemporaryDir dir;
        const JobPaths paths(dir.path());
        auto created = Journal::create(paths, QStringLiteral("migrate"), {});
        QVERIFY(created.ok());
        QVERIFY(created.value()->beginBatch({entry("a")}).ok());
        const QString runId = created.value()->run().id;
        const QString name = QStringLiteral("open-transaction");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(paths.journalPath(runId));
            QVERIFY(db.open());
            QVERIFY(db.transaction());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO batch(state, keys) VALUES('pending', 1)")));
            QElapsedTimer clock;
            clock.start();
            auto reader = Journal::openRunForReading(paths, runId);
            QVERIFY2(reader.ok(), reader.ok() ? "" : qPrintable(reader.error().message));
            auto counts = reader.value()->counts();
            QVERIFY(counts.ok());
            QCOMPARE(counts.value().pendingBatches, 1); // not the uncommitted one
            QVERIFY(clock.elapsed() < kPromptMs);
            clock.restart();
            QVERIFY2(db.commit(), qPrintable(db.lastError().text()));
            QVERIFY(clock.elapsed() < kPromptMs);
            // The next read sees the commit; a reader refuses to write or checkpoint.
            QCOMPARE(reader.value()->counts().value().pendingBatches, 2);
            auto again = Journal::openRunForReading(paths, runId);
            QVERIFY(again.ok());
            QCOMPARE(again.value()->counts().value().pendingBatches, 2);
            QVERIFY(!again.value()->setState(JournalRun::State::Done).ok());
            QVERIFY(!again.value()->checkpoint().ok());
        }
        QSqlDatabase::removeDatabase(name);
    }

    // A run killed with its log not yet copied into the journal file (kill -9, power cut):
    // a reader sees the run's last commit from the log and leaves both files as they are.
    void readingAKilledRunLeavesItsLogAsItIs()
    {
        QTemporaryDir dir;
        const JobPaths live(dir.filePath(QStringLiteral("live")));
        const JobPaths killed(dir.filePath(QStringLiteral("killed")));
        QString runId;
        {
            auto created = Journal::create(live, QStringLiteral("migrate"), {});
            QVERIFY(created.ok());
            Journal& journal = *created.value();
            runId = journal.run().id;
            auto first = journal.beginBatch({entry("a"), entry("b")});
            QVERIFY(first.ok());
            QVERIFY(journal.beginBatch({entry("c")}, {first.value()}).ok());
            QVERIFY(journal.updateParams({{QStringLiteral("note"), QStringLiteral("late")}}).ok());
            // The files as a kill -9 would leave them: the commits are in the log only.
            QVERIFY(QDir().mkpath(killed.runsFolder()));
            for (const QString& suffix : {QString(), QStringLiteral("-wal")})
                QVERIFY(QFile::copy(live.journalPath(runId) + suffix,
                                    killed.journalPath(runId) + suffix));
        }
        const QString file = killed.journalPath(runId);
        const FileState before = FileState::of(file);
        QVERIFY(before.walSize > 0);
        const QVector<JournalRun> runs = Journal::listRuns(killed);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().params.value(QStringLiteral("note")).toString(),
                 QStringLiteral("late"));
        QCOMPARE(batchesSeen(killed, runId), 2);
        QVERIFY(FileState::of(file) == before);
        // A resume (the writer) still finds every batch.
        auto resumed = Journal::openRun(killed, runId);
        QVERIFY(resumed.ok());
        QCOMPARE(resumed.value()->batches(true).value().size(), 1);
    }

    // The journal held locked by its writer (as while a run closes it and copies its log):
    // the listing does not wait the writer's 10 s busy timeout, and names the journal.
    void aLockedJournalIsNamedAtOnce()
    {
        QTemporaryDir dir;
        const JobPaths paths(dir.path());
        QString runId;
        {
            auto created = Journal::create(paths, QStringLiteral("migrate"), {});
            QVERIFY(created.ok());
            runId = created.value()->run().id;
        }
        const QString name = QStringLiteral("exclusive-writer");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(paths.journalPath(runId));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("UPDATE run SET message = 'closing'")));
            QElapsedTimer clock;
            clock.start();
            const Journal::Listing listing = Journal::scanRuns(paths);
            QVERIFY2(clock.elapsed() < kPromptMs, qPrintable(QString::number(clock.elapsed())));
            QVERIFY(listing.runs.isEmpty());
            QCOMPARE(listing.unreadable.size(), 1);
            QCOMPARE(listing.unreadable.first().code, QStringLiteral("journal.busy"));
            QVERIFY(listing.unreadable.first().message.contains(paths.journalPath(runId)));
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
        }
        QSqlDatabase::removeDatabase(name);
        const Journal::Listing after = Journal::scanRuns(paths);
        QCOMPARE(after.runs.size(), 1);
        QCOMPARE(after.runs.first().message, QStringLiteral("closing"));
    }

    // A damaged file among the journals is named with why, not skipped; the readable runs are
    // all still listed.
    void aDamagedJournalIsNamedNotSkipped()
    {
        QTemporaryDir dir;
        const JobPaths paths(dir.path());
        {
            auto created = Journal::create(paths, QStringLiteral("migrate"), {});
            QVERIFY(created.ok());
        }
        const QString damaged =
            paths.runsFolder() + QStringLiteral("/20260101T000000000Z-x.sqlite");
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        const Journal::Listing listing = Journal::scanRuns(paths);
        QCOMPARE(listing.runs.size(), 1);
        QCOMPARE(listing.unreadable.size(), 1);
        QCOMPARE(listing.unreadable.first().code, QStringLiteral("journal.unreadable"));
        QVERIFY2(listing.unreadable.first().message.contains(damaged),
                 qPrintable(listing.unreadable.first().message));
        QCOMPARE(Journal::listRuns(paths).size(), 1);
        auto opened = Journal::openForReading(damaged);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("journal.unreadable"));
    }

    // A journal being created (its file made, its run not yet recorded) is not listed as
    // unreadable: runs start on another thread while a reader lists the journals again and
    // again; every listing names no unreadable journal, and the last one has every run.
    void aJournalBeingCreatedIsNeverUnreadable()
    {
        QTemporaryDir dir;
        const JobPaths paths(dir.path());
        constexpr int kRuns = 40;
        QAtomicInteger<int> created = 0;
        QAtomicInteger<bool> failed = false;
        std::unique_ptr<QThread> starter(QThread::create([&] {
            for (int i = 0; i < kRuns; ++i) {
                if (!Journal::create(paths, QStringLiteral("migrate"), {}).ok())
                    failed = true;
                created.fetchAndAddOrdered(1);
            }
        }));
        starter->start();
        int listings = 0;
        QStringList seen;
        while (created.loadAcquire() < kRuns) {
            const Journal::Listing listing = Journal::scanRuns(paths);
            ++listings;
            for (const Error& e : listing.unreadable)
                seen << e.message;
        }
        QVERIFY(starter->wait(60000));
        QVERIFY(!failed.loadRelaxed());
        QVERIFY2(seen.isEmpty(), qPrintable(seen.join(QLatin1Char('\n'))));
        QVERIFY(listings > 1);
        const Journal::Listing last = Journal::scanRuns(paths);
        QCOMPARE(last.runs.size(), kRuns);
        QVERIFY(last.unreadable.isEmpty());
        // No temporary file is left beside the journals.
        const QStringList left = QDir(paths.runsFolder())
                                     .entryList({QStringLiteral(".~*")},
                                                QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u' ')));
    }

    // A journal file that records no run (an empty file, or one left by a run killed as an
    // earlier version created it) is still named, with its path and run id as data.
    void aJournalThatRecordsNoRunIsStillNamed()
    {
        QTemporaryDir dir;
        const JobPaths paths(dir.path());
        QVERIFY(QDir().mkpath(paths.runsFolder()));
        const QString runId = QStringLiteral("20260101T000000000Z-migrate-00aa");
        const QString empty = paths.journalPath(runId);
        QFile file(empty);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Journal::Listing listing = Journal::scanRuns(paths);
        QCOMPARE(listing.unreadable.size(), 1);
        const Error& e = listing.unreadable.first();
        QCOMPARE(e.code, QStringLiteral("journal.unreadable"));
        QVERIFY2(e.message.contains(empty), qPrintable(e.message));
        QCOMPARE(e.next.path, empty);
        QCOMPARE(e.next.runId, runId);
        QCOMPARE(Journal::kindOfRunId(e.next.runId), QStringLiteral("migrate"));
        QCOMPARE(Journal::kindOfRunId(QStringLiteral("20260101T000000000Z-key-edit-x-00aa")),
                 QStringLiteral("key-edit-x"));
        QCOMPARE(Journal::kindOfRunId(QStringLiteral("notes")), QString());
    }
};

QTEST_GUILESS_MAIN(TestJournalRead)
#include "tst_journalread.moc"
