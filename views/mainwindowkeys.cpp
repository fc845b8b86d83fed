// MainWindow's key browser (issue #19): the Key menu and the key tree's context menu (new,
// rename, delete, TTL), the Key tab's table edits and the server panel, each write a
// journaled, undoable KeyEditWorkflow run under the write rule. Kept apart from the entity
// copies in mainwindowwrites.cpp.
#include "mainwindow.h"

#include "documentview.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "serverpanel.h"
#include "ttltext.h"
#include "valuetableview.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTreeView>
#include <QUndoStack>

namespace pmkv {

bool MainWindow::showsValueTable() const
{
    return m_keyStack->currentWidget() == m_valueTable;
}

void MainWindow::showKeyMessage(const QString& html)
{
    m_keyStack->setCurrentWidget(m_keyView);
    m_keyView->showMessage(html);
}

void MainWindow::createKeyActions(QMenu* viewMenu)
{
    QMenu* keys = menuBar()->addMenu(tr("K&ey"));
    keys->setToolTipsVisible(true);
    QAction* add = keys->addAction(tr("&New Key..."), this, &MainWindow::askNewKey);
    add->setObjectName(QStringLiteral("newKey"));
    QAction* rename = keys->addAction(tr("&Rename Key..."), this, &MainWindow::askRename);
    rename->setObjectName(QStringLiteral("renameKey"));
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    QAction* remove = keys->addAction(tr("&Delete Key..."), this, &MainWindow::askDelete);
    remove->setObjectName(QStringLiteral("deleteKey"));
    keys->addSeparator();
    QAction* ttl = keys->addAction(tr("Set &TTL..."), this, &MainWindow::askTtl);
    ttl->setObjectName(QStringLiteral("setKeyTtl"));
    QAction* persist = keys->addAction(tr("Remove TTL (&Persist)"), this, [this] { persistKey(); });
    persist->setObjectName(QStringLiteral("persistKey"));
    // The same on the key tree's rows.
    m_kvPane->view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_kvPane->view()->addActions({add, rename, remove, ttl, persist});

    QAction* server = viewMenu->addAction(tr("&Server Info"), this, &MainWindow::showServerPanel);
    server->setObjectName(QStringLiteral("serverInfo"));

    connect(
        m_valueTable, &ValueTableView::editRequested, this,
        [this](const KeyEditWorkflow::Edit& edit, const QString& text) { editKey(edit, text); });
    connect(m_valueTable, &ValueTableView::refused, this, [this](const QString& message) {
        showMessage(message);
        Q_EMIT writeFinished(false, message);
    });
    // A key made or renamed is selected once the rescan has put it in the tree.
    connect(m_kvPane->model(), &KvTreeModel::finished, this, [this] {
        if (m_selectAfterScan.isEmpty())
            return;
        const QByteArray key = std::exchange(m_selectAfterScan, QByteArray());
        m_kvPane->selectKey(key);
    });
    connect(m_kvLoader, &KvLoader::opened, this, [this] {
        if (m_serverPanel && m_serverDock->isVisible())
            m_serverPanel->setSession(m_kvLoader->session(), m_kvLoader->profile());
    });
}

QByteArray MainWindow::keyToEdit()
{
    const QByteArray key = m_kvPane->currentKey();
    if (m_connected && !key.isEmpty())
        return key;
    const QString message = tr("Select a key in the key tree first.");
    showMessage(message);
    Q_EMIT writeFinished(false, message);
    return QByteArray();
}

MainWindow::WriteWork MainWindow::keyEditWork(const KeyEditWorkflow::Edit& edit) const
{
    const WorkflowContext context = workflowContext();
    const std::shared_ptr<TargetSession> session = m_kvLoader->session();
    return [session, edit = KeyEditWorkflow::Edit(edit),
            context](const QString& confirmation) mutable -> WriteResult {
        if (!session)
            return notConnected();
        edit.confirmation = confirmation;
        auto done = KeyEditWorkflow::apply(*session, edit, context);
        if (!done)
            return done.error();
        return EntityWriteWorkflow::Outcome{false, done.value().runId, done.value().journalPath,
                                            done.value().target};
    };
}

MainWindow::WriteWork MainWindow::keyUndoWork(const QString& runId) const
{
    const WorkflowContext context = workflowContext();
    const std::shared_ptr<TargetSession> session = m_kvLoader->session();
    return [session, runId, context](const QString& confirmation) -> WriteResult {
        if (!session)
            return notConnected();
        auto done = KeyEditWorkflow::undo(
            *session, {runId, QStringLiteral("studio-undo"), confirmation}, context);
        if (!done)
            return done.error();
        return EntityWriteWorkflow::Outcome{false, done.value().runId, done.value().journalPath,
                                            done.value().target};
    };
}

void MainWindow::editKey(const KeyEditWorkflow::Edit& edit, const QString& text,
                         const QString& confirmation)
{
    auto refuse = [this](const QString& message) {
        showMessage(message);
        Q_EMIT writeFinished(false, message);
    };
    if (!m_connected || edit.keys.isEmpty() || edit.commands.isEmpty())
        return refuse(tr("Open a connection and select a key to edit."));
    if (m_writing)
        return refuse(tr("Another write is still running; try again when it is done."));
    const QString location = QString::fromUtf8(edit.keys.first());
    runWrite(location, keyEditWork(edit), confirmation,
             [this, edit, text, location](WriteResult result) {
                 if (result) {
                     m_undo->push(new JournaledCommand(
                         text, JournaledCommand::Side::Kv, location, QByteArray(),
                         result.value().runId, [this, edit](JournaledCommand* c, bool undo) {
                             KeyEditWorkflow::Edit again = edit;
                             again.operation = QStringLiteral("studio-redo");
                             runStep(c, undo, undo ? keyUndoWork(c->runId()) : keyEditWork(again),
                                     [this, edit, undo](const WriteResult& r) {
                                         keyWriteDone(edit, r, undo);
                                     });
                         }));
                 }
                 keyWriteDone(edit, result, false);
             });
}

void MainWindow::keyWriteDone(const KeyEditWorkflow::Edit& edit, const WriteResult& result,
                              bool undo)
{
    const QString location = QString::fromUtf8(edit.keys.value(0));
    const bool renamed = edit.keys.size() > 1;
    const bool created = !renamed && !edit.mustNotExist.isEmpty();
    const bool deleted = edit.commands.size() == 1 && edit.commands.first().value(0) == "DEL";
    if (result && (renamed || created || deleted)) {
        // The tree has no row for a new name yet: read the key space again, then select.
        if (renamed)
            m_selectAfterScan = edit.keys.value(undo ? 0 : 1);
        else if ((created && !undo) || (deleted && undo))
            m_selectAfterScan = edit.keys.value(0);
        const QString text =
            undo ? tr("Undid the write of %1 (journal run %2).").arg(location, result.value().runId)
                 : tr("Wrote %1 (journal run %2).").arg(location, result.value().runId);
        showMessage(text);
        m_kvLoader->refresh();
        Q_EMIT writeFinished(true, text);
        return;
    }
    writeDone(JournaledCommand::Side::Kv, location, result, undo); // the value is read again
}

void MainWindow::setKeyTtl(qint64 seconds, const QString& confirmation)
{
    const QByteArray key = keyToEdit();
    if (key.isEmpty())
        return;
    editKey({{key},
             {{"EXPIRE", key, QByteArray::number(seconds)}},
             QStringLiteral("studio-expire"),
             QString(),
             {}},
            tr("set the TTL of %1 to %2")
                .arg(QString::fromUtf8(key), TtlText::duration(seconds * 1000)),
            confirmation);
}

void MainWindow::persistKey(const QString& confirmation)
{
    const QByteArray key = keyToEdit();
    if (key.isEmpty())
        return;
    editKey({{key}, {{"PERSIST", key}}, QStringLiteral("studio-persist"), QString(), {}},
            tr("remove the TTL of %1").arg(QString::fromUtf8(key)), confirmation);
}

void MainWindow::renameKey(const QByteArray& newName, const QString& confirmation)
{
    const QByteArray key = keyToEdit();
    if (key.isEmpty() || newName.isEmpty() || newName == key)
        return;
    editKey({{key, newName},
             {{"RENAME", key, newName}},
             QStringLiteral("studio-rename"),
             QString(),
             {newName}},
            tr("rename %1 to %2").arg(QString::fromUtf8(key), QString::fromUtf8(newName)),
            confirmation);
}

void MainWindow::deleteKey(const QString& confirmation)
{
    const QByteArray key = keyToEdit();
    if (key.isEmpty())
        return;
    KeyEditWorkflow::Edit edit{
        {key}, {{"DEL", key}}, QStringLiteral("studio-delete"), QString(), {}};
    // An entity leaves its list key in the same run, as a copy of a new one joins it.
    if (const auto list = listFor(key))
        edit.leaves.append({list->first.toUtf8(), list->second});
    editKey(edit, tr("delete %1").arg(QString::fromUtf8(key)), confirmation);
}

void MainWindow::newKey(const QByteArray& key, const QByteArray& type, const QByteArray& first,
                        const QByteArray& second, const QString& confirmation)
{
    KvCommand command;
    if (type == "string")
        command = {"SET", key, first};
    else if (type == "hash")
        command = {"HSET", key, first, second};
    else if (type == "list")
        command = {"RPUSH", key, first};
    else if (type == "set")
        command = {"SADD", key, first};
    else if (type == "zset")
        command = {"ZADD", key, second.isEmpty() ? QByteArray("0") : second, first};
    else if (type == "stream")
        command = {"XADD", key, "*", first, second};
    if (key.isEmpty() || command.isEmpty()) {
        const QString message = tr("Not created: give the key a name and a type.");
        showMessage(message);
        Q_EMIT writeFinished(false, message);
        return;
    }
    editKey({{key}, {command}, QStringLiteral("studio-new-key"), QString(), {key}},
            tr("create %1").arg(QString::fromUtf8(key)), confirmation);
}

// The dialogs below never run a nested event loop: open(), then the answer's signal.
void MainWindow::askTtl()
{
    const QByteArray key = keyToEdit();
    if (key.isEmpty())
        return;
    auto* ask = new QInputDialog(this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Set TTL"));
    ask->setLabelText(
        tr("Expire %1 after (e.g. 90s, 15m, 2h, 1d 12h):").arg(QString::fromUtf8(key)));
    ask->setTextValue(m_lastValue.key == key && m_lastValue.ttlMs > 0
                          ? TtlText::duration(m_lastValue.ttlMs).remove(QLatin1Char(' '))
                          : QStringLiteral("1h"));
    connect(ask, &QInputDialog::textValueSelected, this, [this](const QString& text) {
        const auto seconds = TtlText::parseSeconds(text);
        if (!seconds) {
            showMessage(tr("Not set: \"%1\" is not a duration (try 90s, 15m, 2h, 1d).").arg(text));
            return;
        }
        setKeyTtl(*seconds);
    });
    ask->open();
}

void MainWindow::askRename()
{
    const QByteArray key = keyToEdit();
    if (key.isEmpty())
        return;
    auto* ask = new QInputDialog(this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Rename Key"));
    ask->setLabelText(tr("New name of %1:").arg(QString::fromUtf8(key)));
    ask->setTextValue(QString::fromUtf8(key));
    connect(ask, &QInputDialog::textValueSelected, this,
            [this](const QString& text) { renameKey(text.toUtf8()); });
    ask->open();
}

void MainWindow::askDelete()
{
    const QByteArray key = keyToEdit();
    if (key.isEmpty())
        return;
    const auto list = listFor(key);
    const QString question =
        list ? tr("Delete %1 and take %2 out of %3? (Edit > Undo puts both back.)")
                   .arg(QString::fromUtf8(key), list->second, list->first)
             : tr("Delete %1? (Edit > Undo puts it back.)").arg(QString::fromUtf8(key));
    auto* ask = new QMessageBox(QMessageBox::Question, tr("Delete Key"), question,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::accepted, this, [this] { deleteKey(); });
    ask->open();
}

void MainWindow::askNewKey()
{
    if (!m_connected) {
        showMessage(tr("Open a connection first (Ctrl+K)."));
        return;
    }
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("New Key"));
    auto* form = new QFormLayout(dialog);
    auto* name = new QLineEdit(dialog);
    auto* type = new QComboBox(dialog);
    const QList<QPair<QString, QByteArray>> types{
        {tr("string"), "string"}, {tr("hash"), "hash"},       {tr("list"), "list"},
        {tr("set"), "set"},       {tr("sorted set"), "zset"}, {tr("stream"), "stream"}};
    for (const auto& [label, id] : types)
        type->addItem(label, id);
    auto* first = new QLineEdit(dialog);
    auto* second = new QLineEdit(dialog);
    auto* secondLabel = new QLabel(dialog);
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Type:"), type);
    auto* firstLabel = new QLabel(dialog);
    form->addRow(firstLabel, first);
    form->addRow(secondLabel, second);
    auto relabel = [type, firstLabel, secondLabel, second] {
        const QByteArray t = type->currentData().toByteArray();
        firstLabel->setText(t == "hash" || t == "stream"   ? tr("Field:")
                            : t == "string" || t == "list" ? tr("Value:")
                                                           : tr("Member:"));
        secondLabel->setText(t == "zset" ? tr("Score:") : tr("Value:"));
        const bool pair = t == "hash" || t == "zset" || t == "stream";
        secondLabel->setVisible(pair);
        second->setVisible(pair);
    };
    relabel();
    connect(type, &QComboBox::currentIndexChanged, dialog, relabel);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, name, type, first, second] {
        newKey(name->text().toUtf8(), type->currentData().toByteArray(), first->text().toUtf8(),
               second->text().toUtf8());
    });
    dialog->open();
}

void MainWindow::showServerPanel()
{
    if (!m_serverDock) {
        m_serverDock = new QDockWidget(tr("Server"), this);
        m_serverDock->setObjectName(QStringLiteral("serverDock"));
        m_serverPanel = new ServerPanel(m_serverDock);
        m_serverDock->setWidget(m_serverPanel);
        addDockWidget(Qt::RightDockWidgetArea, m_serverDock);
        resizeDocks({m_serverDock}, {420}, Qt::Horizontal);
    }
    m_serverDock->show();
    m_serverDock->raise();
    m_serverPanel->setSession(m_connected ? m_kvLoader->session() : nullptr, m_kvLoader->profile());
}

} // namespace pmkv
