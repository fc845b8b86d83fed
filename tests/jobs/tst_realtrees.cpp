// A tree shaped like the ones teams really have (`pmkv generate --quirks`: every manager
// unknown, so each file carries a warning) through the whole cycle, as a user runs it with the
// real `pmkv`, against Redis directly and through the real pmkv-proxy (issue #20): file
// warnings never block a migration that wrote everything; status knows the archive; a backup
// goes into a folder that does not exist yet; one problem on many files prints as one line.
#include "generate/treegenerator.h"
#include "jobfixture.h"
#include "pmkvrun.h"
#include "testtree.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace pmkv;
using namespace pmkv::test;

namespace {

const QString kToken = QStringLiteral("jobs-test-token");
const QByteArray kUnknownPersonGroup = "warning [ref.unknown-person] ";

QString text(const PmkvRun& run)
{
    return QString::fromUtf8(run.out + run.err);
}

// Lines of `output` that contain `needle`.
int linesWith(const QByteArray& output, const QByteArray& needle)
{
    int n = 0;
    for (const QByteArray& line : output.split('\n'))
        n += line.contains(needle) ? 1 : 0;
    return n;
}

} // namespace

class TestRealTrees final : public QObject
{
    Q_OBJECT

    RedisServer m_redis;
    ProxyProcess m_proxy;

    static PmkvRun pmkv(const QStringList& args)
    {
        return runPmkv(args, {{QStringLiteral("PMKV_TOKEN"), kToken}});
    }
    QStringList target(const QString& transport) const
    {
        return transport == QLatin1String("proxy")
                   ? QStringList{QStringLiteral("--url"), m_proxy.url()}
                   : QStringList{QStringLiteral("--redis"), m_redis.url()};
    }
    static QString generate(const TestTree& dir)
    {
        const QString root = dir.path(QStringLiteral("pm"));
        const PmkvRun gen =
            pmkv({QStringLiteral("generate"), root, QStringLiteral("--quirks"),
                  QStringLiteral("--projects"), QStringLiteral("2"), QStringLiteral("--epics"),
                  QStringLiteral("3"), QStringLiteral("--stories"), QStringLiteral("4")});
        return gen.exitCode == 0 ? root : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
        QVERIFY2(m_proxy.start(m_redis), qPrintable(m_proxy.errorString()));
    }

