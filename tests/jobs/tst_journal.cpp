#include "connections/storethread.h"
#include "jobs/jobpaths.h"
#include "jobs/journal.h"
#include "jobs/keycapture.h"
#include "redis/redisstore.h"
#include "redisserver.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace pmkv;
using pmkv::test::RedisServer;

namespace {

QByteArray sha(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

JournalEntry setEntry(const QByteArray& key, const QByteArray& value, PreviousValue previous)
{
    JournalEntry e;
    e.key = key;
    e.newHash = sha(value);
    e.previous = std::move(previous);
    return e;
}

PreviousValue stringValue(const QByteArray& value, qint64 pttl = -1)
{
    PreviousValue p;
    p.type = QStringLiteral("string");
    p.value = value;
    p.pttl = pttl;
    return p;
}

} // namespace

class TestJournal final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsRunAndSurvivesReopen()
    {
        QTemporaryDir dir;
        const JobPaths paths(dir.path());
        QString file;
        qint64 first = 0;
        {
            auto created = Journal::create(paths, QStringLiteral("migrate"),
                                           {{QStringLiteral("root"), QStringLiteral("/x/pm")}});
            QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
            Journal& j = *created.value();
            file = j.path();
            QVERIFY(file.startsWith(paths.runsFolder()));
            auto b1 = j.beginBatch({setEntry("k:1", "v1", PreviousValue()),
                                    setEntry("k:2", "v2", stringValue("old2", 5000))});
            QVERIFY(b1.ok());
            first = b1.value();
            QVERIFY(j.markDone(first).ok());
            auto b2 = j.beginBatch({setEntry("k:3", QByteArray(1, '\0') + "bin", PreviousValue())});
            QVERIFY(b2.ok());
            QVERIFY(b2.value() > first);
            QVERIFY(j.updateParams({{QStringLiteral("plan"), QStringLiteral("p.json")}}).ok());
        }
        auto reopened = Journal::open(file);
        QVERIFY(reopened.ok());
        const JournalRun run = reopened.value()->run();
        QCOMPARE(run.kind, QStringLiteral("migrate"));
        QCOMPARE(run.state, JournalRun::State::Running);
        QCOMPARE(run.params.value(QStringLiteral("root")).toString(), QStringLiteral("/x/pm"));
        QCOMPARE(run.params.value(QStringLiteral("plan")).toString(), QStringLiteral("p.json"));
        auto pending = reopened.value()->batches(true);
        QVERIFY(pending.ok());
        QCOMPARE(pending.value().size(), 1);
        QCOMPARE(pending.value().first().entries.first().newHash, sha(QByteArray(1, '\0') + "bin"));
        auto all = reopened.value()->batches();
        QVERIFY(all.ok());
        QCOMPARE(all.value().size(), 2);
        const JournalEntry& k2 = all.value().first().entries.at(1);
        QCOMPARE(k2.previous.type, QStringLiteral("string"));
        QCOMPARE(k2.previous.value, QByteArray("old2"));
        QCOMPARE(k2.previous.pttl, 5000);
        auto counts = reopened.value()->counts();
        QVERIFY(counts.ok());
        QCOMPARE(counts.value().doneBatches, 1);
        QCOMPARE(counts.value().pendingBatches, 1);
        QCOMPARE(counts.value().keys, 3);
        QVERIFY(reopened.value()->setState(JournalRun::State::Done, QStringLiteral("ok")).ok());
        const QVector<JournalRun> runs = Journal::listRuns(paths);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().state, JournalRun::State::Done);
    }

    void undoTakesFirstPreviousAndLastWrite()
    {
        QTemporaryDir dir;
        auto created = Journal::create(JobPaths(dir.path()), QStringLiteral("sync"), {});
        QVERIFY(created.ok());
        Journal& j = *created.value();
        auto b1 = j.beginBatch(
            {setEntry("a", "a1", stringValue("a0", 1234)), setEntry("b", "b1", PreviousValue())});
        QVERIFY(b1.ok());
        QVERIFY(j.markDone(b1.value()).ok());
        // "a" written again by a later batch that is still pending.
        auto b2 = j.beginBatch({setEntry("a", "a2", stringValue("a1"))});
        QVERIFY(b2.ok());
        auto steps = j.undoSteps();
        QVERIFY(steps.ok());
        QCOMPARE(steps.value().size(), 2);
        const UndoStep& a = steps.value().at(0);
        QCOMPARE(a.key, QByteArray("a"));
        QCOMPARE(a.restore.value, QByteArray("a0"));
        QCOMPARE(a.restore.pttl, 1234);
        QVERIFY(a.expectedHashes.contains(sha("a2")));
        QVERIFY(a.expectedHashes.contains(sha("a1"))); // batch 2 may not have been sent
        const UndoStep& b = steps.value().at(1);
        QVERIFY(!b.restore.existed());
        QCOMPARE(b.expectedHashes, QVector<QByteArray>{sha("b1")});
        QVERIFY(j.markUndone(b1.value()).ok());
        QVERIFY(j.markUndone(b2.value()).ok());
        auto none = j.undoSteps();
        QVERIFY(none.ok());
        QVERIFY(none.value().isEmpty());
    }

    void missingJournalIsClearError()
    {
        auto opened = Journal::open(QStringLiteral("/nonexistent/run.sqlite"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("journal.missing"));
    }

    void captureReadsValuesTtlsAndTypes()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        redis.cli({QStringLiteral("SET"), QStringLiteral("s"), QStringLiteral("plain")});
        redis.cli({QStringLiteral("SET"), QStringLiteral("t"), QStringLiteral("ttl"),
                   QStringLiteral("PX"), QStringLiteral("600000")});
        redis.cli({QStringLiteral("HSET"), QStringLiteral("h"), QStringLiteral("f"),
                   QStringLiteral("v")});
        StoreThread thread;
        auto* store = thread.call([&] {
            auto* s = new RedisStore(RedisAddress::tcp(QStringLiteral("127.0.0.1"), redis.port()));
            s->setParent(thread.context());
            return s;
        });
        auto captured = KeyCapture::capture(*store, {"s", "t", "h", "missing"});
        QVERIFY2(captured.ok(), captured.ok() ? "" : qPrintable(captured.error().message));
        const auto& v = captured.value();
        QCOMPARE(v.at(0).type, QStringLiteral("string"));
        QCOMPARE(v.at(0).value, QByteArray("plain"));
        QCOMPARE(v.at(0).pttl, -1);
        QCOMPARE(v.at(1).value, QByteArray("ttl"));
        QVERIFY(v.at(1).pttl > 590000 && v.at(1).pttl <= 600000);
        QCOMPARE(v.at(2).type, QStringLiteral("hash"));
        QVERIFY(!v.at(3).existed());
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
