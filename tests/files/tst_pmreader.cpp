#include "files/pmreader.h"
#include "generate/treegenerator.h"
#include "testtree.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

#include <unistd.h>

using namespace pmkv;

namespace {

bool hasProblem(const PmIndex& index, const QString& path, const QString& code, Severity severity,
                int line = 0, int column = 0)
{
    for (const Problem& p : index.problems) {
        if (p.path == path && p.code == code && p.severity == severity &&
            (line == 0 || p.line == line) && (column == 0 || p.column == column))
            return true;
    }
    return false;
}

QString dump(const PmIndex& index)
{
    QStringList lines;
    for (const Problem& p : index.problems)
        lines << p.toText();
    return lines.join(QLatin1Char('\n'));
}

// Copies a folder tree (files only), for tests that add things git cannot hold.
void copyTree(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo& info :
         source.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = to + QLatin1Char('/') + info.fileName();
        if (info.isDir())
            copyTree(info.absoluteFilePath(), target);
        else
            QFile::copy(info.absoluteFilePath(), target);
    }
}

} // namespace

class TestPmReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsKinds();
    void entitiesAreInPathOrder();
    void reportsQuirks_data();
    void reportsQuirks();
    void keepsNonDataAndSkipsTooling();
    void hashesMatchSha256sum();
    void extractsFields();
    void symlinksAreNotFollowed();
    void linkedFilesAreNotRead();
    void namesThatAreNotUtf8();
    void valueWarningsAreTheScans();
    void refusesHugeFiles();
    void unreadableFile();
    void pipesAreNotRead();
    void badRootIsAnError_data();
    void badRootIsAnError();
    void cleanGeneratedTreeHasNoProblems();
    void cancelledReadFails();
    void keepsNoSlackInFileBuffers();
    void faultsOfTheGeneratorAreAllFound();
};

void TestPmReader::countsKinds()
{
    const auto index = PmReader::read(test::quirksTreePath());
    QVERIFY(index.ok());
    QCOMPARE(index.value().count(EntityKind::People), 1);
    QCOMPARE(index.value().count(EntityKind::Project), 1);
    QCOMPARE(index.value().count(EntityKind::Epic), 3);   // cds, orphan-epic, "bad name"
    QCOMPARE(index.value().count(EntityKind::Story), 14); // 13 in cds + 1 in no-epic-json
    QCOMPARE(index.value().count(EntityKind::NonData),
             4); // README.md, description, notes.md, stray.json
}

void TestPmReader::entitiesAreInPathOrder()
{
    // Folder names that are the start of other names: "atlas-2/..." sorts before "atlas/...",
    // and "atlas.json" before both, as the paths compare (the walk visits them in that order).
    test::TestTree tree;
    tree.write(QStringLiteral("pm/people.json"), "[]");
    for (const char* project : {"atlas", "atlas-2", "atlas.x", "at"}) {
        const QString p = QString::fromLatin1(project);
        tree.write(QStringLiteral("pm/%1/project.json").arg(p), "{\"name\": \"p\"}");
        tree.write(QStringLiteral("pm/%1/e/epic.json").arg(p), "{\"id\": \"e\"}");
        tree.write(QStringLiteral("pm/%1/e-1/epic.json").arg(p), "{\"id\": \"e\"}");
        tree.write(QStringLiteral("pm/%1/e/F-AB-001.json").arg(p), "{\"id\": \"F-AB-001\"}");
    }
    tree.write(QStringLiteral("pm/atlas.json"), "{}");
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    QStringList paths;
    for (const Entity& e : index.value().entities)
        paths << e.relativePath;
    QStringList sorted = paths;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(paths, sorted);
    QCOMPARE(paths.size(), 1 + 4 * 4 + 1);
    QVERIFY(index.value().findByPath(QStringLiteral("atlas-2/e/F-AB-001.json")));
}

