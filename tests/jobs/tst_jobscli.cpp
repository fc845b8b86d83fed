// The `pmkv` job commands end to end: the real binary against a real redis-server, and
// through the real pmkv-proxy with --url and PMKV_TOKEN.
#include "generate/treegenerator.h"
#include "jobfixture.h"
#include "pmkvrun.h"
#include "testtree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace pmkv;
using namespace pmkv::test;

namespace {

const QString kToken = QStringLiteral("jobs-test-token");

using Run = PmkvRun;

} // namespace

class TestJobsCli final : public QObject
{
    Q_OBJECT

    RedisServer m_redis;
    ProxyProcess m_proxy;
    TestTree m_dir;
    QString m_root;
    QString m_state;

    Run pmkv(QStringList args, bool withState = true)
    {
        if (withState)
            args << QStringLiteral("--state-dir") << m_state;
        return runPmkv(args, {{QStringLiteral("PMKV_TOKEN"), kToken}});
    }
    QStringList redis() const { return {QStringLiteral("--redis"), m_redis.url()}; }
    // One project, one epic, `stories` stories, at `name` in the test folder; empty on failure.
    QString smallTree(const QString& name, int stories)
    {
        const QString root = m_dir.path(name);
        TreeGenerator::Options options;
        options.projects = 1;
        options.epicsPerProject = 1;
        options.storiesPerEpic = stories;
        return TreeGenerator::generate(root, options).ok() ? root : QString();
    }
    QStringList proxy() const { return {QStringLiteral("--url"), m_proxy.url()}; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
        QVERIFY2(m_proxy.start(m_redis), qPrintable(m_proxy.errorString()));
        m_root = m_dir.path(QStringLiteral("pm"));
        m_state = m_dir.path(QStringLiteral("state"));
        TreeGenerator::Options options;
        options.epicsPerProject = 2;
        options.storiesPerEpic = 5;
        QVERIFY(TreeGenerator::generate(m_root, options).ok());
    }

