// GUI benchmark (issue #7): the real MainWindow on a generated pm/ tree of 100,000 stories
// and a Redis of 1,000,000 keys, in the namespace view (the aligned mode, the default since
// #19, hides the key tree: the bench waited for its first paint forever). Then (issue #19)
// "type three characters in the key search" and clear it, the same in the file search, and
// "scroll the aligned view": the aligned mode's rows of everything loaded, one project opened,
// scrolled page by page to its end and back. Prints, as each phase ends, time to first paint of
// each tree, the longest stall of the GUI thread (a 5 ms QTimer probe), the time to scan and
// compare everything, and peak memory, with the targets (first paint < 1 s, no stall >
// 100 ms, < 1 GB).
//   bench_gui generate <folder> <stories>          writes <folder>/pm
//   bench_gui load <pm-folder> <redis-port> <keys>  the folder's keys (1% changed, 1% missing)
//                                                   plus filler keys up to <keys>
//   bench_gui run <pm-folder> <redis-port>          the measurement
#include "alignedfilterproxymodel.h"
#include "alignedpane.h"
#include "alignedtreemodel.h"
#include "alignment.h"
#include "connections/storethread.h"
#include "filepane.h"
#include "files/pmreader.h"
#include "filetreemodel.h"
#include "folderloader.h"
#include "generate/treegenerator.h"
#include "kvloader.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"
#include "redis/redisstore.h"

#include <QApplication>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <sys/resource.h>

#include <algorithm>
#include <deque>
#include <functional>

using namespace pmkv;

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

int generate(const QString& folder, int stories)
{
    TreeGenerator::Options o;
    o.epicsPerProject = 20;
    o.storiesPerEpic = 500;
    o.projects = (stories + 9999) / 10000;
    o.seed = 7;
    auto r = TreeGenerator::generate(folder + QStringLiteral("/pm"), o);
    if (!r) {
        out() << r.error().message << Qt::endl;
        return 2;
    }
    out() << "generated " << r.value().stories << " stories, " << r.value().files << " files"
          << Qt::endl;
    return 0;
}

int load(const QString& folder, quint16 port, qint64 total)
{
    auto index = PmReader::read(folder);
    if (!index) {
        out() << index.error().message << Qt::endl;
        return 2;
    }
    const auto alignment =
        Alignment::build(FileTreeSnapshot::build(std::move(index).value()),
                         KeyLayout::preset(QStringLiteral("repository")).value());
    StoreThread thread;
    KvStore* store = thread.call([port, &thread]() -> KvStore* {
        auto* s = new RedisStore(RedisAddress::tcp(QStringLiteral("127.0.0.1"), port));
        s->setParent(thread.context());
        return s;
    });
    std::deque<QFuture<Result<KvStore::Replies>>> inFlight;
    QVector<KvCommand> batch;
    qint64 written = 0;
    auto flush = [&] {
        if (batch.isEmpty())
            return true;
        inFlight.push_back(store->execute(batch));
        batch.clear();
        while (inFlight.size() > 8) {
            inFlight.front().waitForFinished();
            if (!inFlight.front().result()) {
                out() << inFlight.front().result().error().message << Qt::endl;
                return false;
            }
            inFlight.pop_front();
        }
        return true;
    };
    const auto& entries = alignment->entries();
    for (int i = 0; i < entries.size(); ++i) {
        const KeyEntry& e = entries.at(i);
        if (i % 100 == 7)
            continue; // 1%: only in files
        QByteArray value = alignment->valueOf(i);
        if (i % 100 == 3 && value.startsWith('{'))
            value = "{\"edited\":true," + value.mid(1); // 1%: changed
        batch.append({QByteArrayLiteral("SET"), e.key.toUtf8(), value});
        ++written;
        if (batch.size() >= 2000 && !flush())
            return 2;
    }
    for (qint64 n = 0; written < total; ++n, ++written) {
        batch.append({QByteArrayLiteral("SET"),
                      QByteArrayLiteral("cache:") + QByteArray::number(n / 1000) + ':' +
                          QByteArray::number(n),
                      QByteArrayLiteral("{\"hits\":") + QByteArray::number(n) + '}'});
        if (batch.size() >= 2000 && !flush())
            return 2;
    }
    if (!flush())
        return 2;
    for (auto& f : inFlight)
        f.waitForFinished();
    thread.call([store] { delete store; });
    out() << "loaded " << written << " keys (" << entries.size() << " mapped from the folder)"
          << Qt::endl;
    return 0;
}