void TestPmReader::reportsQuirks_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QString cds = QStringLiteral("clinic/clinical-decision-support/");
    QTest::newRow("parse error with position")
        << cds + QStringLiteral("broken.json") << QStringLiteral("json.parse") << true << 4 << 17;
    QTest::newRow("empty") << cds + QStringLiteral("empty.json") << QStringLiteral("file.empty")
                           << true << 0 << 0;
    QTest::newRow("latin-1") << cds + QStringLiteral("latin1.json")
                             << QStringLiteral("file.encoding") << true << 1 << 31;
    QTest::newRow("array instead of object")
        << cds + QStringLiteral("array.json") << QStringLiteral("document.type") << true << 0 << 0;
    QTest::newRow("wrong type of required field")
        << cds + QStringLiteral("wrongtype.json") << QStringLiteral("field.type") << true << 0 << 0;
    QTest::newRow("byte-order mark")
        << cds + QStringLiteral("bom.json") << QStringLiteral("file.bom") << true << 1 << 1;
    QTest::newRow("id differs from file name")
        << cds + QStringLiteral("F-AI-002.json") << QStringLiteral("story.id-mismatch") << false
        << 0 << 0;
    QTest::newRow("id pattern") << cds + QStringLiteral("weird-id.json")
                                << QStringLiteral("story.id-pattern") << false << 0 << 0;
    QTest::newRow("unknown status") << cds + QStringLiteral("weird-id.json")
                                    << QStringLiteral("field.value") << false << 0 << 0;
    QTest::newRow("unknown manager") << cds + QStringLiteral("F-AI-001.json")
                                     << QStringLiteral("ref.unknown-person") << false << 0 << 0;
    QTest::newRow("epic manager unknown")
        << cds + QStringLiteral("epic.json") << QStringLiteral("ref.unknown-person") << false << 0
        << 0;
    QTest::newRow("storyIds lists a missing file")
        << cds + QStringLiteral("epic.json") << QStringLiteral("list.missing") << false << 0 << 0;
    QTest::newRow("story files not in storyIds")
        << cds + QStringLiteral("epic.json") << QStringLiteral("list.unlisted") << false << 0 << 0;
    QTest::newRow("epicIds lists a missing folder")
        << QStringLiteral("clinic/project.json") << QStringLiteral("list.missing") << false << 0
        << 0;
    QTest::newRow("epic folders not in epicIds")
        << QStringLiteral("clinic/project.json") << QStringLiteral("list.unlisted") << false << 0
        << 0;
    QTest::newRow("epicId matches nothing")
        << cds + QStringLiteral("STORY-123.json") << QStringLiteral("story.epic-mismatch") << false
        << 0 << 0;
    QTest::newRow("colon in story id") << cds + QStringLiteral("F-AI:003.json")
                                       << QStringLiteral("name.unsafe") << false << 0 << 0;
    QTest::newRow("space in epic folder")
        << QStringLiteral("clinic/bad name") << QStringLiteral("name.unsafe") << false << 0 << 0;
    QTest::newRow("folder without epic.json") << QStringLiteral("clinic/no-epic-json")
                                              << QStringLiteral("epic.missing") << false << 0 << 0;
    // A lone surrogate is valid JavaScript (no error); the member "b" given twice is a warning
    // (issue #21 item 10), as is the integer beyond 2^53.
    QTest::newRow("member given twice") << cds + QStringLiteral("F-AI-099.json")
                                        << QStringLiteral("json.duplicate-key") << false << 0 << 0;
    QTest::newRow("integer beyond 2^53") << cds + QStringLiteral("F-AI-099.json")
                                         << QStringLiteral("value.number") << false << 0 << 0;
    QTest::newRow("stray JSON in a project")
        << QStringLiteral("clinic/stray.json") << QStringLiteral("file.unexpected-json") << false
        << 0 << 0;
}

