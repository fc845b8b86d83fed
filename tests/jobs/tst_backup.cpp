#include "jobs/backupjob.h"
#include "jobs/backupverifier.h"
#include "testtree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace pmkv;

namespace {

QMap<QString, QByteArray> readTree(const QString& root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        files.insert(QDir(root).relativeFilePath(path), f.readAll());
    }
    return files;
}

// Copies an archive entry by entry, letting `edit` change an entry's bytes.
void rewrite(const QString& from, const QString& to,
             const std::function<void(const QString&, QByteArray&)>& edit)
{
    archive* in = archive_read_new();
    archive_read_support_filter_gzip(in);
    archive_read_support_format_tar(in);
    QVERIFY(archive_read_open_filename(in, QFile::encodeName(from).constData(), 65536) ==
            ARCHIVE_OK);
    archive* out = archive_write_new();
    archive_write_add_filter_gzip(out);
    archive_write_set_format_pax_restricted(out);
    QVERIFY(archive_write_open_filename(out, QFile::encodeName(to).constData()) == ARCHIVE_OK);
    archive_entry* entry = nullptr;
    while (archive_read_next_header(in, &entry) == ARCHIVE_OK) {
        QByteArray bytes;
        char buf[8192];
        la_ssize_t n;
        while ((n = archive_read_data(in, buf, sizeof buf)) > 0)
            bytes.append(buf, n);
        edit(QString::fromUtf8(archive_entry_pathname(entry)), bytes);
        archive_entry* copy = archive_entry_clone(entry);
        archive_entry_set_size(copy, bytes.size());
        archive_write_header(out, copy);
        archive_write_data(out, bytes.constData(), size_t(bytes.size()));
        archive_entry_free(copy);
    }
    archive_write_close(out);
    archive_write_free(out);
    archive_read_free(in);
}

} // namespace

class TestBackup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void roundTripKeepsEveryFileByteForByte();
    void restoreRefusesNonEmptyTargetUnlessOverwrite();
    void corruption_data();
    void corruption();
    void flippedByteFailsVerify();
    void diskFullLeavesNoValidArchive();
    void longNamesRestoreWhole();
    void restoreIsAllOrNothing();
    void namesAreBytes();
    void linksAreNotFollowedAndMakeItIncomplete();

private:
    QString makeBackup();
    std::unique_ptr<test::TestTree> m_dir;
};

void TestBackup::init()
{
    m_dir = std::make_unique<test::TestTree>();
    m_dir->write(QStringLiteral("pm/people.json"), "[]\n");
    m_dir->write(QStringLiteral("pm/README.md"), "# notes\r\nnot data\n");
    m_dir->write(QStringLiteral("pm/.hidden"), "dot file");
    m_dir->write(QStringLiteral("pm/p/project.json"), "{\"name\": \"p\"}");
    m_dir->write(QStringLiteral("pm/p/e/epic.json"), "{broken json");
    m_dir->write(QStringLiteral("pm/p/e/F-AI-001.json"), QByteArray("\xff\xfe not utf8", 13));
    m_dir->write(QStringLiteral("pm/p/e/empty.json"), "");
    QDir().mkpath(m_dir->path(QStringLiteral("pm/empty-folder")));
}

QString TestBackup::makeBackup()
{
    BackupJob::Params params;
    params.root = m_dir->path(QStringLiteral("pm"));
    params.destination = m_dir->path();
    params.layout = QStringLiteral("repository");
    auto done = BackupJob::run(params);
    if (!done) {
        qWarning() << done.error().message;
        return {};
    }
    return done.value().archivePath;
}

void TestBackup::roundTripKeepsEveryFileByteForByte()
{
    const QString archive = makeBackup();
    QVERIFY(!archive.isEmpty());
    QVERIFY(archive.endsWith(QStringLiteral(".tar.gz")));
    // No temporary file left beside it.
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("*partial*")}, QDir::Files).size(), 0);
    auto checked = BackupVerifier::verify(archive);
    QVERIFY(checked);
    QVERIFY2(checked.value().valid, qPrintable(checked.value().problems.join(u'\n')));
    QCOMPARE(checked.value().fileCount, 7);
    QCOMPARE(checked.value().tag.value(QStringLiteral("layout")).toString(),
             QStringLiteral("repository"));
    auto restored = BackupVerifier::restore(archive, m_dir->path(QStringLiteral("back")), false);
    QVERIFY2(restored, restored ? "" : qPrintable(restored.error().message));
    QCOMPARE(readTree(m_dir->path(QStringLiteral("back"))),
             readTree(m_dir->path(QStringLiteral("pm"))));
}