    void everyCommandHasHelpWithExamples_data()
    {
        QTest::addColumn<QString>("command");
        for (const char* c :
             {"plan", "migrate", "validate", "rollback", "status", "audit", "snapshot", "archive"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }

    void everyCommandHasHelpWithExamples()
    {
        QFETCH(QString, command);
        const Run run = pmkv({command, QStringLiteral("--help")}, false);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Examples:"));
        QVERIFY(run.out.contains("Exit codes"));
    }

    void usageErrors()
    {
        QCOMPARE(pmkv({QStringLiteral("migrate")}).exitCode, 64);
        QCOMPARE(pmkv(QStringList{QStringLiteral("migrate"), m_root, QStringLiteral("--policy"),
                                  QStringLiteral("sometimes")} +
                      redis())
                     .exitCode,
                 64);
        QCOMPARE(pmkv(QStringList{QStringLiteral("rollback")} + redis()).exitCode, 64);
        // Issue #21 item 10: a missing (or doubled) key space is a wrong command line, 64.
        const Run noTarget = pmkv({QStringLiteral("plan"), m_root});
        QCOMPARE(noTarget.exitCode, 64);
        QVERIFY(noTarget.err.contains("--redis"));
        QCOMPARE(pmkv(QStringList{QStringLiteral("validate"), m_root} + redis() + proxy()).exitCode,
                 64);
    }

    void planMigrateValidateRollback()
    {
        const Run plan =
            pmkv(QStringList{QStringLiteral("plan"), m_root, QStringLiteral("--json")} + redis());
        QCOMPARE(plan.exitCode, 0);
        const QJsonObject p = plan.json();
        const int keys =
            p.value(QStringLiteral("counts")).toObject().value(QStringLiteral("create")).toInt();
        QVERIFY(keys > 10);
        const QString planFile = p.value(QStringLiteral("planFile")).toString();
        QVERIFY(QFile::exists(planFile));

        // Execute the saved plan through the proxy: refused, it was made against Redis directly.
        const Run other = pmkv(
            QStringList{QStringLiteral("migrate"), QStringLiteral("--plan"), planFile} + proxy());
        QCOMPARE(other.exitCode, 2);
        QVERIFY(other.err.contains("not"));

        const Run migrate = pmkv(QStringList{QStringLiteral("migrate"), QStringLiteral("--plan"),
                                             planFile, QStringLiteral("--json")} +
                                 redis());
        QVERIFY2(migrate.exitCode == 0, migrate.err.constData());
        const QJsonObject m = migrate.json().value(QStringLiteral("migration")).toObject();
        QCOMPARE(m.value(QStringLiteral("written")).toInt(), keys);
        QVERIFY(QFile::exists(migrate.json().value(QStringLiteral("report")).toString()));

        // Validate through the proxy (--url, token from PMKV_TOKEN).
        const Run clean = pmkv(
            QStringList{QStringLiteral("validate"), m_root, QStringLiteral("--json")} + proxy());
        QVERIFY2(clean.exitCode == 0, clean.err.constData());
        const QJsonObject v = clean.json().value(QStringLiteral("validation")).toObject();
        QCOMPARE(v.value(QStringLiteral("counts")).toObject().value(QStringLiteral("same")).toInt(),
                 keys);
        const QString md = clean.json().value(QStringLiteral("report")).toString();
        QVERIFY(md.endsWith(QStringLiteral(".md")));

        m_redis.cli(
            {QStringLiteral("SET"), QStringLiteral("pm:project:ghost"), QStringLiteral("{}")});
        const Run dirty = pmkv(QStringList{QStringLiteral("validate"), m_root} + redis());
        QCOMPARE(dirty.exitCode, 1);
        QVERIFY(dirty.out.contains("only-kv"));
        const Run sampled =
            pmkv(QStringList{QStringLiteral("validate"), m_root, QStringLiteral("--sample"),
                             QStringLiteral("3"), QStringLiteral("--json")} +
                 redis());
        QCOMPARE(sampled.json()
                     .value(QStringLiteral("validation"))
                     .toObject()
                     .value(QStringLiteral("checkedKeys"))
                     .toInt(),
                 3);
        m_redis.cli({QStringLiteral("DEL"), QStringLiteral("pm:project:ghost")});

        const Run status =
            pmkv(QStringList{QStringLiteral("status"), m_root, QStringLiteral("--json")} + redis());
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(status.json().value(QStringLiteral("phase")).toInt(), 4); // no backup yet

        const Run preview =
            pmkv(QStringList{QStringLiteral("rollback"), QStringLiteral("--last"),
                             QStringLiteral("--dry-run"), QStringLiteral("--json")} +
                 redis());
        QCOMPARE(preview.exitCode, 0);
        QCOMPARE(preview.json().value(QStringLiteral("delete")).toInt(), keys);
        QCOMPARE(m_redis.cli({QStringLiteral("DBSIZE")}).toInt(), keys);
        const Run rollback =
            pmkv(QStringList{QStringLiteral("rollback"), QStringLiteral("--last")} + proxy());
        QCOMPARE(rollback.exitCode, 2); // the run wrote to Redis directly, not the proxy
        const Run undone =
            pmkv(QStringList{QStringLiteral("rollback"), QStringLiteral("--last")} + redis());
        QVERIFY2(undone.exitCode == 0, undone.err.constData());
        QCOMPARE(m_redis.cli({QStringLiteral("DBSIZE")}).toInt(), 0);

        // The audit log names every write, never the token.
        const Run audit = pmkv({QStringLiteral("audit"), QStringLiteral("--json")});
        QCOMPARE(audit.exitCode, 0);
        QStringList operations;
        for (const QJsonValue& line : QJsonDocument::fromJson(audit.out).array())
            operations << line.toObject().value(QStringLiteral("operation")).toString();
        QVERIFY(operations.contains(QStringLiteral("migrate")));
        QVERIFY(operations.contains(QStringLiteral("rollback")));
        QFile log(m_state + QStringLiteral("/audit.jsonl"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains(kToken.toUtf8()));
    }

    void migrateThroughProxyAndConflicts()
    {
        m_redis.cli({QStringLiteral("FLUSHALL")});
        const Run first = pmkv(QStringList{QStringLiteral("migrate"), m_root} + proxy());
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QString story;
        for (const QByteArray& k :
             m_redis.cli({QStringLiteral("KEYS"), QStringLiteral("pm:*:story:*")}).split('\n')) {
            story = QString::fromUtf8(k.trimmed());
            break;
        }
        m_redis.cli({QStringLiteral("SET"), story, QStringLiteral("{\"edited\":true}")});
        const Run dry = pmkv(
            QStringList{QStringLiteral("migrate"), m_root, QStringLiteral("--dry-run")} + proxy());
        QCOMPARE(dry.exitCode, 1);
        QVERIFY(dry.out.contains("conflict 1"));
        const Run refused = pmkv(QStringList{QStringLiteral("migrate"), m_root} + proxy());
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains("conflict"));
        const Run overwrite =
            pmkv(QStringList{QStringLiteral("migrate"), m_root, QStringLiteral("--policy"),
                             QStringLiteral("overwrite"), QStringLiteral("--json")} +
                 proxy());
        QVERIFY2(overwrite.exitCode == 0, overwrite.err.constData());
        QCOMPARE(overwrite.json()
                     .value(QStringLiteral("migration"))
                     .toObject()
                     .value(QStringLiteral("written"))
                     .toInt(),
                 1);
        const Run rollback =
            pmkv(QStringList{QStringLiteral("rollback"), QStringLiteral("--last")} + proxy());
        QVERIFY2(rollback.exitCode == 0, rollback.err.constData());
        QCOMPARE(m_redis.cli({QStringLiteral("GET"), story}), QByteArray("{\"edited\":true}"));
    }

    void snapshotAndArchive()
    {
        m_redis.cli({QStringLiteral("FLUSHALL")});
        QCOMPARE(pmkv(QStringList{QStringLiteral("migrate"), m_root} + redis()).exitCode, 0);
        const QString snap = m_dir.path(QStringLiteral("kv.ndjson"));
        const Run taken = pmkv(QStringList{QStringLiteral("snapshot"), QStringLiteral("-o"), snap,
                                           QStringLiteral("--json")} +
                               redis());
        QCOMPARE(taken.exitCode, 0);
        const int keys = taken.json().value(QStringLiteral("keys")).toInt();
        QVERIFY(keys > 10);
        m_redis.cli({QStringLiteral("FLUSHALL")});
        const Run restored = pmkv(
            QStringList{QStringLiteral("snapshot"), QStringLiteral("--restore"), snap} + proxy());
        QVERIFY2(restored.exitCode == 0, restored.err.constData());
        QCOMPARE(m_redis.cli({QStringLiteral("DBSIZE")}).toInt(), keys);

        const Run notYet = pmkv(QStringList{QStringLiteral("archive"), m_root} + redis());
        QCOMPARE(notYet.exitCode, 1);
        QVERIFY(notYet.out.contains("[FAIL] backup"));
        QVERIFY(QFileInfo(m_root).isDir());
        QCOMPARE(pmkv({QStringLiteral("backup"), m_root}).exitCode, 0);
        const Run archived = pmkv(QStringList{QStringLiteral("archive"), m_root} + redis());
        QVERIFY2(archived.exitCode == 0, archived.out.constData());
        QVERIFY(!QFileInfo::exists(m_root));
        QVERIFY(QFileInfo(m_root + QStringLiteral("-backup")).isDir());
        const Run status =
            pmkv(QStringList{QStringLiteral("status"), m_root, QStringLiteral("--json")});
        QCOMPARE(status.json().value(QStringLiteral("phase")).toInt(), 6);
        QCOMPARE(pmkv({QStringLiteral("archive"), QStringLiteral("--undo")}).exitCode, 0);
        QVERIFY(QFileInfo(m_root).isDir());
    }

    // A journal file that cannot be read is shown by `pmkv status`, with its path and why,
    // and the status exits with warnings: it may be a run that did not finish.
    void statusNamesAJournalItCannotRead()
    {
        const QString state = m_dir.path(QStringLiteral("state-damaged"));
        QVERIFY(QDir().mkpath(state + QStringLiteral("/runs")));
        const QString damaged =
            state + QStringLiteral("/runs/20260101T000000000Z-migrate-0000.sqlite");
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        const QStringList args{QStringLiteral("status"), m_root, QStringLiteral("--state-dir"),
                               state};
        const Run text = pmkv(args, false);
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains("unreadable") && text.out.contains(damaged.toUtf8()),
                 text.out.constData());
        const Run json = pmkv(args + QStringList{QStringLiteral("--json")}, false);
        QCOMPARE(json.exitCode, 1);
        const QJsonArray unreadable =
            json.json().value(QStringLiteral("unreadableJournals")).toArray();
        QCOMPARE(unreadable.size(), 1);
        QVERIFY(unreadable.first()
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(damaged));
    }

    // A migration's journal that cannot be read may be of a run that did not finish, on any
    // target (its target is in the journal): a new run is refused naming the file, with its
    // code and file as data in --json, and nothing is written. `rollback --last` is refused
    // while a journal newer than the run it would undo cannot be read, and names the older
    // ones it passes over. A journal whose name says it is not a migration's does not stop
    // a migration.
    void unreadableJournalsStopANewRunAndTheLastRollback()
    {
        const QString state = m_dir.path(QStringLiteral("state-unreadable"));
        const QString tree = smallTree(QStringLiteral("pm-unreadable"), 3);
        QVERIFY(!tree.isEmpty());
        QVERIFY(QDir().mkpath(state + QStringLiteral("/runs")));
        auto damage = [](const QString& path) {
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return false;
            file.write(QByteArray(8192, 'x'));
            return true;
        };
        const QString migrateRun = QStringLiteral("29990101T000000000Z-migrate-0001");
        const QString damaged =
            state + QStringLiteral("/runs/") + migrateRun + QStringLiteral(".sqlite");
        const QString olderSync =
            state + QStringLiteral("/runs/20200101T000000000Z-sync-0002.sqlite");
        QVERIFY(damage(damaged));
        QVERIFY(damage(olderSync));
        const QStringList where = QStringList{QStringLiteral("--state-dir"), state} + redis();
        const QStringList target =
            QStringList{QStringLiteral("--prefix"), QStringLiteral("unreadable")} + where;
        const auto keys = [this] {
            const QByteArray listed =
                m_redis.cli({QStringLiteral("KEYS"), QStringLiteral("unreadable:*")}).trimmed();
            return listed.isEmpty() ? 0 : int(listed.split('\n').size());
        };

        const Run text = pmkv(QStringList{QStringLiteral("migrate"), tree} + target, false);
        QCOMPARE(text.exitCode, 2);
        QVERIFY2(text.err.contains(damaged.toUtf8()) && text.err.contains("move it out"),
                 text.err.constData());
        const Run json = pmkv(
            QStringList{QStringLiteral("migrate"), tree, QStringLiteral("--json")} + target, false);
        QCOMPARE(json.exitCode, 2);
        const QJsonObject error = json.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(),
                 QStringLiteral("migrate.unreadableJournal"));
        const QJsonObject next = error.value(QStringLiteral("nextStep")).toObject();
        QCOMPARE(next.value(QStringLiteral("path")).toString(), damaged);
        QCOMPARE(next.value(QStringLiteral("runId")).toString(), migrateRun);
        QCOMPARE(keys(), 0);
        // Nothing readable to resume: the journal that may be one is named, not "none".
        const Run resume = pmkv(
            QStringList{QStringLiteral("migrate"), QStringLiteral("--resume")} + target, false);
        QCOMPARE(resume.exitCode, 2);
        QVERIFY2(resume.err.contains(damaged.toUtf8()), resume.err.constData());

        // Moved aside (no longer *.sqlite): the migration runs; the sync journal never stopped it.
        QVERIFY(QFile::rename(damaged, damaged + QStringLiteral(".broken")));
        const Run migrated = pmkv(QStringList{QStringLiteral("migrate"), tree} + target, false);
        QVERIFY2(migrated.exitCode == 0, migrated.err.constData());
        QVERIFY(keys() > 3);

        // A newer migration journal that cannot be read: --last cannot tell the last run.
        QVERIFY(QFile::rename(damaged + QStringLiteral(".broken"), damaged));
        const Run refused = pmkv(QStringList{QStringLiteral("rollback"), QStringLiteral("--last"),
                                             QStringLiteral("--json")} +
                                     where,
                                 false);
        QCOMPARE(refused.exitCode, 2);
        const QJsonObject why = refused.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(why.value(QStringLiteral("code")).toString(),
                 QStringLiteral("rollback.unreadableJournal"));
        QCOMPARE(why.value(QStringLiteral("nextStep")).toObject().value(QStringLiteral("path")),
                 QJsonValue(damaged));
        QVERIFY(keys() > 3);

        // Only the older sync journal left unreadable: --last undoes the migration, naming it.
        QVERIFY(QFile::remove(damaged));
        const Run undone =
            pmkv(QStringList{QStringLiteral("rollback"), QStringLiteral("--last")} + where, false);
        QVERIFY2(undone.exitCode == 0, undone.err.constData());
        QVERIFY2(undone.err.contains(olderSync.toUtf8()), undone.err.constData());
        QCOMPARE(keys(), 0);
    }