    void scanGroupsOneProblemOnManyFiles()
    {
        TestTree dir;
        const QString root = generate(dir);
        QVERIFY(!root.isEmpty());
        const PmkvRun scan = pmkv({QStringLiteral("scan"), root});
        QCOMPARE(scan.exitCode, 1); // scan is the linter: warnings are 1
        // 2 projects, 6 epics, 24 stories name the unknown manager: one line for them all.
        QCOMPARE(linesWith(scan.out, kUnknownPersonGroup), 1);
        QVERIFY2(scan.out.contains(QByteArray(kUnknownPersonGroup + "32 files")),
                 scan.out.constData());
        QVERIFY2(scan.out.contains("--all lists every file"), scan.out.constData());
        QVERIFY(scan.out.contains("2 projects"));
        const PmkvRun all = pmkv({QStringLiteral("scan"), root, QStringLiteral("--all")});
        QCOMPARE(all.exitCode, 1);
        QCOMPARE(linesWith(all.out, kUnknownPersonGroup), 0);
        QCOMPARE(linesWith(all.out, "refers to person \"person-001\""), 32);

        const PmkvRun json = pmkv({QStringLiteral("scan"), root, QStringLiteral("--json")});
        const QJsonObject counts = json.json().value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("persons")).toInt(), 5);
        QCOMPARE(counts.value(QStringLiteral("people")).toInt(), 1);
        QCOMPARE(json.json().value(QStringLiteral("problems")).toArray().size(), 34);
    }

    void oneProjectIsSingular()
    {
        TestTree dir;
        QVERIFY(TreeGenerator::generate(dir.path(QStringLiteral("pm")), {1, 1, 1, 1, false, false})
                    .ok());
        const PmkvRun scan = pmkv({QStringLiteral("scan"), dir.path(QStringLiteral("pm"))});
        QVERIFY2(scan.out.contains("1 project,"), scan.out.constData());
    }

    void backupIntoAMissingFolder()
    {
        TestTree dir;
        const QString root = generate(dir);
        const QString folder = dir.path(QStringLiteral("backups/2026/december"));
        const PmkvRun backup =
            pmkv({QStringLiteral("backup"), root, QStringLiteral("-o"), folder + QLatin1Char('/')});
        QVERIFY2(backup.exitCode == 0, backup.err.constData());
        const QString archive = QString::fromUtf8(backup.out.trimmed());
        QVERIFY2(archive.startsWith(folder + QLatin1Char('/')), backup.out.constData());
        QVERIFY(QFileInfo(archive).isFile());
        // A named archive in a missing folder too.
        const QString named = dir.path(QStringLiteral("elsewhere/deep/before.tar.gz"));
        QCOMPARE(pmkv({QStringLiteral("backup"), root, QStringLiteral("-o"), named}).exitCode, 0);
        QVERIFY(QFileInfo(named).isFile());
        // A folder that cannot be made: refused, and said why.
        dir.write(QStringLiteral("afile"), "x");
        const PmkvRun refused = pmkv({QStringLiteral("backup"), root, QStringLiteral("-o"),
                                      dir.path(QStringLiteral("afile/sub/"))});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("afile"), refused.err.constData());
    }

    void wholeCycle_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("redis") << QStringLiteral("redis");
        QTest::newRow("proxy") << QStringLiteral("proxy");
    }

    void wholeCycle()
    {
        QFETCH(QString, transport);
        m_redis.cli({QStringLiteral("FLUSHALL")});
        TestTree dir;
        const QString root = generate(dir);
        QVERIFY(!root.isEmpty());
        const QStringList state{QStringLiteral("--state-dir"), dir.path(QStringLiteral("state"))};
        const QStringList kv = target(transport) + state;

        const PmkvRun migrate = pmkv(QStringList{QStringLiteral("migrate"), root} + kv);
        QVERIFY2(migrate.exitCode == 0, qPrintable(text(migrate)));
        QCOMPARE(linesWith(migrate.out + migrate.err, kUnknownPersonGroup), 1);
        const PmkvRun migrateJson =
            pmkv(QStringList{QStringLiteral("migrate"), root, QStringLiteral("--json")} + kv);
        QCOMPARE(migrateJson.exitCode, 0);
        QCOMPARE(migrateJson.json().value(QStringLiteral("exitCode")).toInt(), 0);

        const PmkvRun validate = pmkv(QStringList{QStringLiteral("validate"), root} + kv);
        QVERIFY2(validate.exitCode == 0, qPrintable(text(validate)));
        QCOMPARE(linesWith(validate.out + validate.err, kUnknownPersonGroup), 1);
        const PmkvRun validateAll =
            pmkv(QStringList{QStringLiteral("validate"), root, QStringLiteral("--all")} + kv);
        QCOMPARE(validateAll.exitCode, 0);
        QCOMPARE(linesWith(validateAll.out + validateAll.err, "refers to person"), 32);
        const PmkvRun strict =
            pmkv(QStringList{QStringLiteral("validate"), root, QStringLiteral("--strict")} + kv);
        QVERIFY2(strict.exitCode == 1, qPrintable(text(strict)));
        const PmkvRun json =
            pmkv(QStringList{QStringLiteral("validate"), root, QStringLiteral("--json")} + kv);
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json()
                     .value(QStringLiteral("validation"))
                     .toObject()
                     .value(QStringLiteral("problems"))
                     .toArray()
                     .size(),
                 34);

        const QString kvSide = transport == QLatin1String("proxy") ? m_proxy.url() : m_redis.url();
        const PmkvRun diff = pmkv({QStringLiteral("diff"), root, kvSide});
        QVERIFY2(diff.exitCode == 0, qPrintable(text(diff)));
        const PmkvRun diffStrict =
            pmkv({QStringLiteral("diff"), root, kvSide, QStringLiteral("--strict")});
        QVERIFY2(diffStrict.exitCode == 1, qPrintable(text(diffStrict)));

        const QString backups = dir.path(QStringLiteral("backups"));
        const PmkvRun backup = pmkv(
            QStringList{QStringLiteral("backup"), root, QStringLiteral("-o"), backups} + state);
        QVERIFY2(backup.exitCode == 0, backup.err.constData());
        const QString archive = QString::fromUtf8(backup.out.trimmed());

        const PmkvRun strictArchive =
            pmkv(QStringList{QStringLiteral("archive"), root, QStringLiteral("--backup"), archive,
                             QStringLiteral("--strict")} +
                 kv);
        QVERIFY2(strictArchive.exitCode == 1, qPrintable(text(strictArchive)));
        QVERIFY(QFileInfo(root).isDir());
        const PmkvRun archived = pmkv(
            QStringList{QStringLiteral("archive"), root, QStringLiteral("--backup"), archive} + kv);
        QVERIFY2(archived.exitCode == 0, qPrintable(text(archived)));
        const QString moved = root + QStringLiteral("-backup");
        QVERIFY(QFileInfo(moved).isDir());

        const PmkvRun atArchive =
            pmkv(QStringList{QStringLiteral("status"), moved, QStringLiteral("--json")} + kv);
        QVERIFY2(atArchive.json().value(QStringLiteral("phase")).toInt() == 6,
                 atArchive.out.constData());
        QVERIFY2(atArchive.json()
                     .value(QStringLiteral("next"))
                     .toString()
                     .contains(QStringLiteral("archive --undo")),
                 atArchive.out.constData());
        // The runs of the tree under its old name are found.
        const PmkvRun atArchiveText = pmkv(QStringList{QStringLiteral("status"), moved} + kv);
        QVERIFY2(
            atArchiveText.out.contains(QByteArray(QByteArray("archived from ") + root.toUtf8())),
            atArchiveText.out.constData());
        QVERIFY2(atArchiveText.out.contains("finished migration run"),
                 atArchiveText.out.constData());
        const PmkvRun atOldName = pmkv(QStringList{QStringLiteral("status"), root} + kv);
        QVERIFY2(atOldName.out.contains("phase 6 of 6"), atOldName.out.constData());
        QVERIFY2(atOldName.out.contains(QByteArray(moved.toUtf8())), atOldName.out.constData());

        QCOMPARE(
            pmkv(QStringList{QStringLiteral("archive"), QStringLiteral("--undo")} + state).exitCode,
            0);
        QVERIFY(QFileInfo(root).isDir());
        const PmkvRun back =
            pmkv(QStringList{QStringLiteral("status"), root, QStringLiteral("--json")} + kv);
        QVERIFY2(back.json().value(QStringLiteral("phase")).toInt() == 4, back.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestRealTrees)
#include "tst_realtrees.moc"
