// The aligned mode's model: one row per entity of either side, placeholders for the side
// that lacks it, states rolled up, and the sync filters over it.
#include "alignedfilterproxymodel.h"
#include "alignedtree.h"
#include "alignedtreemodel.h"
#include "alignment.h"
#include "files/pmreader.h"
#include "testtree.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace pmkv;

namespace {

const QByteArray kStory1 = "pm:project:alpha:epic:core:story:F-AB-001";
const QByteArray kStory2 = "pm:project:alpha:epic:core:story:F-AB-002";
const QByteArray kOnlyKv = "pm:project:alpha:epic:core:story:F-AB-999";
const QByteArray kOnlyKvEpic = "pm:project:alpha:epic:later";

} // namespace

class TestAlignedTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void placesEverySideOnOneRow();
    void filtersKeepBothSidesAligned();
    void replacesTheTreeWhole();

private:
    std::shared_ptr<const AlignedTree> build(const QHash<QByteArray, SyncState>& keys,
                                             const QHash<QByteArray, SyncState>& compared)
    {
        QVector<KvKeyItem> scanned;
        for (auto it = keys.cbegin(); it != keys.cend(); ++it)
            scanned.append({it.key(), it.value()});
        return AlignedTree::build(*m_alignment, *m_files, scanned, compared);
    }
    test::TestTree m_tree;
    std::shared_ptr<const FileTreeSnapshot> m_files;
    std::shared_ptr<const Alignment> m_alignment;
};

void TestAlignedTreeModel::initTestCase()
{
    m_tree.write(QStringLiteral("pm/people.json"), R"([{"id": "p1", "name": "Ada"}])");
    m_tree.write(QStringLiteral("pm/alpha/project.json"),
                 R"({"name": "Alpha", "epicIds": ["core"]})");
    m_tree.write(QStringLiteral("pm/alpha/core/epic.json"),
                 R"({"id": "core", "title": "Core", "storyIds": ["F-AB-001", "F-AB-002"]})");
    m_tree.write(QStringLiteral("pm/alpha/core/F-AB-001.json"),
                 R"({"id": "F-AB-001", "epicId": "core", "title": "One", "status": "todo"})");
    m_tree.write(QStringLiteral("pm/alpha/core/F-AB-002.json"),
                 R"({"id": "F-AB-002", "epicId": "core", "title": "Two", "status": "todo"})");
    m_tree.write(QStringLiteral("pm/alpha/core/F-AB-003.json"), "{ not json");
    auto index = PmReader::read(m_tree.path(QStringLiteral("pm")));
    QVERIFY(index);
    m_files = FileTreeSnapshot::build(std::move(index).value());
    m_alignment =
        Alignment::build(m_files, KeyLayout::preset(QStringLiteral("repository")).value());
}

