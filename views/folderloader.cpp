#include "folderloader.h"

#include "files/folderlisting.h"
#include "files/pmreader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {
namespace {

struct LoadOutcome
{
    std::shared_ptr<const FileTreeSnapshot> snapshot;
    QString error;
    qint64 milliseconds = 0;
};

// The folder's files by name only (the reader's rules for what is a project, epic, story;
// nothing is opened), so the tree can be drawn before the files are read.
std::shared_ptr<const FileTreeSnapshot> listFolder(const QString& root)
{
    PmIndex index;
    index.root = root;
    if (!QDir(root).exists())
        return {};
    // One readdir() per folder, typed without a stat() per file (as the reader walks).
    std::vector<QString> folders{QString()};
    while (!folders.empty()) {
        const QString relative = folders.back();
        folders.pop_back();
        const QString prefix = relative.isEmpty() ? QString() : relative + QLatin1Char('/');
        bool readable = false;
        const std::vector<FolderEntry> entries = FolderListing::list(
            relative.isEmpty() ? root : root + QLatin1Char('/') + relative, readable);
        const int depth = relative.isEmpty() ? 0 : int(relative.count(QLatin1Char('/'))) + 1;
        const QStringList parts = relative.split(QLatin1Char('/'));
        for (const FolderEntry& entry : entries) {
            const QString& name = entry.name;
            if (entry.isDir) {
                if (!entry.symLink && !name.startsWith(QLatin1Char('.')) &&
                    name != QLatin1String("node_modules"))
                    folders.push_back(prefix + name);
                continue;
            }
            if (!entry.isFile)
                continue;
            Entity e;
            e.relativePath = prefix + name;
            if (depth == 0 && name == QLatin1String("people.json")) {
                e.kind = EntityKind::People;
            } else if (depth == 1 && name == QLatin1String("project.json")) {
                e.kind = EntityKind::Project;
                e.project = parts.at(0);
            } else if (depth == 2 && name == QLatin1String("epic.json")) {
                e.kind = EntityKind::Epic;
                e.project = parts.at(0);
                e.epic = parts.at(1);
            } else if (depth == 2 && name.endsWith(QLatin1String(".json"))) {
                e.kind = EntityKind::Story;
                e.project = parts.at(0);
                e.epic = parts.at(1);
                e.story = name.chopped(5);
            }
            index.entities.append(std::move(e));
        }
    }
    index.finish();
    return FileTreeSnapshot::build(std::move(index));
}

} // namespace

FolderLoader::FolderLoader(QObject* parent) : QObject(parent)
{
    // The reader's own task and its workers.
    m_pool.setMaxThreadCount(qMax(3, QThread::idealThreadCount() + 1));
    m_listPool.setMaxThreadCount(1);
}

FolderLoader::~FolderLoader()
{
    // No clear(): a read in progress waits on tasks queued in this same pool, and removing
    // them would leave it (and this destructor) waiting forever. Cancelled, the queued tasks
    // return at once and the read ends.
    if (m_cancelRead)
        m_cancelRead->store(true);
    m_pool.waitForDone();
    m_listPool.waitForDone();
}

void FolderLoader::load(const QString& root)
{
    const quint64 generation = ++m_generation;
    if (m_cancelRead)
        m_cancelRead->store(true); // the older read's result would be dropped anyway
    m_cancelRead = std::make_shared<std::atomic_bool>(false);
    const std::shared_ptr<std::atomic_bool> cancel = m_cancelRead;
    m_loadedCurrent = false;
    ++m_running;
    Q_EMIT started(root);
    auto* lister = new QFutureWatcher<std::shared_ptr<const FileTreeSnapshot>>(this);
    auto* clock = new QElapsedTimer;
    clock->start();
    connect(lister, &QFutureWatcherBase::finished, this, [this, lister, generation, clock] {
        const auto snapshot = lister->result();
        const qint64 ms = clock->elapsed();
        delete clock;
        lister->deleteLater();
        if (generation == m_generation && !m_loadedCurrent && snapshot)
            Q_EMIT listed(snapshot, ms);
    });
    auto* watcher = new QFutureWatcher<LoadOutcome>(this);
    connect(watcher, &QFutureWatcher<LoadOutcome>::finished, this,
            [this, watcher, generation, root] {
                --m_running;
                const LoadOutcome outcome = watcher->result();
                watcher->deleteLater();
                if (generation != m_generation)
                    return; // a newer load is on its way
                m_loadedCurrent = true;
                if (outcome.snapshot)
                    Q_EMIT loaded(outcome.snapshot, outcome.milliseconds);
                else
                    Q_EMIT failed(root, outcome.error);
            });
    QThreadPool* pool = &m_pool;
    // The listing first, alone (it is what shows first), then the reading.
    QFuture<std::shared_ptr<const FileTreeSnapshot>> listing =
        QtConcurrent::run(&m_listPool, [root] { return listFolder(root); });
    lister->setFuture(listing);
    watcher->setFuture(QtConcurrent::run(&m_pool, [root, pool, listing, cancel]() mutable {
        listing.waitForFinished(); // on a worker, never on the GUI thread
        QElapsedTimer timer;
        timer.start();
        LoadOutcome outcome;
        PmReader::Options options;
        options.pool = pool;
        options.cancel = cancel.get();
        auto index = PmReader::read(root, options);
        if (!index) {
            outcome.error = index.error().message;
            return outcome;
        }
        outcome.snapshot = FileTreeSnapshot::build(std::move(index).value());
        outcome.milliseconds = timer.elapsed();
        return outcome;
    }));
}

} // namespace pmkv