void TestPmReader::reportsQuirks()
{
    QFETCH(QString, path);
    QFETCH(QString, code);
    QFETCH(bool, isError);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto index = PmReader::read(test::quirksTreePath());
    QVERIFY(index.ok());
    if (code.isEmpty()) { // a row that must stay free of problems
        QVERIFY2(index.value().problemsFor(path).isEmpty(), qPrintable(dump(index.value())));
        QVERIFY(index.value().findByPath(path)->parsed);
        return;
    }
    QVERIFY2(hasProblem(index.value(), path, code, isError ? Severity::Error : Severity::Warning,
                        line, column),
             qPrintable(dump(index.value())));
}

void TestPmReader::keepsNonDataAndSkipsTooling()
{
    const auto index = PmReader::read(test::quirksTreePath());
    QVERIFY(index.ok());
    const Entity* readme = index.value().findByPath(QStringLiteral("README.md"));
    QVERIFY(readme);
    QCOMPARE(readme->kind, EntityKind::NonData);
    QCOMPARE(readme->raw, QByteArray("# Project data\n\nNot data: kept byte for byte.\n"));
    QVERIFY(index.value().skippedFolders.contains(QStringLiteral("node_modules")));
    QVERIFY(!index.value().findByPath(QStringLiteral("node_modules/some-package/package.json")));
    // Non-data files never produce problems of their own.
    QVERIFY(index.value()
                .problemsFor(QStringLiteral("clinic/clinical-decision-support/notes.md"))
                .isEmpty());
}

void TestPmReader::hashesMatchSha256sum()
{
    const auto index = PmReader::read(test::quirksTreePath());
    QVERIFY(index.ok());
    const Entity* epic =
        index.value().findByPath(QStringLiteral("clinic/clinical-decision-support/epic.json"));
    QVERIFY(epic);
    QProcess sha;
    sha.start(
        QStringLiteral("sha256sum"),
        {test::quirksTreePath() + QStringLiteral("/clinic/clinical-decision-support/epic.json")});
    QVERIFY(sha.waitForFinished());
    QCOMPARE(epic->sha256Hex, sha.readAllStandardOutput().left(64));
}

void TestPmReader::extractsFields()
{
    const auto index = PmReader::read(test::quirksTreePath());
    QVERIFY(index.ok());
    const Entity* epic =
        index.value().findByPath(QStringLiteral("clinic/clinical-decision-support/epic.json"));
    QVERIFY(epic && epic->parsed);
    QCOMPARE(epic->documentId, QStringLiteral("AI"));
    QCOMPARE(epic->epic, QStringLiteral("clinical-decision-support"));
    QCOMPARE(epic->childIds,
             (QStringList{QStringLiteral("F-AI-001"), QStringLiteral("F-AI-002"),
                          QStringLiteral("F-AI-404"), QStringLiteral("NFR-SEC-014")}));
    const Entity* story =
        index.value().findByPath(QStringLiteral("clinic/clinical-decision-support/F-AI-001.json"));
    QVERIFY(story && story->deleted);
    QCOMPARE(story->story, QStringLiteral("F-AI-001"));
    QCOMPARE(story->document()["title"].get<std::string>(), std::string("Story F-AI-001"));
    QCOMPARE(story->title, QStringLiteral("Story F-AI-001"));
    QCOMPARE(story->documentId, QStringLiteral("F-AI-001"));

    // A reader that does not show titles (the planner) drops them, and nothing else.
    PmReader::Options noTitles;
    noTitles.keepTitles = false;
    const auto lean = PmReader::read(test::quirksTreePath(), noTitles);
    QVERIFY(lean.ok());
    const Entity* leanStory =
        lean.value().findByPath(QStringLiteral("clinic/clinical-decision-support/F-AI-001.json"));
    QVERIFY(leanStory && leanStory->title.isEmpty());
    QCOMPARE(leanStory->documentId, story->documentId);
    QCOMPARE(leanStory->epicIdField, story->epicIdField);
    QCOMPARE(lean.value().problems.size(), index.value().problems.size());
}

