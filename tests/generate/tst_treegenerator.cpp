#include "files/pmreader.h"
#include "generate/treegenerator.h"
#include "testtree.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace pmkv;

namespace {

// One hash over every file's path and bytes, in path order.
QByteArray treeDigest(const QString& root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& f : files) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        hash.addData(f.mid(root.size()).toUtf8());
        hash.addData(file.readAll());
    }
    return hash.result().toHex();
}

} // namespace

class TestTreeGenerator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameBytes();
    void countsAndSizes_data();
    void countsAndSizes();
    void refusesNonEmptyFolder();
};

void TestTreeGenerator::sameSeedSameBytes()
{
    test::TestTree dir;
    TreeGenerator::Options options;
    options.epicsPerProject = 3;
    options.storiesPerEpic = 10;
    options.faults = true;
    QVERIFY(TreeGenerator::generate(dir.path(QStringLiteral("a")), options).ok());
    QVERIFY(TreeGenerator::generate(dir.path(QStringLiteral("b")), options).ok());
    options.seed = 2;
    QVERIFY(TreeGenerator::generate(dir.path(QStringLiteral("c")), options).ok());
    const QByteArray a = treeDigest(dir.path(QStringLiteral("a")));
    QVERIFY(!a.isEmpty());
    QCOMPARE(treeDigest(dir.path(QStringLiteral("b"))), a);
    QVERIFY(treeDigest(dir.path(QStringLiteral("c"))) != a);
}

void TestTreeGenerator::countsAndSizes_data()
{
    QTest::addColumn<int>("projects");
    QTest::addColumn<int>("epics");
    QTest::addColumn<int>("stories");
    QTest::newRow("real-sized") << 1 << 15 << 29;
    QTest::newRow("many projects") << 9 << 2 << 3;
    QTest::newRow("empty epics") << 1 << 2 << 0;
}

void TestTreeGenerator::countsAndSizes()
{
    QFETCH(int, projects);
    QFETCH(int, epics);
    QFETCH(int, stories);
    test::TestTree dir;
    TreeGenerator::Options options;
    options.projects = projects;
    options.epicsPerProject = epics;
    options.storiesPerEpic = stories;
    const auto summary = TreeGenerator::generate(dir.path(QStringLiteral("pm")), options);
    QVERIFY(summary.ok());
    QCOMPARE(summary.value().stories, projects * epics * stories);
    const auto index = PmReader::read(dir.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    QCOMPARE(index.value().count(EntityKind::Project), projects);
    QCOMPARE(index.value().count(EntityKind::Epic), projects * epics);
    QCOMPARE(index.value().count(EntityKind::Story), projects * epics * stories);
    QCOMPARE(index.value().problems.size(), 0);
    qint64 storyBytes = 0;
    for (const Entity& e : index.value().entities) {
        if (e.kind == EntityKind::Story)
            storyBytes += e.size;
    }
    if (stories > 0) { // realistic sizes: stories of about 1-2 KB
        const qint64 average = storyBytes / (projects * epics * stories);
        QVERIFY2(average >= 1000 && average <= 2200, qPrintable(QString::number(average)));
    }
}

void TestTreeGenerator::refusesNonEmptyFolder()
{
    test::TestTree dir;
    dir.write(QStringLiteral("pm/keep.txt"), "precious");
    const auto summary = TreeGenerator::generate(dir.path(QStringLiteral("pm")), {});
    QVERIFY(!summary.ok());
    QCOMPARE(summary.error().code, QStringLiteral("generate.not-empty"));
    QFile keep(dir.path(QStringLiteral("pm/keep.txt")));
    QVERIFY(keep.open(QIODevice::ReadOnly));
    QCOMPARE(keep.readAll(), QByteArray("precious"));
}

QTEST_GUILESS_MAIN(TestTreeGenerator)
#include "tst_treegenerator.moc"
