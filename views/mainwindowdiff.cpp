// MainWindow and its differences: F7 / Shift+F7 (the next change inside the Differences tab,
// else the next differing entity of the trees), and whether the file the Differences tab
// shows changed on disk since the folder was read (checked on a worker; a notice says so).
#include "alignedpane.h"
#include "alignedtreemodel.h"
#include "differencewalk.h"
#include "diffview.h"
#include "filepane.h"
#include "filetreemodel.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QTabWidget>
#include <QTreeView>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {

void MainWindow::stepDifference(bool forward)
{
    QWidget* focus = QApplication::focusWidget();
    if (focus && m_diffView->isAncestorOf(focus)) { // its fields or hunks
        m_detail->setCurrentIndex(DiffTab);
        if (forward)
            m_diffView->nextDifference();
        else
            m_diffView->previousDifference();
        return;
    }
    // The tree in use: the aligned rows, or the key tree when it has the focus, or the files.
    QTreeView* tree = m_filePane->view();
    int stateRole = FileTreeModel::StateRole;
    if (isAlignedMode()) {
        tree = m_alignedPane->fileView();
        stateRole = AlignedTreeModel::StateRole;
    } else if (focus && m_kvPane->isAncestorOf(focus)) {
        tree = m_kvPane->view();
        stateRole = KvTreeModel::StateRole;
    }
    const QModelIndex found =
        DifferenceWalk::next(*tree->model(), tree->currentIndex(), forward, stateRole);
    if (!found.isValid()) {
        showMessage(tr("No other entity differs between the files and the key space."));
        return;
    }
    tree->selectionModel()->setCurrentIndex(found, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    tree->scrollTo(found);
}

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