void TestBackup::restoreRefusesNonEmptyTargetUnlessOverwrite()
{
    const QString archive = makeBackup();
    m_dir->write(QStringLiteral("target/keep.txt"), "mine");
    auto refused = BackupVerifier::restore(archive, m_dir->path(QStringLiteral("target")), false);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("restore.exists"));
    QCOMPARE(readTree(m_dir->path(QStringLiteral("target"))).size(), 1);
    auto done = BackupVerifier::restore(archive, m_dir->path(QStringLiteral("target")), true);
    QVERIFY(done);
    QCOMPARE(readTree(m_dir->path(QStringLiteral("target"))).size(), 8);
}

void TestBackup::corruption_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("file content changed")
        << QStringLiteral("data/p/project.json") << QStringLiteral("p/project.json");
    QTest::newRow("manifest hash edited")
        << QStringLiteral("pmkv-backup/manifest.json") << QStringLiteral("README.md");
    QTest::newRow("file dropped") << QStringLiteral("drop:data/p/e/empty.json")
                                  << QStringLiteral("p/e/empty.json");
}

void TestBackup::corruption()
{
    QFETCH(QString, entry);
    QFETCH(QString, mentions);
    const QString archive = makeBackup();
    const QString bad = m_dir->path(QStringLiteral("bad.tar.gz"));
    const bool drop = entry.startsWith(QStringLiteral("drop:"));
    const QString target = drop ? entry.mid(5) : entry;
    rewrite(archive, bad, [&](const QString& name, QByteArray& bytes) {
        if (name != target)
            return;
        if (drop) {
            bytes.clear(); // replaced below by renaming the entry away
            return;
        }
        if (name.endsWith(QStringLiteral("manifest.json"))) {
            QJsonObject m = QJsonDocument::fromJson(bytes).object();
            QJsonArray files = m.value(QStringLiteral("files")).toArray();
            for (int i = 0; i < files.size(); ++i) {
                QJsonObject f = files[i].toObject();
                if (f.value(QStringLiteral("path")).toString() == QStringLiteral("README.md")) {
                    f.insert(QStringLiteral("sha256"), QString(64, QLatin1Char('0')));
                    files[i] = f;
                }
            }
            m.insert(QStringLiteral("files"), files);
            bytes = QJsonDocument(m).toJson();
        } else {
            bytes[0] = char(bytes[0] ^ 0x20);
        }
    });
    if (drop) {
        // Rewrite again without the entry at all.
        const QString bad2 = m_dir->path(QStringLiteral("bad2.tar.gz"));
        struct archive* in = archive_read_new();
        archive_read_support_filter_gzip(in);
        archive_read_support_format_tar(in);
        archive_read_open_filename(in, QFile::encodeName(bad).constData(), 65536);
        struct archive* out = archive_write_new();
        archive_write_add_filter_gzip(out);
        archive_write_set_format_pax_restricted(out);
        archive_write_open_filename(out, QFile::encodeName(bad2).constData());
        archive_entry* e = nullptr;
        while (archive_read_next_header(in, &e) == ARCHIVE_OK) {
            QByteArray bytes;
            char buf[8192];
            la_ssize_t n;
            while ((n = archive_read_data(in, buf, sizeof buf)) > 0)
                bytes.append(buf, n);
            if (QString::fromUtf8(archive_entry_pathname(e)) == target)
                continue;
            archive_write_header(out, e);
            archive_write_data(out, bytes.constData(), size_t(bytes.size()));
        }
        archive_write_close(out);
        archive_write_free(out);
        archive_read_free(in);
        QFile::remove(bad);
        QFile::rename(bad2, bad);
    }
    auto checked = BackupVerifier::verify(bad);
    QVERIFY(checked);
    QVERIFY(!checked.value().valid);
    const QString all = checked.value().problems.join(u'\n');
    QVERIFY2(all.contains(mentions), qPrintable(all));
    auto restored = BackupVerifier::restore(bad, m_dir->path(QStringLiteral("out")), false);
    QVERIFY(!restored);
    QCOMPARE(restored.error().code, QStringLiteral("restore.invalid"));
    QVERIFY(!QDir(m_dir->path(QStringLiteral("out"))).exists());
}

void TestBackup::flippedByteFailsVerify()
{
    // Big enough that the compressed stream has a middle to damage.
    for (int i = 0; i < 50; ++i)
        m_dir->write(QStringLiteral("pm/p/e/F-AI-%1.json").arg(100 + i),
                     QByteArray::number(i).repeated(2000));
    const QString archive = makeBackup();
    QFile f(archive);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x55);
    f.seek(0);
    f.write(bytes);
    f.close();
    auto checked = BackupVerifier::verify(archive);
    QVERIFY(checked);
    QVERIFY(!checked.value().valid);
    QVERIFY(!checked.value().problems.isEmpty());
    QVERIFY(!BackupVerifier::restore(archive, m_dir->path(QStringLiteral("out")), false));
}

