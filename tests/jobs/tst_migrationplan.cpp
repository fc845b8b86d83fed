#include "files/sha256.h"
#include "jobs/migrationplan.h"

#include <QTest>

using namespace pmkv;

// The plan's checksums are part of its file format: a plan saved by one version is checked
// by the next. They are the SHA-256 of one "key<TAB>hash<LF>" line per item, in item order,
// keys in UTF-8.
class TestMigrationPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksumsAreTheDigestOfKeyAndHashLines()
    {
        MigrationPlan plan;
        const QStringList keys = {QStringLiteral("pm:project:atlas"),
                                  QStringLiteral("pm:project:caf\u00e9:epic:\U0001F600"),
                                  QStringLiteral("pm:projects:list")};
        QByteArray sourceLines;
        QByteArray kvLines;
        // Enough items that the lines are hashed in several pieces.
        for (int i = 0; i < 9000; ++i) {
            PlanItem item;
            item.key = keys.at(i % keys.size()) + QString::number(i);
            item.sha256 = Sha256::hex(QByteArray::number(i));
            item.kvState = i % 3 == 0 ? QByteArray() : Sha256::hex(QByteArray::number(-i));
            plan.items.append(item);
            sourceLines += item.key.toUtf8() + '\t' + item.sha256 + '\n';
            kvLines += item.key.toUtf8() + '\t' + item.kvState + '\n';
        }
        plan.computeChecksums();
        QCOMPARE(plan.sourceChecksum, Sha256::hex(sourceLines));
        QCOMPARE(plan.kvChecksum, Sha256::hex(kvLines));
        QVERIFY(plan.sourceChecksum != plan.kvChecksum);

        // Any item's key or hash changes them.
        const QByteArray before = plan.sourceChecksum;
        plan.items[4500].sha256[0] = plan.items[4500].sha256[0] == 'a' ? 'b' : 'a';
        plan.computeChecksums();
        QVERIFY(plan.sourceChecksum != before);
    }
};

QTEST_GUILESS_MAIN(TestMigrationPlan)
#include "tst_migrationplan.moc"