    // Issue #21 item 11: journals, plans, reports and snapshots hold whole values; they are
    // their owner's only (files 0600, folders 0700), as the token file is.
    void stateFilesAreOwnerOnly()
    {
        QCOMPARE(pmkv(QStringList{QStringLiteral("snapshot")} + redis()).exitCode, 0);
        QStringList kinds;
        QDirIterator it(m_state, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo info(it.next());
            const QFileDevice::Permissions other =
                QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
            QVERIFY2(!(info.permissions() & other), qPrintable(info.filePath()));
            kinds
                << QDir(m_state).relativeFilePath(info.filePath()).section(QLatin1Char('/'), 0, 0);
        }
        for (const char* folder : {"runs", "plans", "reports", "snapshots"})
            QVERIFY2(kinds.contains(QLatin1String(folder)), qPrintable(kinds.join(u' ')));
        QVERIFY(!(QFileInfo(m_state).permissions() &
                  (QFileDevice::ReadOther | QFileDevice::ReadGroup)));
        // A snapshot written where the user asked is private too.
        QVERIFY(!(QFileInfo(m_dir.path(QStringLiteral("kv.ndjson"))).permissions() &
                  QFileDevice::ReadOther));
    }

    // Issue #21 item 10: `rollback --last` with no run to undo is "nothing to do" (its help
    // says 0), and needs no key space to say so.
    void rollbackLastWithNothingToUndo()
    {
        const QString empty = m_dir.path(QStringLiteral("empty-state"));
        const Run none = runPmkv(QStringList{QStringLiteral("rollback"), QStringLiteral("--last"),
                                             QStringLiteral("--state-dir"), empty} +
                                 redis());
        QVERIFY2(none.exitCode == 0, none.err.constData());
        QVERIFY(none.out.contains("nothing to do"));
        const Run json = runPmkv({QStringLiteral("rollback"), QStringLiteral("--last"),
                                  QStringLiteral("--json"), QStringLiteral("--state-dir"), empty});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json().value(QStringLiteral("applied")).toBool(true), false);
    }

    // Issue #21 item 1: `snapshot --restore` refuses keys outside the layout's prefix unless
    // asked (--outside-prefix), and says how to ask.
    void snapshotRestoreOutsideThePrefix()
    {
        m_redis.cli({QStringLiteral("FLUSHALL")});
        m_redis.cli(
            {QStringLiteral("SET"), QStringLiteral("other:project:x"), QStringLiteral("{}")});
        const QString snap = m_dir.path(QStringLiteral("other.ndjson"));
        QCOMPARE(pmkv(QStringList{QStringLiteral("snapshot"), QStringLiteral("--prefix"),
                                  QStringLiteral("other"), QStringLiteral("-o"), snap} +
                      redis())
                     .exitCode,
                 0);
        m_redis.cli({QStringLiteral("FLUSHALL")});
        const Run refused = pmkv(
            QStringList{QStringLiteral("snapshot"), QStringLiteral("--restore"), snap} + redis());
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("--outside-prefix"), refused.err.constData());
        QCOMPARE(m_redis.cli({QStringLiteral("DBSIZE")}).toInt(), 0);
        const Run asked = pmkv(QStringList{QStringLiteral("snapshot"), QStringLiteral("--restore"),
                                           snap, QStringLiteral("--outside-prefix")} +
                               redis());
        QVERIFY2(asked.exitCode == 0, asked.err.constData());
        QCOMPARE(m_redis.cli({QStringLiteral("GET"), QStringLiteral("other:project:x")}),
                 QByteArray("{}"));
        m_redis.cli({QStringLiteral("FLUSHALL")});
    }

    // Issue #21 item 10: `redis://user:pass@host`, as every --help shows it, logs in (it was
    // refused: "the address holds credentials"), and the password is never printed.
    void redisAddressWithPassword()
    {
        RedisServer secured;
        secured.setExtraArguments({QStringLiteral("--requirepass"), QStringLiteral("pw-21")});
        QVERIFY2(secured.start(), qPrintable(secured.errorString()));
        const QString snap = m_dir.path(QStringLiteral("secured.ndjson"));
        const QString address =
            QStringLiteral("redis://default:pw-21@127.0.0.1:%1").arg(secured.port());
        const Run in = pmkv({QStringLiteral("snapshot"), QStringLiteral("--redis"), address,
                             QStringLiteral("-o"), snap, QStringLiteral("--json")});
        QVERIFY2(in.exitCode == 0, in.err.constData());
        QVERIFY(!in.out.contains("pw-21") && !in.err.contains("pw-21"));
        const Run noUser =
            pmkv({QStringLiteral("snapshot"), QStringLiteral("--redis"),
                  QStringLiteral("redis://:pw-21@127.0.0.1:%1").arg(secured.port()),
                  QStringLiteral("-o"), m_dir.path(QStringLiteral("secured2.ndjson"))});
        QVERIFY2(noUser.exitCode == 0, noUser.err.constData());
        const Run wrong =
            pmkv({QStringLiteral("snapshot"), QStringLiteral("--redis"),
                  QStringLiteral("redis://default:not-it@127.0.0.1:%1").arg(secured.port()),
                  QStringLiteral("-o"), m_dir.path(QStringLiteral("secured3.ndjson"))});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY(!wrong.err.contains("not-it"));
    }

    // Issue #21 item 4: a backup that could not take an entry (a link, not followed) is not
    // "verified": exit 1, and the entry is listed.
    void backupThatMissesAnEntryIsNotVerified()
    {
        const QString root = smallTree(QStringLiteral("linked/pm"), 1);
        QVERIFY(!root.isEmpty());
        QFile outside(m_dir.path(QStringLiteral("linked/outside.json")));
        QVERIFY(outside.open(QIODevice::WriteOnly));
        outside.write("{}");
        outside.close();
        QVERIFY(QFile::link(outside.fileName(), root + QStringLiteral("/notes.json")));
        const QString out = m_dir.path(QStringLiteral("linked/backups"));
        QVERIFY(QDir().mkpath(out));
        const Run text = pmkv({QStringLiteral("backup"), root, QStringLiteral("-o"),
                               out + QStringLiteral("/first.tar.gz")});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(!text.err.contains("verified"), text.err.constData());
        QVERIFY(text.err.contains("not taken: notes.json"));
        const Run json = pmkv({QStringLiteral("backup"), root, QStringLiteral("-o"),
                               out + QStringLiteral("/second.tar.gz"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        QCOMPARE(json.json().value(QStringLiteral("complete")).toBool(true), false);
        QCOMPARE(json.json().value(QStringLiteral("skipped")).toArray().size(), 1);
        // Without the link the same folder backs up clean.
        QVERIFY(QFile::remove(root + QStringLiteral("/notes.json")));
        const Run clean = pmkv({QStringLiteral("backup"), root, QStringLiteral("-o"),
                                out + QStringLiteral("/third.tar.gz")});
        QVERIFY2(clean.exitCode == 0, clean.err.constData());
        QVERIFY(clean.err.contains("verified"));
    }

    // Issue #21 item 10: a migration that left a broken file out said only "N keys written"
    // and exited 2 as if resumable; validate exited 2 with an all-equal table. Both name the
    // file now, and migrate says there is nothing to resume.
    void brokenFileIsNamed()
    {
        m_redis.cli({QStringLiteral("FLUSHALL")});
        const QString root = smallTree(QStringLiteral("broken/pm"), 3);
        QVERIFY(!root.isEmpty());
        const QString state = m_dir.path(QStringLiteral("broken/state"));
        QString story;
        QDirIterator it(root, {QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext() && story.isEmpty()) {
            const QString file = it.next();
            if (!file.endsWith(QLatin1String("/project.json")) &&
                !file.endsWith(QLatin1String("/epic.json")))
                story = file;
        }
        QVERIFY(!story.isEmpty());
        QFile broken(story);
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("{ \"id\": ");
        broken.close();
        const QByteArray name = QFileInfo(story).fileName().toUtf8();
        const QStringList withState{QStringLiteral("--state-dir"), state};

        const Run migrate =
            pmkv(QStringList{QStringLiteral("migrate"), root} + redis() + withState, false);
        QCOMPARE(migrate.exitCode, 2);
        QVERIFY2(migrate.out.contains(name), migrate.out.constData());
        QVERIFY2(migrate.out.contains("nothing to resume"), migrate.out.constData());
        QVERIFY(m_redis.cli({QStringLiteral("DBSIZE")}).toInt() > 0);

        const Run validate =
            pmkv(QStringList{QStringLiteral("validate"), root} + redis() + withState, false);
        QCOMPARE(validate.exitCode, 2);
        QVERIFY2(validate.out.contains(name), validate.out.constData());
        m_redis.cli({QStringLiteral("FLUSHALL")});
    }
};

QTEST_GUILESS_MAIN(TestJobsCli)
#include "tst_jobscli.moc"
