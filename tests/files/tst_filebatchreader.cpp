#include "files/filebatchreader.h"
#include "testtree.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

using namespace pmkv;

namespace {

struct Seen
{
    int visits = 0;
    QByteArray bytes;
    qint64 size = -1;
    int error = 0;
    bool tooLarge = false;
};

// Every path's result, checking that each is visited once and in order.
std::vector<Seen> readAll(const std::vector<QByteArray>& paths, qint64 maxFileBytes,
                          FileBatchReader::Method method, bool* inOrder)
{
    std::vector<Seen> seen(paths.size());
    size_t expected = 0;
    *inOrder = true;
    FileBatchReader::read(
        paths, maxFileBytes,
        [&](size_t i, const FileBatchReader::File& file) {
            *inOrder = *inOrder && i == expected++;
            Seen& s = seen.at(i);
            ++s.visits;
            s.bytes = file.bytes.toByteArray();
            s.size = file.size;
            s.error = file.error;
            s.tooLarge = file.tooLarge;
        },
        method);
    return seen;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (char& c : bytes)
        c = char(generator.bounded(256));
    return bytes;
}

} // namespace

class TestFileBatchReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void readsEveryFileWhole_data();
    void readsEveryFileWhole();
    void reportsWhatCannotBeRead_data();
    void reportsWhatCannotBeRead();
    void threadsReadAtTheSameTime();
};

void TestFileBatchReader::initTestCase()
{
    qInfo("io_uring %s on this machine",
          FileBatchReader::usesIoUring() ? "is used" : "is not available: plain calls");
}

void TestFileBatchReader::readsEveryFileWhole_data()
{
    QTest::addColumn<FileBatchReader::Method>("method");
    QTest::newRow("fastest") << FileBatchReader::Method::Fastest;
    QTest::newRow("plain calls") << FileBatchReader::Method::PlainCalls;
}

void TestFileBatchReader::readsEveryFileWhole()
{
    QFETCH(FileBatchReader::Method, method);
    // Sizes around the 64 KiB slot and 100 files: more than three batches of 32.
    const QList<qsizetype> edges{0, 1, 4095, 65535, 65536, 65537, 300000};
    test::TestTree tree;
    std::vector<QByteArray> paths;
    std::vector<QByteArray> contents;
    for (int i = 0; i < 100; ++i) {
        const qsizetype size = i < edges.size() ? edges.at(i) : 100 + i * 37;
        const QString name = QStringLiteral("f%1.json").arg(i);
        contents.push_back(randomBytes(size, quint32(i)));
        tree.write(name, contents.back());
        paths.push_back(QFile::encodeName(tree.path(name)));
    }
    bool inOrder = false;
    const std::vector<Seen> seen = readAll(paths, 1024 * 1024, method, &inOrder);
    QVERIFY(inOrder);
    for (size_t i = 0; i < paths.size(); ++i) {
        QCOMPARE(seen[i].visits, 1);
        QCOMPARE(seen[i].error, 0);
        QVERIFY(!seen[i].tooLarge);
        QCOMPARE(seen[i].size, qint64(contents[i].size()));
        QVERIFY2(seen[i].bytes == contents[i], paths[i].constData());
    }
}

void TestFileBatchReader::reportsWhatCannotBeRead_data()
{
    readsEveryFileWhole_data();
}

void TestFileBatchReader::reportsWhatCannotBeRead()
{
    QFETCH(FileBatchReader::Method, method);
    test::TestTree tree;
    tree.write(QStringLiteral("ok.json"), "{}");
    tree.write(QStringLiteral("at-limit.json"), QByteArray(1000, 'a'));
    tree.write(QStringLiteral("over-limit.json"), QByteArray(1001, 'b'));
    tree.write(QStringLiteral("folder/inside.json"), "{}");
    const QByteArray fifo = QFile::encodeName(tree.path(QStringLiteral("fifo.json")));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    const std::vector<QByteArray> paths{
        QFile::encodeName(tree.path(QStringLiteral("ok.json"))),
        QFile::encodeName(tree.path(QStringLiteral("missing.json"))),
        QFile::encodeName(tree.path(QStringLiteral("folder"))),
        QFile::encodeName(tree.path(QStringLiteral("at-limit.json"))),
        QFile::encodeName(tree.path(QStringLiteral("over-limit.json"))),
        fifo,
        QFile::encodeName(tree.path(QStringLiteral("ok.json"))),
    };
    bool inOrder = false;
    // A FIFO without a writer must not block the read: it reads as empty or fails.
    const std::vector<Seen> seen = readAll(paths, 1000, method, &inOrder);
    QVERIFY(inOrder);
    QCOMPARE(seen[0].bytes, QByteArray("{}"));
    QCOMPARE(seen[1].error, ENOENT);
    QCOMPARE(seen[2].error, EISDIR);
    QCOMPARE(seen[3].bytes, QByteArray(1000, 'a'));
    QVERIFY(seen[4].tooLarge);
    QCOMPARE(seen[4].size, qint64(1001));
    QVERIFY(seen[4].bytes.isEmpty());
    QVERIFY(seen[5].bytes.isEmpty());
    QCOMPARE(seen[6].bytes, QByteArray("{}"));
    for (const Seen& s : seen)
        QCOMPARE(s.visits, 1);
}

void TestFileBatchReader::threadsReadAtTheSameTime()
{
    // Each pool thread has its own ring and slot buffers: reading from several threads at once
    // must not mix up contents.
    test::TestTree tree;
    std::vector<std::vector<QByteArray>> chunks(16);
    std::vector<std::vector<QByteArray>> expected(16);
    for (int c = 0; c < 16; ++c) {
        for (int i = 0; i < 50; ++i) {
            const QString name = QStringLiteral("c%1/f%2.json").arg(c).arg(i);
            expected[size_t(c)].push_back(
                randomBytes(200 + (c * 50 + i) % 3000, quint32(c * 50 + i)));
            tree.write(name, expected[size_t(c)].back());
            chunks[size_t(c)].push_back(QFile::encodeName(tree.path(name)));
        }
    }
    std::vector<int> indexes(16);
    for (int c = 0; c < 16; ++c)
        indexes[size_t(c)] = c;
    std::vector<int> wrong(16, 0);
    QtConcurrent::blockingMap(indexes, [&](int c) {
        FileBatchReader::read(chunks[size_t(c)], 1024 * 1024,
                              [&](size_t i, const FileBatchReader::File& file) {
                                  if (file.bytes != expected[size_t(c)][i])
                                      ++wrong[size_t(c)];
                              });
    });
    for (int c = 0; c < 16; ++c)
        QCOMPARE(wrong[size_t(c)], 0);
}

QTEST_GUILESS_MAIN(TestFileBatchReader)
#include "tst_filebatchreader.moc"
