// KeyEditWorkflow (and the KeyImage it journals) against a real redis-server, directly and
// through the real pmkv-proxy: an edit is one journaled run with an audit line; undo puts
// back exactly what was there (the members, the TTL) as a run of its own; an undo refuses
// a key changed since; a rename and a delete undo (a stream with its groups and last ID);
// read-only is refused before anything, and PROD needs its typed name.
#include "jobs/auditlog.h"
#include "jobs/journal.h"
#include "kv/keyimage.h"
#include "proxyprocess.h"
#include "redisserver.h"
#include "testtree.h"
#include "workflows/keyeditworkflow.h"
#include "workflows/targetsession.h"

#include <QtTest>

using namespace pmkv;

class TestKeyEditWorkflow final : public QObject
{
    Q_OBJECT

private:
    test::RedisServer m_redis;
    test::ProxyProcess m_proxy;
    test::TestTree m_dir;
    int m_jobs = 0;

    std::unique_ptr<TargetSession>
    open(bool viaProxy, ConnectionProfile::Environment env = ConnectionProfile::Environment::Dev,
         bool readOnly = false)
    {
        ConnectionProfile p;
        p.name = QStringLiteral("prod-eu");
        p.kind = viaProxy ? ConnectionProfile::Kind::LocalProxy : ConnectionProfile::Kind::Redis;
        p.address = viaProxy ? m_proxy.url().toString() : m_redis.url();
        p.environment = env;
        p.readOnly = readOnly;
        TargetSession::Options options;
        if (viaProxy)
            options.typedSecret = m_proxy.token();
        auto session = TargetSession::open(p, options);
        return session ? std::move(session).value() : nullptr;
    }
    WorkflowContext context()
    {
        WorkflowContext c;
        c.paths = JobPaths(m_dir.path(QStringLiteral("jobs%1").arg(++m_jobs)));
        c.frontEnd = QStringLiteral("pmkv-studio");
        return c;
    }
    QByteArray cli(const QStringList& args) { return m_redis.cli(args).trimmed(); }
    static KeyEditWorkflow::Edit edit(QVector<QByteArray> keys, QVector<KvCommand> commands)
    {
        return {std::move(keys), std::move(commands), QStringLiteral("studio-test"), QString(), {}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
        m_proxy.setRedisUrl(m_redis.url());
        QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
    }
    void init()
    {
        cli({QStringLiteral("FLUSHALL")});
        cli({QStringLiteral("HSET"), QStringLiteral("h"), QStringLiteral("a"), QStringLiteral("1"),
             QStringLiteral("b"), QStringLiteral("2")});
        cli({QStringLiteral("EXPIRE"), QStringLiteral("h"), QStringLiteral("5000")});
        cli({QStringLiteral("RPUSH"), QStringLiteral("l"), QStringLiteral("x"), QStringLiteral("y"),
             QStringLiteral("x")});
        cli({QStringLiteral("ZADD"), QStringLiteral("z"), QStringLiteral("1"),
             QStringLiteral("one"), QStringLiteral("2"), QStringLiteral("two")});
        cli({QStringLiteral("XADD"), QStringLiteral("x"), QStringLiteral("1-1"),
             QStringLiteral("kind"), QStringLiteral("created")});
        cli({QStringLiteral("SADD"), QStringLiteral("s"), QStringLiteral("m1"),
             QStringLiteral("m2")});
    }

    void transports_data()
    {
        QTest::addColumn<bool>("viaProxy");
        QTest::newRow("redis") << false;
        QTest::newRow("pmkv-proxy") << true;
    }

    // Set a field: journaled, audited; undo restores the field and the hash's TTL.
    void transports()
    {
        QFETCH(bool, viaProxy);
        auto session = open(viaProxy);
        QVERIFY(session);
        const WorkflowContext c = context();
        auto done = KeyEditWorkflow::apply(
            *session, edit({"h"}, {{"HSET", "h", "a", "changed"}, {"HDEL", "h", "b"}}), c);
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(cli({QStringLiteral("HGET"), QStringLiteral("h"), QStringLiteral("a")}),
                 QByteArray("changed"));
        QCOMPARE(cli({QStringLiteral("HEXISTS"), QStringLiteral("h"), QStringLiteral("b")}),
                 QByteArray("0"));
        auto journal = Journal::openRun(c.paths, done.value().runId);
        QVERIFY(journal);
        QCOMPARE(journal.value()->run().kind, QStringLiteral("key-edit"));
        QCOMPARE(journal.value()->run().state, JournalRun::State::Done);
        auto lines = AuditLog(c.paths.auditLogPath()).read();
        QVERIFY(lines && lines.value().size() == 1);

        auto undone = KeyEditWorkflow::undo(
            *session, {done.value().runId, QStringLiteral("studio-undo"), QString()}, c);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));
        QCOMPARE(cli({QStringLiteral("HGET"), QStringLiteral("h"), QStringLiteral("a")}),
                 QByteArray("1"));
        QCOMPARE(cli({QStringLiteral("HGET"), QStringLiteral("h"), QStringLiteral("b")}),
                 QByteArray("2"));
        const qint64 ttl = cli({QStringLiteral("TTL"), QStringLiteral("h")}).toLongLong();
        QVERIFY2(ttl > 4900 && ttl <= 5000, QByteArray::number(ttl).constData());
        QCOMPARE(Journal::openRun(c.paths, done.value().runId).value()->run().state,
                 JournalRun::State::Undone);
        // Twice: refused.
        QVERIFY(!KeyEditWorkflow::undo(*session, {done.value().runId, QString(), QString()}, c));
    }

    void undoRefusesAKeyChangedSince()
    {
        auto session = open(false);
        const WorkflowContext c = context();
        auto done = KeyEditWorkflow::apply(*session, edit({"s"}, {{"SREM", "s", "m1"}}), c);
        QVERIFY(done);
        cli({QStringLiteral("SADD"), QStringLiteral("s"), QStringLiteral("someone-else")});
        auto undone =
            KeyEditWorkflow::undo(*session, {done.value().runId, QString(), QString()}, c);
        QVERIFY(!undone);
        QCOMPARE(undone.error().code, QStringLiteral("undo-conflict"));
        QCOMPARE(cli({QStringLiteral("SISMEMBER"), QStringLiteral("s"), QStringLiteral("m1")}),
                 QByteArray("0")); // left as it is
        QCOMPARE(
            cli({QStringLiteral("SISMEMBER"), QStringLiteral("s"), QStringLiteral("someone-else")}),
            QByteArray("1"));
    }

    void renameAndDeleteUndo_data() { transports_data(); }
    void renameAndDeleteUndo()
    {
        QFETCH(bool, viaProxy);
        auto session = open(viaProxy);
        const WorkflowContext c = context();
        auto renamed =
            KeyEditWorkflow::apply(*session, edit({"z", "z2"}, {{"RENAME", "z", "z2"}}), c);
        QVERIFY2(renamed, renamed ? "" : qPrintable(renamed.error().message));
        QCOMPARE(cli({QStringLiteral("EXISTS"), QStringLiteral("z")}), QByteArray("0"));
        QVERIFY(KeyEditWorkflow::undo(*session, {renamed.value().runId, QString(), QString()}, c));
        QCOMPARE(cli({QStringLiteral("EXISTS"), QStringLiteral("z2")}), QByteArray("0"));
        QCOMPARE(cli({QStringLiteral("ZSCORE"), QStringLiteral("z"), QStringLiteral("two")}),
                 QByteArray("2"));

        for (const QByteArray key : {"x", "l", "h"}) {
            auto deleted = KeyEditWorkflow::apply(*session, edit({key}, {{"DEL", key}}), c);
            QVERIFY(deleted);
            QCOMPARE(cli({QStringLiteral("EXISTS"), QString::fromUtf8(key)}), QByteArray("0"));
            QVERIFY(
                KeyEditWorkflow::undo(*session, {deleted.value().runId, QString(), QString()}, c));
        }
        QCOMPARE(cli({QStringLiteral("XRANGE"), QStringLiteral("x"), QStringLiteral("-"),
                      QStringLiteral("+")})
                     .replace('\n', ' '),
                 QByteArray("1-1 kind created"));
        QCOMPARE(cli({QStringLiteral("LRANGE"), QStringLiteral("l"), QStringLiteral("0"),
                      QStringLiteral("-1")})
                     .replace('\n', ' '),
                 QByteArray("x y x"));
        QVERIFY(cli({QStringLiteral("TTL"), QStringLiteral("h")}).toLongLong() > 4900);
    }

    // A stream came back with its entries only: its consumer groups were gone and its next
    // ID could repeat one that had been deleted.
    void aStreamComesBackWithItsGroups_data() { transports_data(); }
    void aStreamComesBackWithItsGroups()
    {
        QFETCH(bool, viaProxy);
        for (const char* id : {"1-1", "2-1", "3-1"})
            cli({QStringLiteral("XADD"), QStringLiteral("events"), QString::fromLatin1(id),
                 QStringLiteral("n"), QString::fromLatin1(id)});
        cli({QStringLiteral("XDEL"), QStringLiteral("events"), QStringLiteral("3-1")});
        cli({QStringLiteral("XGROUP"), QStringLiteral("CREATE"), QStringLiteral("events"),
             QStringLiteral("readers"), QStringLiteral("1-1")});
        cli({QStringLiteral("XGROUP"), QStringLiteral("CREATE"), QStringLiteral("events"),
             QStringLiteral("audit"), QStringLiteral("0")});
        const QByteArray groupsBefore =
            cli({QStringLiteral("XINFO"), QStringLiteral("GROUPS"), QStringLiteral("events")});
        QVERIFY2(groupsBefore.contains("readers"), groupsBefore.constData());

        auto session = open(viaProxy);
        const WorkflowContext c = context();
        auto deleted = KeyEditWorkflow::apply(*session, edit({"events"}, {{"DEL", "events"}}), c);
        QVERIFY2(deleted, deleted ? "" : qPrintable(deleted.error().message));
        QCOMPARE(cli({QStringLiteral("EXISTS"), QStringLiteral("events")}), QByteArray("0"));
        auto undone =
            KeyEditWorkflow::undo(*session, {deleted.value().runId, QString(), QString()}, c);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));

        // Both groups where they had read to (the consumers and pending entries are not kept).
        QCOMPARE(cli({QStringLiteral("XINFO"), QStringLiteral("GROUPS"), QStringLiteral("events")})
                     .split('\n')
                     .mid(0, 8),
                 groupsBefore.split('\n').mid(0, 8));
        const QList<QByteArray> groups =
            cli({QStringLiteral("XINFO"), QStringLiteral("GROUPS"), QStringLiteral("events")})
                .split('\n');
        const qsizetype readers = groups.indexOf("readers");
        QVERIFY(readers > 0);
        QCOMPARE(groups.value(groups.indexOf("last-delivered-id", readers) + 1), QByteArray("1-1"));
        // The deleted 3-1 is not given again.
        QCOMPARE(cli({QStringLiteral("XADD"), QStringLiteral("events"), QStringLiteral("3-1"),
                      QStringLiteral("n"), QStringLiteral("again")})
                     .startsWith("ERR"),
                 true);
        QCOMPARE(cli({QStringLiteral("XLEN"), QStringLiteral("events")}), QByteArray("2"));
    }

    void existingKeyIsNotOverwritten()
    {
        auto session = open(false);
        const WorkflowContext c = context();
        KeyEditWorkflow::Edit rename = edit({"z", "s"}, {{"RENAME", "z", "s"}});
        rename.mustNotExist = {"s"};
        auto refused = KeyEditWorkflow::apply(*session, rename, c);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("key-exists"));
        QCOMPARE(cli({QStringLiteral("TYPE"), QStringLiteral("s")}), QByteArray("set"));
        QVERIFY(Journal::listRuns(c.paths).isEmpty());
    }

    void ttlSetAndPersist()
    {
        auto session = open(false);
        const WorkflowContext c = context();
        auto persisted = KeyEditWorkflow::apply(*session, edit({"h"}, {{"PERSIST", "h"}}), c);
        QVERIFY(persisted);
        QCOMPARE(cli({QStringLiteral("TTL"), QStringLiteral("h")}), QByteArray("-1"));
        auto set = KeyEditWorkflow::apply(*session, edit({"s"}, {{"EXPIRE", "s", "60"}}), c);
        QVERIFY(set);
        QVERIFY(cli({QStringLiteral("TTL"), QStringLiteral("s")}).toLongLong() > 50);
        QVERIFY(KeyEditWorkflow::undo(*session, {set.value().runId, QString(), QString()}, c));
        QCOMPARE(cli({QStringLiteral("TTL"), QStringLiteral("s")}), QByteArray("-1"));
        QVERIFY(
            KeyEditWorkflow::undo(*session, {persisted.value().runId, QString(), QString()}, c));
        QVERIFY(cli({QStringLiteral("TTL"), QStringLiteral("h")}).toLongLong() > 4900);
    }

    void writeRule()
    {
        auto readOnly = open(false, ConnectionProfile::Environment::Prod, true);
        const WorkflowContext c = context();
        auto refused = KeyEditWorkflow::apply(*readOnly, edit({"s"}, {{"SADD", "s", "new"}}), c);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("read-only"));
        auto prod = open(false, ConnectionProfile::Environment::Prod);
        auto unnamed = KeyEditWorkflow::apply(*prod, edit({"s"}, {{"SADD", "s", "new"}}), c);
        QVERIFY(!unnamed);
        QCOMPARE(unnamed.error().code, QStringLiteral("prod-not-confirmed"));
        QCOMPARE(cli({QStringLiteral("SISMEMBER"), QStringLiteral("s"), QStringLiteral("new")}),
                 QByteArray("0"));
        KeyEditWorkflow::Edit named = edit({"s"}, {{"SADD", "s", "new"}});
        named.confirmation = QStringLiteral("prod-eu");
        QVERIFY(KeyEditWorkflow::apply(*prod, named, c));
        QCOMPARE(cli({QStringLiteral("SISMEMBER"), QStringLiteral("s"), QStringLiteral("new")}),
                 QByteArray("1"));
        QVERIFY(Journal::listRuns(c.paths).size() == 1); // the refusals journaled nothing
    }

    void refusedCommandFailsTheRun()
    {
        auto session = open(false);
        const WorkflowContext c = context();
        auto wrong = KeyEditWorkflow::apply(*session, edit({"h"}, {{"LPUSH", "h", "v"}}), c);
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().message.contains(QLatin1String("WRONGTYPE")),
                 qPrintable(wrong.error().message));
        const auto runs = Journal::listRuns(c.paths);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().state, JournalRun::State::Failed);
    }
};

QTEST_GUILESS_MAIN(TestKeyEditWorkflow)
#include "tst_keyeditworkflow.moc"
