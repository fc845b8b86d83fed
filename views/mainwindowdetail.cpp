// MainWindow's detail pane: what selecting a file or a key shows (the file, the key's value,
// their field diff) and the counterpart on the other side, kept apart from the window's
// layout in mainwindow.cpp.
#include "diffview.h"
#include "documentview.h"
#include "filepane.h"
#include "filetreemodel.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"
#include "valuetableview.h"

#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>

namespace pmkv {

// Shows the selected row again, from what is loaded now (after a reload, a new alignment, an
// undo): the detail pane never shows an older entity or an outdated comparison.
void MainWindow::refreshDetail()
{
    const QString path = m_filePane->currentPath();
    const QByteArray key = m_kvPane->currentKey();
    if (!path.isEmpty())
        showSelection(path);
    else if (!key.isEmpty())
        showKeySelection(key);
    if (!path.isEmpty() && !key.isEmpty() && key == m_kvPane->currentKey())
        m_kvLoader->fetchValue(key); // (its value, and the diff with the file read now)
}

void MainWindow::showSelection(const QString& relativePath)
{
    if (!m_snapshot || relativePath.isEmpty()) {
        m_documentView->clear();
        if (!m_syncingSelection && m_kvPane->currentKey().isEmpty())
            clearKeyDetail(tr("Select a file or a key to see it here."));
        return;
    }
    const QModelIndex index = m_filePane->view()->currentIndex();
    QVector<Problem> problems = m_snapshot->index().problemsFor(relativePath);
    // A project or epic folder stands for its project.json / epic.json.
    const Entity* entity = m_filePane->model()->entityAt(m_filePane->proxyToSource(index));
    if (!entity) {
        m_documentView->showFolder(relativePath, problems,
                                   index.data(FileTreeModel::ErrorsRole).toInt(),
                                   index.data(FileTreeModel::WarningsRole).toInt());
        return;
    }
    if (entity->relativePath != relativePath)
        problems += m_snapshot->index().problemsFor(entity->relativePath);
    m_documentView->showEntity(entity, problems);
    if (m_syncingSelection || !m_connected)
        return;
    // The counterpart on the KV side.
    const QByteArray key =
        m_alignment ? m_alignment->keyForPath(entity->relativePath) : QByteArray();
    if (key.isEmpty()) {
        m_counterpart = m_alignment
                            ? tr("%1 maps to no key (see its problems).").arg(entity->relativePath)
                            : tr("Comparing the folder with the key space ...");
        showKeyMessage(m_counterpart.toHtmlEscaped());
        m_diffView->clear(m_counterpart);
        return;
    }
    m_syncingSelection = true;
    const bool found = m_kvPane->selectKey(key);
    m_syncingSelection = false;
    const QString keyText = QString::fromUtf8(key);
    if (found) {
        m_counterpart = tr("%1 is the key %2.").arg(entity->relativePath, keyText);
        return;
    }
    const SyncState state = m_kvPane->model()->stateOf(key);
    if (state == SyncState::OnlyFiles)
        m_counterpart = tr("%1 has no counterpart: the key %2 is not in the key space.")
                            .arg(entity->relativePath, keyText);
    else if (!m_kvPane->model()->isFinished())
        m_counterpart = tr("The key %1 is not loaded yet (the scan is partial).").arg(keyText);
    else
        m_counterpart = tr("The key %1 is not shown (filtered out or not loaded).").arg(keyText);
    m_kvPane->view()->setCurrentIndex(QModelIndex());
    showKeyMessage(m_counterpart.toHtmlEscaped());
    m_diffView->clear(m_counterpart);
    m_detail->setCurrentIndex(FileTab);
}

void MainWindow::clearKeyDetail(const QString& message)
{
    m_lastValue = KvValue{};
    m_diffKey.clear();
    showKeyMessage(message.toHtmlEscaped());
    m_diffView->clear(message);
    updateActions();
}

void MainWindow::showKeySelection(const QByteArray& key)
{
    if (key.isEmpty()) {
        // No key selected (another connection, a filter hid it): nothing of an older one stays.
        if (!m_syncingSelection)
            clearKeyDetail(tr("Select a key to see its value, type, TTL and size."));
        return;
    }
    showKeyMessage(tr("Loading %1 ...").arg(QString::fromUtf8(key).toHtmlEscaped()));
    m_kvLoader->fetchValue(key);
    if (m_syncingSelection)
        return;
    const QString path = m_alignment ? m_alignment->pathForKey(key) : QString();
    if (path.isEmpty()) {
        m_counterpart = tr("The key %1 has no file in the folder.").arg(QString::fromUtf8(key));
        m_syncingSelection = true;
        m_filePane->view()->setCurrentIndex(QModelIndex());
        m_syncingSelection = false;
        m_documentView->showMessage(m_counterpart.toHtmlEscaped());
        m_diffView->clear(m_counterpart);
        return;
    }
    m_syncingSelection = true;
    const bool found = m_filePane->selectEntityPath(path);
    m_syncingSelection = false;
    m_counterpart = found ? tr("%1 is the file %2.").arg(QString::fromUtf8(key), path)
                          : tr("The file %1 is filtered out.").arg(path);
}

void MainWindow::showValue(const KvValue& value)
{
    if (value.key != m_kvPane->currentKey())
        return; // an older selection
    m_lastValue = value;
    m_diffKey.clear();
    if (TypedValue::isTyped(value.type)) {
        m_valueTable->showValue(value);
        m_keyStack->setCurrentWidget(m_valueTable);
    } else {
        m_keyView->showKvValue(value);
        m_keyStack->setCurrentWidget(m_keyView);
    }
    const int entry = m_alignment ? m_alignment->entryForKey(value.key) : -1;
    updateActions();
    if (entry < 0) {
        m_detail->setCurrentIndex(KeyTab);
        m_diffView->clear(
            tr("The key %1 has no file to compare with.").arg(QString::fromUtf8(value.key)));
        return;
    }
    const KeyEntry& e = m_alignment->entries().at(entry);
    if (value.type != "string") {
        m_diffView->clear(tr("The key %1 holds no value to compare.").arg(e.key));
        m_detail->setCurrentIndex(KeyTab);
        return;
    }
    if (m_diffView->showDiff(e.sourcePath, m_alignment->valueOf(entry), e.key, value.bytes))
        m_diffKey = value.key;
    checkFileOnDisk(e.sourcePath);
    m_detail->setCurrentIndex(m_diffView->changeCount() > 0 ? DiffTab : FileTab);
    updateActions(); // (now, not queued: a shortcut pressed next must find them enabled)
}

} // namespace pmkv
