// MainWindow: whether the file the Differences tab shows changed on disk since the folder was
// read (checked on a worker; a notice above the diff says so).
#include "diffview.h"
#include "mainwindow.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {

void MainWindow::checkFileOnDisk(const QString& entityPath)
{
    const Entity* entity = m_snapshot ? m_snapshot->index().findByPath(entityPath) : nullptr;
    if (!entity || m_root.isEmpty())
        return;
    const QString file = QDir(m_root).filePath(entityPath);
    const std::shared_ptr<const FileTreeSnapshot> snapshot = m_snapshot; // (keeps `raw` alive)
    const QByteArray* read = &entity->raw;
    auto* watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, entityPath] {
        watcher->deleteLater();
        if (!watcher->result() || m_diffView->leftTitle() != entityPath)
            return; // the same bytes, or another document shown since
        m_diffView->showNotice(tr("%1 changed on disk since the folder was read: this compares "
                                  "the file as it was read. Refresh (F5) to read it again.")
                                   .arg(entityPath));
    });
    watcher->setFuture(QtConcurrent::run([file, snapshot, read] {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return true; // removed (or unreadable) since
        return f.size() != read->size() || f.readAll() != *read;
    }));
}

} // namespace pmkv
