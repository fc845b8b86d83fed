// MainWindow: which actions can run now. An action that cannot is disabled, with the reason as
// its tooltip (menus show tooltips): nothing loaded, not connected, a read-only connection,
// nothing selected, the value still loading. The actions themselves still refuse with a
// message when called anyway (a script, a shortcut pressed as the state changes).
#include "diffview.h"
#include "filepane.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"

#include <QAction>

namespace pmkv {

// Why no field can be copied (empty: one can): a per-field copy needs both sides as JSON and
// a current change in the Differences tab; to the key also a writable connection.
QString MainWindow::fieldCopyRefusal(bool toKv) const
{
    if (!m_connected)
        return tr("Connect to a key space first (Ctrl+K).");
    if (const QString why = readOnlyReason(); toKv && !why.isEmpty())
        return why;
    if (!toKv && m_root.isEmpty())
        return tr("Open a pm/ folder first (Ctrl+O).");
    if (m_diffKey.isEmpty() || m_diffKey != m_lastValue.key)
        return tr("Select an entity whose file and key differ: its changes show in the "
                  "Differences tab.");
    if (m_diffView->isTextDiff())
        return tr("The two sides are compared as text (one is not JSON): there is no field to "
                  "copy.");
    if (!m_diffView->currentFieldChange())
        return tr("The file and the key hold the same document: there is no field to copy.");
    return QString();
}

// Why the key shown cannot be edited (Save Key Edit): a string value, loaded whole.
QString MainWindow::keyEditRefusal() const
{
    if (const QString why = deleteKeyRefusal(); !why.isEmpty())
        return why; // (not connected, read-only, no key selected)
    const QByteArray key = m_kvPane->currentKey();
    if (m_lastValue.key != key)
        return tr("Loading the value of %1 ...").arg(QString::fromUtf8(key));
    if (!m_lastValue.error.isEmpty() || m_lastValue.type != "string" || m_lastValue.truncated)
        return tr("The key %1 holds no complete string value to edit here (a hash, list, set "
                  "or stream is edited in its table).")
            .arg(QString::fromUtf8(key));
    return QString();
}

void MainWindow::updateActions()
{
    const QString notConnected = tr("Connect to a key space first (Ctrl+K).");
    const QString noFolder = tr("Open a pm/ folder first (Ctrl+O).");
    QString writable = m_connected ? readOnlyReason() : notConnected;
    QString compare;
    if (m_diffView->changeCount() == 0) {
        if (!m_snapshot)
            compare = tr("Open a pm/ folder (Ctrl+O) and connect to a key space (Ctrl+K) to see "
                         "what differs.");
        else if (!m_connected)
            compare = tr("Connect to a key space (Ctrl+K) to compare the folder with it.");
    }
    const QString nothingToRead = m_root.isEmpty() && !m_connected
                                      ? tr("Open a pm/ folder (Ctrl+O) or connect to a key "
                                           "space (Ctrl+K) first.")
                                      : QString();
    const QString keyRefusal = writable.isEmpty() ? deleteKeyRefusal() : writable;
    const QList<QPair<const char*, QString>> reasons{
        {"disconnect", m_connected ? QString() : tr("Not connected.")},
        {"refresh", nothingToRead},
        {"expandAll", m_snapshot ? QString() : noFolder},
        {"collapseAll", m_snapshot ? QString() : noFolder},
        {"nextDifference", compare},
        {"previousDifference", compare},
        {"serverInfo", m_connected ? QString() : notConnected},
        {"copyFileToKv", copyToKvRefusal()},
        {"copyKvToFile", copyToFileRefusal()},
        {"copyFieldToKv", fieldCopyRefusal(true)},
        {"copyFieldToFile", fieldCopyRefusal(false)},
        {"saveKeyEdit", keyEditRefusal()},
        {"saveKeyEditAsTyped", keyEditRefusal()},
        {"newKey", writable},
        {"renameKey", keyRefusal},
        {"deleteKey", keyRefusal},
        {"setKeyTtl", keyRefusal},
        {"persistKey", keyRefusal},
        {"archiveAction", m_root.isEmpty() ? noFolder : QString()},
    };
    for (const auto& [name, why] : reasons) {
        if (auto* action = findChild<QAction*>(QLatin1String(name))) {
            action->setEnabled(why.isEmpty());
            action->setToolTip(why.isEmpty() ? action->text().remove(QLatin1Char('&')) : why);
            action->setStatusTip(why); // the status bar, as the pointer rests on it
        }
    }
}

} // namespace pmkv