void TestBackup::diskFullLeavesNoValidArchive()
{
    // A file size limit in the child stands in for a full disk: writes past it fail (EFBIG,
    // SIGXFSZ ignored) or the process is killed by SIGXFSZ. Either way no archive that
    // verifies may be left behind.
    QVERIFY2(!test::binaryPath(QStringLiteral("pmkv")).isEmpty(), "pmkv is not built");
    // Letters from a seeded generator: gzip cannot squeeze 800 KB of them under the limit.
    QRandomGenerator random(42);
    for (int i = 0; i < 200; ++i) {
        QByteArray noise;
        for (int j = 0; j < 4000; ++j)
            noise.append(char('a' + random.bounded(26)));
        m_dir->write(QStringLiteral("pm/p/e/F-AI-%1.json").arg(100 + i), noise);
    }
    for (const bool ignoreSignal : {true, false}) {
        QProcess process;
        process.setChildProcessModifier([ignoreSignal] {
            rlimit limit{64 * 1024, 64 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
            if (ignoreSignal)
                ::signal(SIGXFSZ, SIG_IGN);
        });
        const QString out = m_dir->path(QStringLiteral("full%1").arg(int(ignoreSignal)));
        QDir().mkpath(out);
        process.start(test::binaryPath(QStringLiteral("pmkv")),
                      {QStringLiteral("backup"), m_dir->path(QStringLiteral("pm")),
                       QStringLiteral("-o"), out, QStringLiteral("--state-dir"),
                       m_dir->path(QStringLiteral("state"))});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY(process.exitStatus() == QProcess::CrashExit || process.exitCode() == 2);
        if (ignoreSignal)
            QVERIFY2(process.readAllStandardError().contains("cannot"), "no clear message");
        const QStringList left = QDir(out).entryList(QDir::Files);
        for (const QString& name : left) {
            QVERIFY2(!name.endsWith(QStringLiteral(".tar.gz")), qPrintable(name));
            auto checked = BackupVerifier::verify(QDir(out).filePath(name));
            QVERIFY(!checked || !checked.value().valid);
        }
        if (ignoreSignal)
            QVERIFY(left.isEmpty());
    }
}

// Issue #21 item 5: a 246-byte name has no room for a ".tmp-PID" suffix; the restore must
// still write every file.
void TestBackup::longNamesRestoreWhole()
{
    const QString longName = QString(242, QLatin1Char('s')) + QStringLiteral(".json");
    QCOMPARE(longName.size(), 247);
    for (int i = 0; i < 25; ++i)
        m_dir->write(QStringLiteral("pm/p/e/F-AI-%1.json").arg(200 + i), "{}");
    m_dir->write(QStringLiteral("pm/p/e/") + longName, "{\"long\": true}");
    const QString archive = makeBackup();
    QVERIFY(!archive.isEmpty());
    const QString target = m_dir->path(QStringLiteral("back"));
    auto restored = BackupVerifier::restore(archive, target, false);
    QVERIFY2(restored, restored ? "" : qPrintable(restored.error().message));
    QCOMPARE(restored.value().fileCount, 33);
    QCOMPARE(readTree(target), readTree(m_dir->path(QStringLiteral("pm"))));
}

// Issue #21 item 5: a restore that fails part way leaves the target as it was, and nothing
// of its own beside it.
void TestBackup::restoreIsAllOrNothing()
{
    const QString archive = makeBackup();
    const QString target = m_dir->path(QStringLiteral("target"));
    QDirIterator it(m_dir->path(QStringLiteral("pm")), QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString rel = QDir(m_dir->path(QStringLiteral("pm"))).relativeFilePath(it.next());
        if (rel != QLatin1String("p/e/empty.json"))
            m_dir->write(QStringLiteral("target/") + rel, "old " + rel.toUtf8());
    }
    // A folder where the backup has a file, late in the archive's order: it cannot be written.
    m_dir->write(QStringLiteral("target/p/e/empty.json/inside.txt"), "in the way");
    const auto before = readTree(target);
    const QStringList besideBefore =
        QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    auto failed = BackupVerifier::restore(archive, target, true);
    QVERIFY(!failed);
    QCOMPARE(readTree(target), before);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             besideBefore);
    // Without the obstacle the same restore replaces the files and keeps the others.
    QVERIFY(QDir(target + QStringLiteral("/p/e/empty.json")).removeRecursively());
    m_dir->write(QStringLiteral("target/mine.txt"), "mine");
    auto done = BackupVerifier::restore(archive, target, true);
    QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    auto after = readTree(target);
    QCOMPARE(after.take(QStringLiteral("mine.txt")), QByteArray("mine"));
    QCOMPARE(after, readTree(m_dir->path(QStringLiteral("pm"))));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             besideBefore);
}

