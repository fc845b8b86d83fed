#include "folderloader.h"

#include "files/pmreader.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {
namespace {

struct LoadOutcome
{
    std::shared_ptr<const FileTreeSnapshot> snapshot;
    QString error;
    qint64 milliseconds = 0;
};

} // namespace

FolderLoader::FolderLoader(QObject* parent) : QObject(parent) {}

void FolderLoader::load(const QString& root)
{
    const quint64 generation = ++m_generation;
    ++m_running;
    Q_EMIT started(root);
    auto* watcher = new QFutureWatcher<LoadOutcome>(this);
    connect(watcher, &QFutureWatcher<LoadOutcome>::finished, this,
            [this, watcher, generation, root] {
                --m_running;
                const LoadOutcome outcome = watcher->result();
                watcher->deleteLater();
                if (generation != m_generation)
                    return; // a newer load is on its way
                if (outcome.snapshot)
                    Q_EMIT loaded(outcome.snapshot, outcome.milliseconds);
                else
                    Q_EMIT failed(root, outcome.error);
            });
    watcher->setFuture(QtConcurrent::run([root] {
        QElapsedTimer timer;
        timer.start();
        LoadOutcome outcome;
        auto index = PmReader::read(root);
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