void TestPmReader::symlinksAreNotFollowed()
{
    test::TestTree tree;
    copyTree(test::quirksTreePath(), tree.path(QStringLiteral("pm")));
    QVERIFY(QFile::link(QStringLiteral(".."), tree.path(QStringLiteral("pm/clinic/loop"))));
    QVERIFY(QFile::link(QStringLiteral("nowhere.json"),
                        tree.path(QStringLiteral("pm/clinic/dangling.json"))));
    tree.write(QStringLiteral("pm/.git/HEAD"), "ref: refs/heads/main\n");
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    QVERIFY(hasProblem(index.value(), QStringLiteral("clinic/loop"), QStringLiteral("link.folder"),
                       Severity::Warning));
    QVERIFY(hasProblem(index.value(), QStringLiteral("clinic/dangling.json"),
                       QStringLiteral("link.broken"), Severity::Error));
    QVERIFY(index.value().skippedFolders.contains(QStringLiteral(".git")));
    QCOMPARE(index.value().count(EntityKind::Story), 14); // nothing read twice through the loop
}

// Issue #21 item 4: a link to a file outside the tree was read (and migrated) while backups
// skipped it; no command follows a link, each reports it.
void TestPmReader::linkedFilesAreNotRead()
{
    test::TestTree tree;
    copyTree(test::quirksTreePath(), tree.path(QStringLiteral("pm")));
    tree.write(QStringLiteral("outside/F-CD-099.json"),
               "{\"id\": \"F-CD-099\", \"title\": \"from outside\"}");
    const QString epic = QStringLiteral("pm/clinic/clinical-decision-support/");
    QVERIFY(QFile::link(tree.path(QStringLiteral("outside/F-CD-099.json")),
                        tree.path(epic + QStringLiteral("F-CD-099.json"))));
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    const QString rel = QStringLiteral("clinic/clinical-decision-support/F-CD-099.json");
    QVERIFY2(hasProblem(index.value(), rel, QStringLiteral("link.file"), Severity::Warning),
             qPrintable(dump(index.value())));
    for (const Entity& e : index.value().entities)
        QVERIFY2(e.relativePath != rel, "the link was read");
}

// Issue #21 item 4: a name that is not UTF-8 is not "unreadable (fix its permissions)": the
// scan says what it is, shown escaped, and that it cannot become a key.
void TestPmReader::namesThatAreNotUtf8()
{
    test::TestTree tree;
    copyTree(test::quirksTreePath(), tree.path(QStringLiteral("pm")));
    const QByteArray epic =
        QFile::encodeName(tree.path(QStringLiteral("pm/clinic/clinical-decision-support")));
    const int fd = ::open(QByteArray(epic + "/caf\xe9.json").constData(), O_WRONLY | O_CREAT, 0644);
    QVERIFY(fd >= 0);
    QVERIFY(::write(fd, "{}", 2) == 2);
    ::close(fd);
    QVERIFY(::mkdir(QByteArray(epic + "/../\xfe-epic").constData(), 0755) == 0);
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    QVERIFY2(hasProblem(index.value(),
                        QStringLiteral("clinic/clinical-decision-support/caf\\xE9.json"),
                        QStringLiteral("name.encoding"), Severity::Error),
             qPrintable(dump(index.value())));
    QVERIFY2(hasProblem(index.value(), QStringLiteral("clinic/\\xFE-epic"),
                        QStringLiteral("name.encoding"), Severity::Error),
             qPrintable(dump(index.value())));
    for (const Problem& p : index.value().problems)
        QVERIFY2(p.code != QLatin1String("file.unreadable"), qPrintable(p.toText()));
}