namespace {

// Every file below `root` by its raw name bytes (readdir), with its content.
QMap<QByteArray, QByteArray> readRawTree(const QByteArray& root, const QByteArray& prefix = {})
{
    QMap<QByteArray, QByteArray> files;
    DIR* dir = ::opendir(root.constData());
    if (!dir)
        return files;
    while (const dirent* d = ::readdir(dir)) {
        const QByteArray name(d->d_name);
        if (name == "." || name == "..")
            continue;
        const QByteArray path = root + '/' + name;
        struct stat info
        {
        };
        ::lstat(path.constData(), &info);
        if (S_ISDIR(info.st_mode)) {
            files.insert(readRawTree(path, prefix + name + '/'));
        } else {
            QFile f(QFile::decodeName(path));
            const int fd = ::open(path.constData(), O_RDONLY);
            QByteArray bytes;
            char buf[4096];
            ssize_t n;
            while (fd >= 0 && (n = ::read(fd, buf, sizeof buf)) > 0)
                bytes.append(buf, n);
            if (fd >= 0)
                ::close(fd);
            files.insert(prefix + name, bytes);
        }
    }
    ::closedir(dir);
    return files;
}

bool writeRaw(const QByteArray& path, const QByteArray& bytes)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
    ::close(fd);
    return ok;
}

} // namespace

// Issue #21 item 4: a name that is not UTF-8 is kept and restored byte for byte, shown
// escaped; it was left out while the backup said "verified".
void TestBackup::namesAreBytes()
{
    const QByteArray root = QFile::encodeName(m_dir->path(QStringLiteral("pm")));
    QVERIFY(writeRaw(root + "/p/e/caf\xe9.json", "{\"latin1\": true}"));
    QVERIFY(writeRaw(root + "/\xff-notes.md", "notes"));
    QVERIFY(::mkdir(QByteArray(root + "/p/\xfe-folder").constData(), 0755) == 0);
    QVERIFY(writeRaw(root + "/p/\xfe-folder/x.md", "in a folder with a byte name"));
    BackupJob::Params params;
    params.root = m_dir->path(QStringLiteral("pm"));
    params.destination = m_dir->path();
    auto done = BackupJob::run(params);
    QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    QVERIFY2(done.value().skipped.isEmpty(), qPrintable(done.value().skipped.join(u' ')));
    QCOMPARE(done.value().fileCount, 10);
    auto checked = BackupVerifier::verify(done.value().archivePath);
    QVERIFY(checked && checked.value().valid);
    QCOMPARE(checked.value().fileCount, 10);
    QVERIFY(checked.value().notTaken.isEmpty());
    const QString target = m_dir->path(QStringLiteral("back"));
    auto restored = BackupVerifier::restore(done.value().archivePath, target, false);
    QVERIFY2(restored, restored ? "" : qPrintable(restored.error().message));
    QCOMPARE(readRawTree(QFile::encodeName(target)), readRawTree(root));
    // Shown escaped in the manifest (a JSON string must be UTF-8), kept as bytes beside it.
    QProcess tar;
    tar.start(QStringLiteral("tar"), {QStringLiteral("-xzOf"), done.value().archivePath,
                                      QStringLiteral("pmkv-backup/manifest.json")});
    QVERIFY(tar.waitForFinished());
    const QByteArray manifest = tar.readAllStandardOutput();
    QVERIFY2(manifest.contains("caf\\\\xE9.json"), manifest.constData());
}

// Issue #21 item 4: symbolic links are never followed, by any command; a backup that could
// not take a file says so (its manifest lists it) and is not complete.
void TestBackup::linksAreNotFollowedAndMakeItIncomplete()
{
    m_dir->write(QStringLiteral("outside/secret.json"), "{\"outside\": true}");
    QVERIFY(QFile::link(m_dir->path(QStringLiteral("outside/secret.json")),
                        m_dir->path(QStringLiteral("pm/p/e/F-AI-009.json"))));
    BackupJob::Params params;
    params.root = m_dir->path(QStringLiteral("pm"));
    params.destination = m_dir->path();
    auto done = BackupJob::run(params);
    QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    QCOMPARE(done.value().skipped.size(), 1);
    QVERIFY2(done.value().skipped.first().startsWith(QStringLiteral("p/e/F-AI-009.json")),
             qPrintable(done.value().skipped.first()));
    QVERIFY(done.value().skipped.first().contains(QStringLiteral("symbolic link")));
    auto checked = BackupVerifier::verify(done.value().archivePath);
    QVERIFY(checked && checked.value().valid);
    QCOMPARE(checked.value().notTaken.size(), 1);
    QVERIFY(checked.value().notTaken.first().startsWith(QStringLiteral("p/e/F-AI-009.json")));
    const QString target = m_dir->path(QStringLiteral("back"));
    QVERIFY(BackupVerifier::restore(done.value().archivePath, target, false));
    QVERIFY(!QFileInfo::exists(target + QStringLiteral("/p/e/F-AI-009.json")));
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