// Records when a tree's viewport first paints with rows in it.
class PaintProbe final : public QObject
{
public:
    PaintProbe(QWidget* viewport, std::function<bool()> ready, const QElapsedTimer& clock)
        : m_ready(std::move(ready)), m_clock(clock)
    {
        viewport->installEventFilter(this);
    }
    qint64 at = -1;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && at < 0 && m_ready())
            at = m_clock.elapsed();
        return false;
    }

private:
    std::function<bool()> m_ready;
    const QElapsedTimer& m_clock;
};

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().left(14)).trimmed()
                                       : QStringLiteral("?");
}

// The resident set now (VmRSS), to see at which step the peak comes.
double currentMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

double peakMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// With BENCH_TRACE set: times every event the GUI thread delivers (outermost only) and keeps
// the slowest ones, to name what a long stall was (receiver class, event type).
class TracingApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    struct Slow
    {
        qint64 ms;
        qint64 at;
        QString what;
    };
    std::vector<Slow> slow;
    const QElapsedTimer* clock = nullptr;

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (!clock || m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const int type = int(event->type());
        const QString name = QString::fromLatin1(receiver->metaObject()->className()) +
                             QLatin1Char('/') + receiver->objectName();
        const bool r = QApplication::notify(receiver, event);
        --m_depth;
        const qint64 ms = t.elapsed();
        if (ms >= 20)
            slow.push_back(
                {ms, clock->elapsed(), name + QStringLiteral(" event ") + QString::number(type)});
        return r;
    }

private:
    int m_depth = 0;
};

} // namespace