// Issue #21 item 10: scan left out the number warnings that plan and report show, and a member
// given twice got no warning at all.
void TestPmReader::valueWarningsAreTheScans()
{
    test::TestTree tree;
    tree.write(QStringLiteral("pm/p/project.json"), R"({"name": "p"})");
    tree.write(QStringLiteral("pm/p/e/epic.json"), R"({"id": "e", "title": "e"})");
    tree.write(QStringLiteral("pm/p/e/F-AA-001.json"),
               "{\"id\": \"F-AA-001\", \"big\": 123456789012345678901, \"huge\": 1e400,\n"
               " \"title\": \"first\", \"title\": \"second\"}");
    for (const bool keepValues : {true, false}) {
        PmReader::Options options;
        options.keepValues = keepValues;
        const auto index = PmReader::read(tree.path(QStringLiteral("pm")), options);
        QVERIFY(index.ok());
        QStringList codes;
        for (const Problem& p : index.value().problems) {
            if (p.path == QLatin1String("p/e/F-AA-001.json"))
                codes << p.code + QLatin1Char(' ') + p.message;
        }
        QCOMPARE(codes.size(), 3);
        QVERIFY2(codes.filter(QStringLiteral("value.number")).size() == 2,
                 qPrintable(codes.join(u'\n')));
        QVERIFY2(codes.filter(QStringLiteral("json.duplicate-key")).size() == 1 &&
                     codes.filter(QStringLiteral("line 2")).size() == 1,
                 qPrintable(codes.join(u'\n')));
    }
}

void TestPmReader::refusesHugeFiles()
{
    test::TestTree tree;
    tree.write(QStringLiteral("pm/people.json"), "[]");
    tree.write(QStringLiteral("pm/p/project.json"),
               "{\"name\": \"" + QByteArray(3 * 1024 * 1024, 'x') + "\"}");
    PmReader::Options options;
    options.maxFileBytes = 2 * 1024 * 1024;
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")), options);
    QVERIFY(index.ok());
    QVERIFY2(hasProblem(index.value(), QStringLiteral("p/project.json"),
                        QStringLiteral("file.too-large"), Severity::Error),
             qPrintable(dump(index.value())));
    const Entity* project = index.value().findByPath(QStringLiteral("p/project.json"));
    QVERIFY(project && !project->readable && project->raw.isEmpty());
}

void TestPmReader::unreadableFile()
{
    if (::geteuid() == 0)
        QSKIP("running as root: file permissions cannot make a file unreadable");
    test::TestTree tree;
    tree.write(QStringLiteral("pm/people.json"), "[]");
    tree.write(QStringLiteral("pm/p/project.json"), "{\"name\": \"p\"}");
    QFile::setPermissions(tree.path(QStringLiteral("pm/p/project.json")), QFileDevice::WriteOwner);
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    QVERIFY(hasProblem(index.value(), QStringLiteral("p/project.json"),
                       QStringLiteral("file.unreadable"), Severity::Error));
}

void TestPmReader::pipesAreNotRead()
{
    // Works as root too: a FIFO named like a story would block a reader forever.
    test::TestTree tree;
    tree.write(QStringLiteral("pm/people.json"), "[]");
    tree.write(QStringLiteral("pm/p/project.json"), "{\"name\": \"p\"}");
    tree.write(QStringLiteral("pm/p/e/epic.json"), "{\"id\": \"e\"}");
    const QByteArray fifo = QFile::encodeName(tree.path(QStringLiteral("pm/p/e/F-AB-001.json")));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    QVERIFY2(hasProblem(index.value(), QStringLiteral("p/e/F-AB-001.json"),
                        QStringLiteral("file.special"), Severity::Error),
             qPrintable(dump(index.value())));
    QVERIFY(!index.value().findByPath(QStringLiteral("p/e/F-AB-001.json")));
}

void TestPmReader::badRootIsAnError_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("code");
    QTest::newRow("missing") << QStringLiteral("/nonexistent/pm") << QStringLiteral("root.missing");
    QTest::newRow("a file") << test::quirksTreePath() + QStringLiteral("/people.json")
                            << QStringLiteral("root.not-folder");
    QTest::newRow("none given") << QString() << QStringLiteral("root.missing");
}

