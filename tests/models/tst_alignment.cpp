#include "alignment.h"
#include "filefilterproxymodel.h"
#include "files/pmreader.h"
#include "filetreemodel.h"
#include "synccomparer.h"
#include "testtree.h"

#include <QAbstractItemModelTester>
#include <QTest>

Q_DECLARE_METATYPE(pmkv::KvReply)

using namespace pmkv;

class TestAlignment final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compares_data();
    void compares();
    void mapsBothWays();
    void classifiesScannedKeys();
    void fileStatesRollUp();
};

void TestAlignment::compares_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<KvReply>("kv");
    QTest::addColumn<SyncState>("state");
    const QByteArray doc = R"({"id":"F-AI-001","n":12345678901234567890,"t":"caf\u00e9"})";
    QTest::newRow("same bytes") << doc << KvReply::string(doc) << SyncState::Same;
    QTest::newRow("other key order")
        << doc << KvReply::string(R"({"n":12345678901234567890,"t":"café","id":"F-AI-001"})")
        << SyncState::EqualJson;
    QTest::newRow("spacing") << doc
                             << KvReply::string(R"({ "id": "F-AI-001", "n": 12345678901234567890,
                                                   "t": "café" })")
                             << SyncState::EqualJson;
    QTest::newRow("big integer off by one")
        << doc << KvReply::string(R"({"id":"F-AI-001","n":12345678901234567891,"t":"café"})")
        << SyncState::Changed;
    QTest::newRow("missing key") << doc << KvReply::nil() << SyncState::OnlyFiles;
    QTest::newRow("not json") << doc << KvReply::string("{oops") << SyncState::Unreadable;
    QTest::newRow("wrong type") << doc << KvReply::error("WRONGTYPE") << SyncState::Unreadable;
}

void TestAlignment::compares()
{
    QFETCH(QByteArray, file);
    QFETCH(KvReply, kv);
    QFETCH(SyncState, state);
    QCOMPARE(SyncComparer::compare(file, kv), state);
}

static std::shared_ptr<const Alignment> quirksAlignment(PmIndex* out = nullptr)
{
    auto index = PmReader::read(test::quirksTreePath());
    if (!index)
        return {};
    auto layout = KeyLayout::preset(QStringLiteral("repository"));
    if (out)
        *out = index.value();
    return Alignment::build(FileTreeSnapshot::build(std::move(index).value()), layout.value());
}

void TestAlignment::mapsBothWays()
{
    const auto a = quirksAlignment();
    QVERIFY(a);
    QVERIFY(!a->entries().isEmpty());
    const QString story = QStringLiteral("clinic/clinical-decision-support/F-AI-099.json");
    const QByteArray key = a->keyForPath(story);
    QCOMPARE(key, QByteArray("pm:project:clinic:epic:clinical-decision-support:story:F-AI-099"));
    QCOMPARE(a->pathForKey(key), story);
    QCOMPARE(a->keyForPath(QStringLiteral("clinic/project.json")), QByteArray("pm:project:clinic"));
    // List keys have no file of their own.
    QVERIFY(a->entryForKey("pm:projects:list") >= 0);
    QVERIFY(a->pathForKey("pm:projects:list").isEmpty());
    QVERIFY(!a->unmappedPaths().isEmpty()); // the quirks tree has broken files
    // Entity values are derived again on demand, byte for byte what the mapper wrote.
    const int entry = a->entryForKey(key);
    QVERIFY(a->entries().at(entry).value.isEmpty());
    QVERIFY(a->valueOf(entry).startsWith(R"({"1":"one","2":"two")"));
    QVERIFY(a->valueOf(a->entryForKey("pm:projects:list")).startsWith("["));
}

void TestAlignment::classifiesScannedKeys()
{
    const auto a = quirksAlignment();
    QVERIFY(a);
    QCOMPARE(a->classify("pm:project:clinic"), SyncState::Unknown);
    QCOMPARE(a->classify("pm:project:nowhere"), SyncState::OnlyKv);
    QCOMPARE(a->classify("session:42"), SyncState::Unmapped);
}

void TestAlignment::fileStatesRollUp()
{
    PmIndex index;
    const auto a = quirksAlignment(&index);
    QVERIFY(a);
    FileTreeModel model;
    FileFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(FileTreeSnapshot::build(index));
    const QString story = QStringLiteral("clinic/clinical-decision-support/F-AI-099.json");
    const QString project = QStringLiteral("clinic/project.json");
    QVector<QPair<QString, SyncState>> states{{story, SyncState::Changed},
                                              {project, SyncState::Same}};
    for (const QString& p : a->unmappedPaths())
        states.append({p, SyncState::Unreadable});
    model.setStates(states);
    QCOMPARE(model.stateOf(story), SyncState::Changed);
    const QModelIndex projectRow = model.indexForEntityPath(project);
    QCOMPARE(projectRow.data(FileTreeModel::RelativePathRole).toString(), QStringLiteral("clinic"));
    const auto counts = projectRow.data(FileTreeModel::CountsRole).value<SyncCounts>();
    QCOMPARE(counts[SyncState::Changed], 1);
    QCOMPARE(counts[SyncState::Same], 1);
    QVERIFY(counts[SyncState::Unreadable] >= 1);

    SyncFilter f;
    f.mode = SyncFilter::Mode::Changed;
    proxy.setSyncFilter(f);
    QModelIndex i = proxy.mapFromSource(model.indexForEntityPath(story));
    QVERIFY(i.isValid());
    QVERIFY(!proxy.mapFromSource(model.indexForPath(QStringLiteral("people.json"))).isValid());
    // The same state again changes nothing; a new one moves the counts.
    model.setStates({{story, SyncState::Same}});
    QCOMPARE(model.indexForEntityPath(project)
                 .data(FileTreeModel::CountsRole)
                 .value<SyncCounts>()[SyncState::Same],
             2);
    model.resetStates();
    QCOMPARE(model.totals().compared(), 0);
}

QTEST_MAIN(TestAlignment)
#include "tst_alignment.moc"