void TestAlignedTreeModel::placesEverySideOnOneRow()
{
    AlignedTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QHash<QByteArray, SyncState> keys{{kStory1, SyncState::Unknown},
                                            {kOnlyKv, SyncState::OnlyKv},
                                            {kOnlyKvEpic, SyncState::OnlyKv},
                                            {"session:1", SyncState::Unmapped}};
    model.setTree(build(keys, {{kStory1, SyncState::Same}, {kStory2, SyncState::OnlyFiles}}));

    // Top level: people and the projects list first, then the project.
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("people"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("projects list"));
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("alpha"));
    QCOMPARE(model.rowCount(), 3); // "session:1" is not an entity

    const QModelIndex same = model.indexForKey(kStory1);
    QCOMPARE(same.data(AlignedTreeModel::EntityPathRole).toString(),
             QStringLiteral("alpha/core/F-AB-001.json"));
    QVERIFY(same.data(AlignedTreeModel::InFilesRole).toBool());
    QVERIFY(same.data(AlignedTreeModel::InKvRole).toBool());

    // Only in the key space: a row under its epic, a placeholder on the file side.
    const QModelIndex onlyKv = model.indexForKey(kOnlyKv);
    QVERIFY(onlyKv.isValid());
    QCOMPARE(model.parent(onlyKv),
             model.indexForEntityPath(QStringLiteral("alpha/core/epic.json")));
    QVERIFY(!onlyKv.data(AlignedTreeModel::InFilesRole).toBool());
    QVERIFY(onlyKv.siblingAtColumn(AlignedTreeModel::FileColumn)
                .data(AlignedTreeModel::PlaceholderRole)
                .toBool());
    QVERIFY(!onlyKv.siblingAtColumn(AlignedTreeModel::KeyColumn)
                 .data(AlignedTreeModel::PlaceholderRole)
                 .toBool());
    QCOMPARE(SyncState(onlyKv.data(AlignedTreeModel::StateRole).toInt()), SyncState::OnlyKv);
    // An epic only in the key space.
    const QModelIndex epic = model.indexForKey(kOnlyKvEpic);
    QVERIFY(epic.isValid());
    QCOMPARE(epic.data().toString(), QStringLiteral("(no file) later"));

    // Only in files: a placeholder on the key side.
    const QModelIndex onlyFiles = model.indexForKey(kStory2);
    QVERIFY(onlyFiles.data(AlignedTreeModel::InFilesRole).toBool());
    QVERIFY(!onlyFiles.data(AlignedTreeModel::InKvRole).toBool());
    QVERIFY(onlyFiles.siblingAtColumn(AlignedTreeModel::KeyColumn)
                .data(AlignedTreeModel::PlaceholderRole)
                .toBool());
    // A broken file sits where its path puts it, with problems and no key.
    const QModelIndex broken = model.indexForEntityPath(QStringLiteral("alpha/core/F-AB-003.json"));
    QVERIFY(broken.isValid());
    QVERIFY(broken.data(AlignedTreeModel::OwnProblemsRole).toInt() > 0);
    QVERIFY(broken.data(AlignedTreeModel::KeyBytesRole).toByteArray().isEmpty());
    QCOMPARE(SyncState(broken.data(AlignedTreeModel::StateRole).toInt()), SyncState::Unreadable);

    // The epic's row rolls up its own state and its stories'.
    const auto counts = model.indexForEntityPath(QStringLiteral("alpha/core/epic.json"))
                            .data(AlignedTreeModel::CountsRole)
                            .value<SyncCounts>();
    QCOMPARE(counts[SyncState::Same], 1);
    QCOMPARE(counts[SyncState::OnlyFiles], 1);
    QCOMPARE(counts[SyncState::OnlyKv], 1);
    QCOMPARE(counts[SyncState::Unreadable], 1);
    QCOMPARE(model.tree()->onlyKvCount(), 2);
    QCOMPARE(model.rowPath(onlyKv), QStringLiteral("alpha/core/F-AB-999"));
    QCOMPARE(model.indexForRowPath(model.rowPath(onlyKv)), onlyKv);
}

void TestAlignedTreeModel::filtersKeepBothSidesAligned()
{
    AlignedTreeModel model;
    AlignedFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTree(build({{kStory1, SyncState::Unknown}, {kOnlyKv, SyncState::OnlyKv}},
                        {{kStory1, SyncState::Same}, {kStory2, SyncState::OnlyFiles}}));
    auto shown = [&](const QModelIndex& source) { return proxy.mapFromSource(source).isValid(); };
    SyncFilter f;
    f.mode = SyncFilter::Mode::OnlyFiles;
    proxy.setSyncFilter(f);
    QVERIFY(shown(model.indexForKey(kStory2)));
    QVERIFY(!shown(model.indexForKey(kStory1)));
    QVERIFY(!shown(model.indexForKey(kOnlyKv)));
    QVERIFY(shown(model.indexForEntityPath(QStringLiteral("alpha/core/epic.json")))); // its parent
    f.mode = SyncFilter::Mode::OnlyKv;
    proxy.setSyncFilter(f);
    QVERIFY(shown(model.indexForKey(kOnlyKv)));
    QVERIFY(!shown(model.indexForKey(kStory2)));
    f.mode = SyncFilter::Mode::All;
    proxy.setSyncFilter(f);
    proxy.setOnlyProblems(true);
    QVERIFY(shown(model.indexForEntityPath(QStringLiteral("alpha/core/F-AB-003.json"))));
    QVERIFY(!shown(model.indexForKey(kStory1)));
}

void TestAlignedTreeModel::replacesTheTreeWhole()
{
    AlignedTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTree(build({}, {}));
    const int before = model.rowCount();
    QVERIFY(!model.indexForKey(kStory1).data(AlignedTreeModel::InKvRole).toBool());
    model.setTree(build({{kStory1, SyncState::Same}}, {}));
    QCOMPARE(model.rowCount(), before);
    QVERIFY(model.indexForKey(kStory1).data(AlignedTreeModel::InKvRole).toBool());
    model.setTree(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestAlignedTreeModel)
#include "tst_alignedtreemodel.moc"
