// EntityWriteWorkflow against a real redis-server and a real folder: the write rule is checked
// inside (read-only first, then PROD's typed name), a write is one journaled run with its audit
// line, an unchanged value writes nothing, and undo puts back what was there or refuses (with
// the next step as data) when the key changed since.
#include "jobs/auditlog.h"
#include "jobs/journal.h"
#include "redisserver.h"
#include "testtree.h"
#include "workflows/entitywriteworkflow.h"
#include "workflows/targetsession.h"

#include <QFile>
#include <QtTest>

using namespace pmkv;

namespace {

const QString kKey = QStringLiteral("pm:project:alpha");

} // namespace

class TestEntityWriteWorkflow final : public QObject
{
    Q_OBJECT

private:
    test::RedisServer m_redis;
    test::TestTree m_dir;
    int m_jobs = 0;

    std::unique_ptr<TargetSession> open(ConnectionProfile::Environment env, bool readOnly)
    {
        ConnectionProfile p;
        p.name = QStringLiteral("prod-eu");
        p.kind = ConnectionProfile::Kind::Redis;
        p.address = m_redis.url();
        p.environment = env;
        p.readOnly = readOnly;
        auto session = TargetSession::open(p);
        return session ? std::move(session).value() : nullptr;
    }
    WorkflowContext context()
    {
        WorkflowContext c;
        c.paths = JobPaths(m_dir.path(QStringLiteral("jobs%1").arg(++m_jobs)));
        c.frontEnd = QStringLiteral("pmkv-studio");
        return c;
    }
    QByteArray get() const { return m_redis.cli({QStringLiteral("GET"), kKey}).trimmed(); }
    static qsizetype auditLines(const WorkflowContext& c)
    {
        auto lines = AuditLog(c.paths.auditLogPath()).read();
        return lines ? lines.value().size() : 0;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString())); }
    void init()
    {
        m_redis.cli({QStringLiteral("FLUSHALL")});
        m_redis.cli({QStringLiteral("SET"), kKey, QStringLiteral("{\"name\":\"Alpha\"}")});
    }

    void prodNeedsItsName()
    {
        auto session = open(ConnectionProfile::Environment::Prod, false);
        QVERIFY(session);
        const WorkflowContext c = context();
        EntityWriteWorkflow::Write w{kKey, "{\"name\":\"Beta\"}", QStringLiteral("studio-edit"),
                                     QString()};
        auto refused = EntityWriteWorkflow::write(*session, w, c);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("prod-not-confirmed"));
        QCOMPARE(refused.error().next.action, NextStep::Action::ConfirmProd);
        QCOMPARE(refused.error().next.detail, QStringLiteral("prod-eu"));
        QCOMPARE(get(), QByteArray("{\"name\":\"Alpha\"}"));
        QVERIFY(Journal::listRuns(c.paths).isEmpty());
        QCOMPARE(auditLines(c), 0);

        w.confirmation = QStringLiteral("prod-eu");
        auto written = EntityWriteWorkflow::write(*session, w, c);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        QVERIFY(!written.value().unchanged);
        QCOMPARE(get(), QByteArray("{\"name\":\"Beta\"}"));
        QCOMPARE(Journal::listRuns(c.paths).size(), 1);
        const auto lines = AuditLog(c.paths.auditLogPath()).read().value();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().value(QStringLiteral("operation")).toString(),
                 QStringLiteral("studio-edit"));
        QCOMPARE(lines.first().value(QStringLiteral("via")).toString(),
                 QStringLiteral("pmkv-studio"));
        QCOMPARE(lines.first().value(QStringLiteral("location")).toString(), kKey);

        // Undo passes the rule too.
        EntityWriteWorkflow::Undo u{kKey, written.value().runId, QStringLiteral("studio-undo"),
                                    QString()};
        auto undoRefused = EntityWriteWorkflow::undo(*session, u, c);
        QVERIFY(!undoRefused);
        QCOMPARE(undoRefused.error().next.action, NextStep::Action::ConfirmProd);
        QCOMPARE(get(), QByteArray("{\"name\":\"Beta\"}"));
        u.confirmation = QStringLiteral("prod-eu");
        auto undone = EntityWriteWorkflow::undo(*session, u, c);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));
        QCOMPARE(get(), QByteArray("{\"name\":\"Alpha\"}"));
        QCOMPARE(auditLines(c), 2);
    }

    void readOnlyIsRefusedWhateverIsTyped()
    {
        auto session = open(ConnectionProfile::Environment::Prod, true);
        QVERIFY(session);
        const WorkflowContext c = context();
        EntityWriteWorkflow::Write w{kKey, "{}", QStringLiteral("studio-copy"),
                                     QStringLiteral("prod-eu")};
        auto refused = EntityWriteWorkflow::write(*session, w, c);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("read-only"));
        QVERIFY(refused.error().next.isNone());
        w.confirmation.clear();
        QCOMPARE(EntityWriteWorkflow::write(*session, w, c).error().code,
                 QStringLiteral("read-only"));
        QCOMPARE(get(), QByteArray("{\"name\":\"Alpha\"}"));
    }

    // A new entity joins its list in the same run (one undo takes both back); a list that is
    // not an array refuses the whole write.
    void joinsListsInOneRun()
    {
        auto session = open(ConnectionProfile::Environment::Dev, false);
        QVERIFY(session);
        const WorkflowContext c = context();
        const QString list = QStringLiteral("pm:project:alpha:epics:list");
        const QString epic = QStringLiteral("pm:project:alpha:epic:b");
        m_redis.cli({QStringLiteral("SET"), list, QStringLiteral(R"(["a","c","z"])")});
        EntityWriteWorkflow::Write w;
        w.location = epic;
        w.value = R"({"id":"b"})";
        w.operation = QStringLiteral("studio-copy");
        w.joins = {{list,
                    QStringLiteral("b"),
                    {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}}};
        auto written = EntityWriteWorkflow::write(*session, w, c);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        auto listNow = [&] { return m_redis.cli({QStringLiteral("GET"), list}).trimmed(); };
        QCOMPARE(listNow(), QByteArray(R"(["a","b","c","z"])"));
        QCOMPARE(m_redis.cli({QStringLiteral("GET"), epic}).trimmed(), QByteArray(R"({"id":"b"})"));
        QCOMPARE(Journal::listRuns(c.paths).size(), 1);
        // Written again: listed already, nothing to do.
        QVERIFY(EntityWriteWorkflow::write(*session, w, c).value().unchanged);
        EntityWriteWorkflow::Undo u{epic, written.value().runId, QStringLiteral("studio-undo"),
                                    QString()};
        QVERIFY(EntityWriteWorkflow::undo(*session, u, c));
        QCOMPARE(listNow(), QByteArray(R"(["a","c","z"])"));
        QCOMPARE(m_redis.cli({QStringLiteral("EXISTS"), epic}).trimmed(), QByteArray("0"));

        m_redis.cli({QStringLiteral("SET"), list, QStringLiteral("oops")});
        auto refused = EntityWriteWorkflow::write(*session, w, c);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("list-not-array"));
        QCOMPARE(m_redis.cli({QStringLiteral("EXISTS"), epic}).trimmed(), QByteArray("0"));
    }

    void unchangedWritesNothing()
    {
        auto session = open(ConnectionProfile::Environment::Dev, false);
        const WorkflowContext c = context();
        auto same = EntityWriteWorkflow::write(
            *session, {kKey, "{\"name\":\"Alpha\"}", QStringLiteral("studio-copy"), QString()}, c);
        QVERIFY(same);
        QVERIFY(same.value().unchanged);
        QVERIFY(Journal::listRuns(c.paths).isEmpty());
    }

    void undoRefusesAChangedKey()
    {
        auto session = open(ConnectionProfile::Environment::Dev, false);
        const WorkflowContext c = context();
        auto written = EntityWriteWorkflow::write(
            *session, {kKey, "{\"name\":\"Beta\"}", QStringLiteral("studio-copy"), QString()}, c);
        QVERIFY(written);
        m_redis.cli({QStringLiteral("SET"), kKey, QStringLiteral("{\"name\":\"Gamma\"}")});
        auto refused = EntityWriteWorkflow::undo(
            *session, {kKey, written.value().runId, QStringLiteral("studio-undo"), QString()}, c);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("undo-conflict"));
        QCOMPARE(refused.error().next.action, NextStep::Action::RollbackForce);
        QCOMPARE(refused.error().next.runId, written.value().runId);
        QVERIFY2(!refused.error().message.contains(QStringLiteral("--")),
                 qPrintable(refused.error().message));
        QCOMPARE(get(), QByteArray("{\"name\":\"Gamma\"}"));
        const auto lines = AuditLog(c.paths.auditLogPath()).read().value();
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.last().contains(QStringLiteral("refused")));
    }

    // A folder needs no rule: files are the user's own.
    void writesAndUndoesAFile()
    {
        m_dir.write(QStringLiteral("pm/alpha/project.json"), "{\n  \"name\": \"Alpha\"\n}");
        const QString root = m_dir.path(QStringLiteral("pm"));
        const WorkflowContext c = context();
        auto written = EntityWriteWorkflow::write(
            root,
            {QStringLiteral("alpha/project.json"), "{\n  \"name\": \"Beta\"\n}",
             QStringLiteral("studio-copy-to-file"), QString()},
            c);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        QFile f(m_dir.path(QStringLiteral("pm/alpha/project.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("Beta"));
        f.close();
        auto undone =
            EntityWriteWorkflow::undo(root,
                                      {QStringLiteral("alpha/project.json"), written.value().runId,
                                       QStringLiteral("studio-undo"), QString()},
                                      c);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{\n  \"name\": \"Alpha\"\n}"));
    }
};

QTEST_GUILESS_MAIN(TestEntityWriteWorkflow)
#include "tst_entitywriteworkflow.moc"