int main(int argc, char** argv)
{
#ifdef __GLIBC__
    // Two malloc arenas instead of one per thread: memory freed by the workers (the folder's
    // reading, the alignment) is reused by the GUI thread's trees instead of staying in the
    // workers' arenas (about 70 MiB less at 1,000,000 keys).
    mallopt(M_ARENA_MAX, qEnvironmentVariableIntValue("BENCH_ARENAS") > 0
                             ? qEnvironmentVariableIntValue("BENCH_ARENAS")
                             : 2);
#endif
    TracingApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args.at(1) == QLatin1String("generate"))
        return generate(args.at(2), args.at(3).toInt());
    if (args.size() >= 5 && args.at(1) == QLatin1String("load"))
        return load(args.at(2), quint16(args.at(3).toUInt()), args.at(4).toLongLong());
    if (args.size() < 4 || args.at(1) != QLatin1String("run")) {
        QTextStream(stderr) << "usage: bench_gui generate|load|run ... (see the source)\n";
        return 64;
    }
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-bench"));
    const QString folder = args.at(2);
    const quint16 port = quint16(args.at(3).toUInt());

    MainWindow window;
    window.resize(1280, 800);
    window.setAlignedMode(false); // (the aligned view comes last)
    window.show();
    // What the bench does now, for the timeout's message.
    QString phase = QStringLiteral("opening the folder");

    QElapsedTimer clock;
    clock.start();
    if (qEnvironmentVariableIsSet("BENCH_TRACE"))
        app.clock = &clock;
    // The stall probe: a 5 ms timer; the longest gap between two ticks is the longest time the
    // GUI thread could not run its event loop.
    qint64 last = 0, worst = 0, worstAt = 0;
    std::vector<qint64> gaps;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        gaps.push_back(now - last);
        if (now - last > worst) {
            worst = now - last;
            worstAt = now;
        }
        last = now;
    });

    KvTreeModel* kvModel = window.kvPane()->model();
    PaintProbe filePaint(
        window.filePane()->view()->viewport(),
        [&] { return window.filePane()->view()->model()->rowCount() > 0; }, clock);
    PaintProbe kvPaint(
        window.kvPane()->view()->viewport(), [&] { return kvModel->keyCount() > 0; }, clock);
    qint64 folderLoaded = -1, connectedAt = -1, scanDone = -1, compareDone = -1;
    bool scanned = false, compared = false;

    QObject::connect(window.loader(), &FolderLoader::loaded,
                     [&] { folderLoaded = clock.elapsed(); });
    auto ratio = [](double value, double target) {
        return QString::number(value / target, 'f', 2);
    };
    // Done once the alignment is in, every key is scanned (and classified: a second pass
    // runs when the alignment comes after the first keys) and the folder is compared.
    bool quitting = false;
    // Scrolling the aligned view, once everything is in: the longest stall while a timer
    // moves the shared scroll bar a page every 16 ms (a held Page Down) to the end and back.
    qint64 alignedAsked = -1, alignedReadyAt = -1, expandMs = -1, scrollMs = -1;
    qint64 alignedStall = -1, scrollStall = -1;
    int scrollSteps = 0, alignedRows = 0;
    QTimer scroller;
    scroller.setInterval(16);
    PaintProbe alignedPaint(
        window.alignedPane()->keyView()->viewport(),
        [&] { return alignedAsked >= 0 && window.alignedPane()->model()->tree(); }, clock);
    auto printAligned = [&] {
        out() << "aligned view: rows of everything loaded (" << alignedRows << " rows) built "
              << (alignedReadyAt - alignedAsked) << " ms after switching, first paint "
              << (alignedPaint.at - alignedAsked) << " ms after switching, longest GUI stall "
              << alignedStall << " ms; one project opened ("
              << window.alignedPane()->keyView()->verticalScrollBar()->maximum()
              << " px of rows) in " << expandMs << " ms; scrolled a page every 16 ms to the "
              << "end and back: " << scrollSteps << " pages in " << scrollMs
              << " ms, longest GUI stall while scrolling " << scrollStall
              << " ms (target < 100 ms: " << ratio(double(scrollStall), 100) << " x)" << Qt::endl;
    };
    auto scrollAligned = [&] {
        phase = QStringLiteral("building the aligned view");
        AlignedPane* pane = window.alignedPane();
        worst = 0;
        QObject::connect(&window, &MainWindow::alignedTreeReady, &app, [&, pane] {
            if (alignedReadyAt >= 0)
                return;
            alignedReadyAt = clock.elapsed();
            alignedRows = pane->model()->tree() ? pane->model()->tree()->size() - 1 : 0;
            QTimer::singleShot(1000, &app, [&, pane] { // (the rows laid out and painted)
                alignedStall = worst;
                phase = QStringLiteral("scrolling the aligned view");
                QElapsedTimer t;
                t.start();
                const QModelIndex project = pane->proxy()->index(pane->proxy()->rowCount() - 1, 0);
                pane->keyView()->expand(project);
                for (int row = 0; row < pane->proxy()->rowCount(project); ++row)
                    pane->keyView()->expand(pane->proxy()->index(row, 0, project));
                expandMs = t.elapsed();
                QTimer::singleShot(200, &app, [&, pane] {
                    QScrollBar* bar = pane->keyView()->verticalScrollBar();
                    worst = 0;
                    last = clock.elapsed();
                    const qint64 started = clock.elapsed();
                    QObject::connect(&scroller, &QTimer::timeout, &app,
                                     [&, bar, started, direction = 1]() mutable {
                                         ++scrollSteps;
                                         bar->setValue(bar->value() + direction * bar->pageStep());
                                         if (direction > 0 && bar->value() >= bar->maximum())
                                             direction = -1;
                                         else if (direction < 0 && bar->value() <= 0) {
                                             scroller.stop();
                                             scrollMs = clock.elapsed() - started;
                                             scrollStall = worst;
                                             printAligned();
                                             QTimer::singleShot(100, &app, &QApplication::quit);
                                         }
                                     });
                    scroller.start();
                });
            });
        });
        alignedAsked = clock.elapsed();
        window.setAlignedMode(true); // (the rows come from a worker: alignedTreeReady)
    };
    // Types three characters, one every 150 ms as a person types, into `box`; once `shown`
    // says the result is on screen (or 1.5 s after the last one), 1 s more in which nothing
    // else may stall; then clears the box the same way. Reports the longest stall of each.
    const QString typed = QStringLiteral("123");
    struct SearchRun
    {
        qint64 shownAt = -1, typingStall = -1, clearedAt = -1, clearingStall = -1;
    };
    SearchRun keySearch, fileSearch;
    auto runSearch = [&](QLineEdit* box, SearchRun& run, std::function<bool()> applied,
                         std::function<void()> then) {
        worst = 0;
        const qint64 start = clock.elapsed();
        for (int i = 1; i <= typed.size(); ++i)
            QTimer::singleShot(150 * i, box, [box, &typed, i] { box->setText(typed.left(i)); });
        auto* poll = new QTimer(&app);
        QObject::connect(poll, &QTimer::timeout, &app, [&, box, poll, start, applied, then] {
            const qint64 since = clock.elapsed() - start;
            if (since < 150 * typed.size() || (!applied() && since < 150 * typed.size() + 1500))
                return;
            poll->stop();
            run.shownAt = since;
            QTimer::singleShot(1000, &app, [&, box, applied, then] {
                run.typingStall = worst;
                worst = 0;
                const qint64 cleared = clock.elapsed();
                box->clear();
                auto* wait = new QTimer(&app);
                QObject::connect(wait, &QTimer::timeout, &app, [&, wait, cleared, applied, then] {
                    const qint64 since = clock.elapsed() - cleared;
                    if (!applied() && since < 1500)
                        return;
                    wait->stop();
                    run.clearedAt = since;
                    QTimer::singleShot(1000, &app, [&, then] {
                        run.clearingStall = worst;
                        then();
                    });
                });
                wait->start(10);
            });
        });
        poll->start(10);
    };
    auto printSearch = [&](const char* what, const SearchRun& run, qint64 rows) {
        out() << what << ": typed \"" << typed << "\" (a character every 150 ms) with " << rows
              << " rows loaded, matches shown " << run.shownAt
              << " ms after the first character; longest GUI stall " << run.typingStall
              << " ms (target < 100 ms: " << ratio(double(run.typingStall), 100)
              << " x); cleared, every row back after " << run.clearedAt << " ms, longest GUI stall "
              << run.clearingStall << " ms" << Qt::endl;
    };
    qint64 loadWorst = -1, loadWorstAt = 0;
    KvPane* kvPane = window.kvPane();
    QString keySearchShown; // the text the key tree shows the search of
    QObject::connect(kvPane, &KvPane::searchApplied, &app,
                     [&](const QString& text) { keySearchShown = text; });
    QString fileSearchShown;
    QObject::connect(window.filePane(), &FilePane::searchApplied, &app,
                     [&](const QString& text) { fileSearchShown = text; });
    auto typeFileSearch = [&] {
        phase = QStringLiteral("typing in the file search");
        runSearch(
            window.filePane()->searchBox(), fileSearch,
            [&] { return fileSearchShown == window.filePane()->searchBox()->text(); },
            [&] {
                printSearch(
                    "file search", fileSearch,
                    window.filePane()->model()->snapshot()
                        ? qint64(window.filePane()->model()->snapshot()->index().entities.size())
                        : 0);
                scrollAligned(); // then the aligned view
            });
    };
    auto typeKeySearch = [&] {
        loadWorst = worst;
        loadWorstAt = worstAt;
        out() << "key tree: first paint " << (kvPaint.at - connectedAt)
              << " ms after Connect (target < 1000 ms: "
              << ratio(double(kvPaint.at - connectedAt), 1000) << " x); " << kvModel->keyCount()
              << " keys scanned in " << (scanDone - connectedAt) << " ms, compared in "
              << (compareDone - connectedAt) << " ms; longest GUI stall loading keys " << loadWorst
              << " ms at t=" << loadWorstAt
              << " ms (target < 100 ms: " << ratio(double(loadWorst), 100) << " x)" << Qt::endl;
        phase = QStringLiteral("typing in the key search");
        runSearch(
            kvPane->searchBox(), keySearch,
            [&] { return keySearchShown == kvPane->searchBox()->text(); },
            [&] {
                printSearch("key search", keySearch, kvModel->keyCount());
                typeFileSearch();
            });
    };
    auto maybeDone = [&] {
        if (!quitting && window.alignment() && kvModel->isFinished() &&
            window.kvLoader()->isIdle() && compared) {
            quitting = true;
            QTimer::singleShot(500, &app, typeKeySearch);
        }
    };
    QObject::connect(window.kvLoader(), &KvLoader::scanFinished, [&] {
        scanDone = clock.elapsed();
        scanned = true;
        QTimer::singleShot(0, maybeDone);
    });
    QObject::connect(kvModel, &KvTreeModel::finished, [&] { QTimer::singleShot(0, maybeDone); });
    QObject::connect(window.kvLoader(), &KvLoader::comparisonFinished, [&] {
        compareDone = clock.elapsed();
        compared = true;
        QTimer::singleShot(0, maybeDone);
    });
    QObject::connect(window.kvLoader(), &KvLoader::failed,
                     [&](const QString& m) { out() << "KV error: " << m << Qt::endl; });
    // Keys first load in chunks (as a user sees them); once the first chunk shows, load all.
    QObject::connect(window.kvLoader(), &KvLoader::progressChanged, [&] {
        if (kvPaint.at >= 0 && !kvModel->isFinished())
            window.kvLoader()->loadAll();
    });

    // RSS at each step, and every second.
    QStringList steps;
    auto step = [&](const char* name) {
        steps << QStringLiteral("%1 %2 MiB at %3 ms")
                     .arg(QLatin1String(name))
                     .arg(currentMiB(), 0, 'f', 0)
                     .arg(clock.elapsed());
    };
    QObject::connect(window.loader(), &FolderLoader::loaded, [&] { step("folder read"); });
    QObject::connect(&window, &MainWindow::alignmentReady, [&] { step("alignment"); });
    QObject::connect(window.kvLoader(), &KvLoader::scanFinished, [&] { step("scanned"); });
    QObject::connect(window.kvLoader(), &KvLoader::comparisonFinished, [&] { step("compared"); });
    double rssMax = 0;
    qint64 rssMaxAt = 0;
    QTimer rssProbe;
    QObject::connect(&rssProbe, &QTimer::timeout, [&] {
        const double mib = currentMiB();
        if (mib > rssMax) {
            rssMax = mib;
            rssMaxAt = clock.elapsed();
        }
    });
    rssProbe.start(250);
    qint64 folderStall = 0;
    auto printFolder = [&] {
        out() << "file tree: read " << folderLoaded << " ms, first paint " << filePaint.at
              << " ms after Open (target < 1000 ms: " << ratio(double(filePaint.at), 1000)
              << " x); longest GUI stall opening the folder " << folderStall
              << " ms (target < 100 ms: " << ratio(double(folderStall), 100) << " x)" << Qt::endl;
    };
    QTimer::singleShot(200, [&] { // after the first show
        last = clock.elapsed();
        probe.start();
        clock.restart();
        last = 0;
        window.openFolder(folder);
    });
    // Connect once the folder is read, so the two first paints are measured separately.
    QObject::connect(window.loader(), &FolderLoader::loaded, [&] {
        QTimer::singleShot(300, [&] {
            folderStall = worst;
            printFolder();
            if (qEnvironmentVariableIsSet("BENCH_FOLDER_ONLY")) {
                QTimer::singleShot(0, &app, &QApplication::quit);
                return;
            }
            phase = QStringLiteral("connecting, loading and comparing every key");
            worst = 0;
            ConnectionProfile p;
            p.name = QStringLiteral("bench");
            p.kind = ConnectionProfile::Kind::Redis;
            p.address = QStringLiteral("redis://127.0.0.1:%1").arg(port);
            connectedAt = clock.elapsed();
            window.connectTo(p);
        });
    });
    QTimer::singleShot(15 * 60 * 1000, &app, [&] {
        out() << "timeout while " << phase << Qt::endl;
        app.exit(3);
    });
    const int rc = app.exec();
    const SyncCounts files = window.filePane()->model()->totals();
    const double mib = peakMiB();
    out() << "folder: " << window.statusText() << Qt::endl;
    out() << "keys: " << window.kvLoader()->progressText() << Qt::endl;
    out() << "states (files): same " << files[SyncState::Same] << ", changed "
          << files[SyncState::Changed] << ", only in files " << files[SyncState::OnlyFiles]
          << ", unreadable " << files[SyncState::Unreadable] << "; keys only in KV "
          << kvModel->totals()[SyncState::OnlyKv] << ", outside the layout "
          << kvModel->totals()[SyncState::Unmapped] << Qt::endl;
    std::sort(gaps.begin(), gaps.end());
    const auto over = std::count_if(gaps.begin(), gaps.end(), [](qint64 g) { return g > 100; });
    out() << "probe gaps: " << gaps.size() << " ticks, median "
          << (gaps.empty() ? 0 : gaps[gaps.size() / 2]) << " ms, p99 "
          << (gaps.empty() ? 0 : gaps[gaps.size() * 99 / 100]) << " ms, " << over
          << " over 100 ms (machine load average " << loadAverage() << ")" << Qt::endl;
    out() << "RSS steps: " << steps.join(QStringLiteral(", ")) << "; highest sampled "
          << QString::number(rssMax, 'f', 0) << " MiB at " << rssMaxAt << " ms" << Qt::endl;
    out() << "peak RSS " << QString::number(mib, 'f', 0)
          << " MiB (target < 1024 MiB: " << QString::number(mib / 1024.0, 'f', 2) << " x)"
          << Qt::endl;
    std::sort(app.slow.begin(), app.slow.end(),
              [](const auto& a, const auto& b) { return a.ms > b.ms; });
    for (size_t i = 0; i < app.slow.size() && i < 25; ++i)
        out() << "slow event: " << app.slow[i].ms << " ms at t=" << app.slow[i].at << " "
              << app.slow[i].what << Qt::endl;
    return rc;
}
