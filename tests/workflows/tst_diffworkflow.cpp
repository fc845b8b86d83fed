// DiffWorkflow::exportReport: the report of two folders that differ in one story's title,
// saved as HTML, as JSON with the RFC 6902 patch of the change, and as CSV; an unwritable
// path is refused and leaves no file.
#include "diff/changedpaths.h"
#include "generate/treegenerator.h"
#include "testtree.h"
#include "workflows/diffworkflow.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pmkv;

class TestDiffWorkflow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportsHtml();
    void exportsJsonWithThePatch();
    void exportsCsv();
    void refusesAnUnwritablePath();

private:
    QByteArray exported(DiffWorkflow::Format format, const QString& name);

    test::TestTree m_tree;
    DiffReport m_report;
};

void TestDiffWorkflow::initTestCase()
{
    TreeGenerator::Options options;
    options.epicsPerProject = 2;
    options.storiesPerEpic = 2;
    for (const char* side : {"left", "right"})
        QVERIFY(TreeGenerator::generate(m_tree.path(QLatin1String(side)), options));
    QString story;
    QDirIterator it(m_tree.path(QStringLiteral("right")), {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext() && story.isEmpty()) {
        const QString path = it.next();
        if (!path.endsWith(QLatin1String("/epic.json")) &&
            !path.endsWith(QLatin1String("/project.json")) &&
            path.count(QLatin1Char('/')) > m_tree.path().count(QLatin1Char('/')) + 3)
            story = path;
    }
    QVERIFY(!story.isEmpty());
    QFile file(story);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QVERIFY(document.contains(QStringLiteral("title")));
    document.insert(QStringLiteral("title"), QStringLiteral("Renamed on the right"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(document).toJson());
    file.close();

    DiffWorkflow::Request request;
    request.left = m_tree.path(QStringLiteral("left"));
    request.right = m_tree.path(QStringLiteral("right"));
    request.leftLayout = KeyLayout::preset(QStringLiteral("repository")).value();
    request.rightLayout = request.leftLayout;
    auto compared = DiffWorkflow::run(request, WorkflowContext());
    QVERIFY2(compared, compared ? "" : qPrintable(compared.error().message));
    m_report = compared.value();
    QCOMPARE(m_report.count(EntityDiff::State::Changed), 1);
    // The one-line summary of the change (the CLI's diff and the diff wizard show it).
    for (const EntityDiff& entity : m_report.entities) {
        if (entity.state == EntityDiff::State::Changed)
            QCOMPARE(ChangedPaths::of(entity, 4), QStringList{QStringLiteral("/title")});
    }
}

QByteArray TestDiffWorkflow::exported(DiffWorkflow::Format format, const QString& name)
{
    const QString path = m_tree.path(name);
    auto written = DiffWorkflow::exportReport(m_report, path, format);
    if (!written)
        return QByteArray();
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestDiffWorkflow::exportsHtml()
{
    const QByteArray html = exported(DiffWorkflow::Format::Html, QStringLiteral("diff.html"));
    QVERIFY(html.contains("<html"));
    QVERIFY(html.contains("Renamed on the right"));
}

void TestDiffWorkflow::exportsJsonWithThePatch()
{
    const QByteArray json = exported(DiffWorkflow::Format::Json, QStringLiteral("diff.json"));
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QVERIFY(!root.isEmpty());
    bool found = false;
    const QJsonArray entities = root.value(QStringLiteral("entities")).toArray();
    for (const QJsonValue& entity : entities) {
        for (const QJsonValue& op : entity.toObject().value(QStringLiteral("patch")).toArray()) {
            const QJsonObject o = op.toObject();
            found = found ||
                    (o.value(QStringLiteral("op")) == QStringLiteral("replace") &&
                     o.value(QStringLiteral("path")) == QStringLiteral("/title") &&
                     o.value(QStringLiteral("value")) == QStringLiteral("Renamed on the right"));
        }
    }
    QVERIFY2(found, json.left(2000).constData());
}

void TestDiffWorkflow::exportsCsv()
{
    const QByteArray csv = exported(DiffWorkflow::Format::Csv, QStringLiteral("diff.csv"));
    const QList<QByteArray> lines = csv.trimmed().split('\n');
    QVERIFY2(lines.size() >= 2, csv.constData());
    QVERIFY(csv.contains("/title"));
}

void TestDiffWorkflow::refusesAnUnwritablePath()
{
    const QString path = m_tree.path(QStringLiteral("missing-folder/diff.csv"));
    auto written = DiffWorkflow::exportReport(m_report, path, DiffWorkflow::Format::Csv);
    QVERIFY(!written);
    QCOMPARE(written.error().code, QStringLiteral("report.write"));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestDiffWorkflow)
#include "tst_diffworkflow.moc"
