// Large values load on demand and can be cancelled (issue #7): a 5.5 MB value against a real
// redis-server loads in chunks off the GUI thread with progress and a Cancel button, shows
// formatted once complete, and Esc between two chunks stops it and says so.
#include "documentview.h"
#include "kvloader.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"
#include "redisserver.h"

#include <QAction>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace pmkv;

namespace {

const QByteArray kBig = "blob:big";
const QByteArray kSmall = "blob:small";
constexpr int kPieces = 55;
constexpr int kPiece = 100000;

} // namespace

class TestValueLoad final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void largeValueLoadsInChunks();
    void escCancelsBetweenChunks();

private:
    void connectWindow(MainWindow& window);

    test::RedisServer m_redis;
    qint64 m_size = 0;
};

void TestValueLoad::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-tests-valueload"));
    QSettings().clear();
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    // {"blob":"aaaa..."} of 5.2 MiB, appended piece by piece (an argument is limited in size).
    const QString key = QString::fromUtf8(kBig);
    m_redis.cli({QStringLiteral("SET"), key, QStringLiteral("{\"blob\":\"")});
    const QString piece(kPiece, QLatin1Char('a'));
    for (int i = 0; i < kPieces; ++i)
        m_redis.cli({QStringLiteral("APPEND"), key, piece});
    m_size =
        m_redis.cli({QStringLiteral("APPEND"), key, QStringLiteral("\"}")}).trimmed().toLongLong();
    QCOMPARE(m_size, qint64(kPieces) * kPiece + 11);
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(kSmall), QStringLiteral("{\"a\":1}")});
}

void TestValueLoad::connectWindow(MainWindow& window)
{
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy scanned(window.kvLoader(), &KvLoader::scanFinished);
    ConnectionProfile p;
    p.name = QStringLiteral("local");
    p.kind = ConnectionProfile::Kind::Redis;
    p.address = m_redis.url();
    window.connectTo(p);
    QTRY_VERIFY_WITH_TIMEOUT(scanned.count() > 0 && window.kvPane()->model()->isFinished(), 20000);
}

void TestValueLoad::largeValueLoadsInChunks()
{
    MainWindow window;
    connectWindow(window);
    QSignalSpy progress(window.kvLoader(), &KvLoader::valueProgress);
    QSignalSpy loaded(window.kvLoader(), &KvLoader::valueLoaded);
    // What the pane shows while the chunks come (checked after the window handled each one).
    QStringList shown;
    connect(window.kvLoader(), &KvLoader::valueProgress, this, [&] {
        shown << (window.keyView()->isLoading() && window.cancelLoadAction()->isEnabled()
                      ? window.keyView()->headerText()
                      : QStringLiteral("not loading"));
    });
    QVERIFY(window.kvPane()->selectKey(kBig));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.count(), 1);
    // 1 MiB at a time: 6 chunks for 5.5 MB, each reported.
    QCOMPARE(progress.count(), int((m_size + KvLoader::kLargeValue - 1) / KvLoader::kLargeValue));
    QCOMPARE(progress.last().at(1).toLongLong(), m_size);
    QVERIFY2(shown.first().contains(QStringLiteral("Loading")) &&
                 shown.first().contains(QStringLiteral("of 5.2 MiB")),
             qPrintable(shown.join(QLatin1Char('|'))));
    const auto value = loaded.first().first().value<KvValue>();
    QCOMPARE(value.bytes.size(), m_size);
    QVERIFY(!value.truncated);
    QVERIFY(value.bytes.endsWith("aaa\"}"));
    // Shown formatted, without a loading bar; Esc is free again.
    QVERIFY(!window.keyView()->isLoading());
    QVERIFY(!window.cancelLoadAction()->isEnabled());
    const QString text = window.keyView()->contentText();
    QVERIFY(text.startsWith(QStringLiteral("{\n  \"blob\": \"aaa")));
    // The 5.5 MB line is cut for display (laying it out took seconds), and said so.
    QVERIFY2(text.size() < 10000 && text.contains(QStringLiteral("more characters on this line")),
             qPrintable(text.right(200)));
    // (the size with the locale's thousands separators)
    QVERIFY2(window.keyView()->headerText().contains(QLocale().toString(m_size)),
             qPrintable(window.keyView()->headerText()));
}

void TestValueLoad::escCancelsBetweenChunks()
{
    MainWindow window;
    connectWindow(window);
    QSignalSpy progress(window.kvLoader(), &KvLoader::valueProgress);
    QSignalSpy loaded(window.kvLoader(), &KvLoader::valueLoaded);
    QSignalSpy cancelled(window.kvLoader(), &KvLoader::valueCancelled);
    connect(window.kvLoader(), &KvLoader::valueProgress, this, [&] {
        if (progress.count() == 2) // after the second chunk: Esc, as a user would press it
            QTest::keyClick(&window, Qt::Key_Escape);
    });
    QVERIFY(window.kvPane()->selectKey(kBig));
    QVERIFY(cancelled.wait(20000));
    QCOMPARE(cancelled.first().at(0).toByteArray(), kBig);
    QCOMPARE(cancelled.first().at(1).toLongLong(), 2 * KvLoader::kLargeValue);
    QCOMPARE(cancelled.first().at(2).toLongLong(), m_size);
    QTest::qWait(300); // no chunk and no value after the cancel
    QCOMPARE(progress.count(), 2);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(!window.keyView()->isLoading());
    QVERIFY2(
        window.keyView()->headerText().contains(QStringLiteral("cancelled after 2.0 of 5.2 MiB")),
        qPrintable(window.keyView()->headerText()));
    QVERIFY(!window.cancelLoadAction()->isEnabled());
    // Another key loads normally afterwards.
    QVERIFY(window.kvPane()->selectKey(kSmall));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.last().first().value<KvValue>().bytes, QByteArray("{\"a\":1}"));
}

QTEST_MAIN(TestValueLoad)
#include "tst_valueload.moc"