void TestPmReader::badRootIsAnError()
{
    QFETCH(QString, root);
    QFETCH(QString, code);
    const auto index = PmReader::read(root);
    QVERIFY(!index.ok());
    QCOMPARE(index.error().code, code);
    // The path, or (none given) a sentence that does not start with ": no such folder".
    QVERIFY2(root.isEmpty() ? index.error().message.startsWith(QStringLiteral("no pm/ folder"))
                            : index.error().message.contains(root),
             qPrintable(index.error().message));
}

void TestPmReader::cleanGeneratedTreeHasNoProblems()
{
    test::TestTree tree;
    TreeGenerator::Options options;
    options.projects = 2;
    options.epicsPerProject = 3;
    options.storiesPerEpic = 12;
    QVERIFY(TreeGenerator::generate(tree.path(QStringLiteral("pm")), options).ok());
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    QVERIFY2(index.value().problems.isEmpty(), qPrintable(dump(index.value())));
    QCOMPARE(index.value().count(EntityKind::Story), 2 * 3 * 12);
}

// A read whose cancel flag is set reads nothing more and says it was cancelled (the studio
// sets it when the window closes or another folder replaces this one).
void TestPmReader::cancelledReadFails()
{
    test::TestTree tree;
    TreeGenerator::Options options;
    options.epicsPerProject = 2;
    options.storiesPerEpic = 5;
    QVERIFY(TreeGenerator::generate(tree.path(QStringLiteral("pm")), options).ok());
    std::atomic_bool cancel{true};
    PmReader::Options reading;
    reading.cancel = &cancel;
    const auto cancelled = PmReader::read(tree.path(QStringLiteral("pm")), reading);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, QStringLiteral("read.cancelled"));
    QVERIFY(cancelled.error().message.contains(QStringLiteral("cancelled")));
    cancel = false;
    const auto read = PmReader::read(tree.path(QStringLiteral("pm")), reading);
    QVERIFY(read.ok());
    QCOMPARE(read.value().count(EntityKind::Story), 2 * 5);
}

// The studio keeps every file's bytes (100,000 files, 206 MB in the benchmark): the buffers
// must be the files' sizes, not a growth step larger (that once doubled the window's memory).
void TestPmReader::keepsNoSlackInFileBuffers()
{
    test::TestTree tree;
    TreeGenerator::Options options;
    options.epicsPerProject = 2;
    options.storiesPerEpic = 5;
    QVERIFY(TreeGenerator::generate(tree.path(QStringLiteral("pm")), options).ok());
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    qsizetype files = 0;
    for (const Entity& e : index.value().entities) {
        if (e.raw.isEmpty())
            continue;
        ++files;
        QVERIFY2(e.raw.capacity() - e.raw.size() < 64,
                 qPrintable(QStringLiteral("%1: %2 bytes in a buffer of %3")
                                .arg(e.relativePath)
                                .arg(e.raw.size())
                                .arg(e.raw.capacity())));
    }
    QVERIFY(files >= 10);
}

void TestPmReader::faultsOfTheGeneratorAreAllFound()
{
    test::TestTree tree;
    TreeGenerator::Options options;
    options.epicsPerProject = 2;
    options.storiesPerEpic = 5;
    options.faults = true;
    QVERIFY(TreeGenerator::generate(tree.path(QStringLiteral("pm")), options).ok());
    const auto index = PmReader::read(tree.path(QStringLiteral("pm")));
    QVERIFY(index.ok());
    for (const QString& fault : TreeGenerator::faultFiles()) {
        const QString file = fault.section(QLatin1Char(' '), 0, -2);
        const QString code = fault.section(QLatin1Char(' '), -1);
        bool found = false;
        for (const Problem& p : index.value().problems)
            found = found || (p.code == code &&
                              (p.path.endsWith(QLatin1Char('/') + file) || p.path == file));
        QVERIFY2(found, qPrintable(fault + QStringLiteral("\n") + dump(index.value())));
    }
}

QTEST_GUILESS_MAIN(TestPmReader)
#include "tst_pmreader.moc"
