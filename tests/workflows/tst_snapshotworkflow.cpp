// SnapshotWorkflow::verify: a snapshot reads back with its key count; one byte changed, or
// its manifest gone, and it is refused with the reason.
#include "memorykvstore.h"
#include "workflowfixture.h"
#include "workflows/snapshotworkflow.h"

#include <QFile>
#include <QTest>

using namespace pmkv;

class TestSnapshotWorkflow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verifiesWhatWasTaken();
    void refusesADamagedSnapshot();
    void refusesASnapshotWithoutManifest();

private:
    // Takes a snapshot of three keys (one not a string); its path.
    QString take();

    test::WorkflowFixture m_fixture;
    int m_taken = 0;
};

QString TestSnapshotWorkflow::take()
{
    test::MemoryKvStore* store = nullptr;
    auto session = test::WorkflowFixture::session(QStringLiteral("memory://snap"), &store);
    store->set("pm:project:a", R"({"name":"A"})");
    store->set("pm:project:b", R"({"name":"B"})");
    store->setOtherType("pm:projects", QStringLiteral("set"));
    SnapshotWorkflow::TakeRequest request;
    request.output = m_fixture.path(QStringLiteral("snap-%1.ndjson").arg(++m_taken));
    auto taken = SnapshotWorkflow::take(request, *session, m_fixture.context());
    return taken ? taken.value().path : QString();
}

void TestSnapshotWorkflow::verifiesWhatWasTaken()
{
    const QString path = take();
    QVERIFY(!path.isEmpty());
    auto checked = SnapshotWorkflow::verify(path);
    QVERIFY2(checked, checked ? "" : qPrintable(checked.error().message));
    QCOMPARE(checked.value().keys, 3);
    QCOMPARE(checked.value().notStrings, QStringList{QStringLiteral("pm:projects")});
    QVERIFY(checked.value().bytes > 0);
}

void TestSnapshotWorkflow::refusesADamagedSnapshot()
{
    const QString path = take();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    bytes[bytes.indexOf("\"A\"") + 1] = 'Z';
    file.seek(0);
    file.write(bytes);
    file.close();
    auto checked = SnapshotWorkflow::verify(path);
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, QStringLiteral("snapshot.corrupt"));
}

void TestSnapshotWorkflow::refusesASnapshotWithoutManifest()
{
    const QString path = take();
    QVERIFY(QFile::remove(path + QStringLiteral(".manifest.json")));
    auto checked = SnapshotWorkflow::verify(path);
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, QStringLiteral("snapshot.manifest"));
}

QTEST_GUILESS_MAIN(TestSnapshotWorkflow)
#include "tst_snapshotworkflow.moc"
