// MainWindow's journaled writes (copy either way, edit, undo/redo), kept apart from the
// window's layout and selection code in mainwindow.cpp.
#include "mainwindow.h"

#include "files/jsstringify.h"

#include "diff/jsonparser.h"
#include "diffview.h"
#include "documentview.h"
#include "fieldcopy.h"
#include "filepane.h"
#include "files/jsprettyprint.h"
#include "folderloader.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "postto.h"
#include "workflows/entitywriteworkflow.h"

#include <QInputDialog>
#include <QLabel>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {
namespace {

EntityWriteWorkflow::Write redoRequest(EntityWriteWorkflow::Write request)
{
    request.operation = QStringLiteral("studio-redo");
    return request;
}

} // namespace

MainWindow::WriteWork MainWindow::writeWork(JournaledCommand::Side side,
                                            EntityWriteWorkflow::Write request) const
{
    const WorkflowContext context = workflowContext();
    request.confirmation = QString();
    if (side == JournaledCommand::Side::Folder) {
        const QString root = m_root;
        return [root, request, context](const QString&) {
            return EntityWriteWorkflow::write(root, request, context);
        };
    }
    const std::shared_ptr<TargetSession> session = m_kvLoader->session();
    return [session, request, context](const QString& confirmation) mutable -> WriteResult {
        if (!session)
            return notConnected();
        request.confirmation = confirmation;
        return EntityWriteWorkflow::write(*session, request, context);
    };
}

MainWindow::WriteWork MainWindow::undoWork(JournaledCommand::Side side, const QString& location,
                                           const QString& runId) const
{
    const WorkflowContext context = workflowContext();
    EntityWriteWorkflow::Undo request{location, runId, QStringLiteral("studio-undo"), QString()};
    if (side == JournaledCommand::Side::Folder) {
        const QString root = m_root;
        return [root, request, context](const QString&) {
            return EntityWriteWorkflow::undo(root, request, context);
        };
    }
    const std::shared_ptr<TargetSession> session = m_kvLoader->session();
    return [session, request, context](const QString& confirmation) mutable -> WriteResult {
        if (!session)
            return notConnected();
        request.confirmation = confirmation;
        return EntityWriteWorkflow::undo(*session, request, context);
    };
}

MainWindow::WriteResult MainWindow::notConnected()
{
    return makeError(QStringLiteral("not-connected"), tr("not connected"));
}

WorkflowContext MainWindow::workflowContext() const
{
    WorkflowContext context;
    context.paths = jobPaths();
    context.frontEnd = QStringLiteral("pmkv-studio");
    return context;
}

void MainWindow::runWrite(const QString& location, WriteWork work, const QString& confirmation,
                          std::function<void(WriteResult)> finish)
{
    m_writing = true;
    QtConcurrent::run([work, confirmation] { return work(confirmation); })
        .then(postTo<WriteResult>(this, [this, location, work, confirmation,
                                         finish](WriteResult result) {
            const bool askName = !result &&
                                 result.error().next.action == NextStep::Action::ConfirmProd &&
                                 confirmation.isNull();
            if (!askName) {
                m_writing = false;
                finish(std::move(result));
                return;
            }
            const QString name = result.error().next.detail;
            askProdName(location, name, [this, location, work, finish, name](const QString& typed) {
                if (!typed.isNull())
                    return runWrite(location, work, typed, finish);
                m_writing = false;
                finish(makeError(
                    QStringLiteral("prod-not-confirmed"),
                    tr("the name of the PROD connection \"%1\" was not typed").arg(name)));
            });
        }));
}

// Asks without a nested event loop (a window-modal dialog); `answer` gets the typed text, or a
// null string when the dialog is cancelled.
void MainWindow::askProdName(const QString& location, const QString& connection,
                             const std::function<void(const QString&)>& answer)
{
    auto* ask = new QInputDialog(this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowModality(Qt::WindowModal);
    ask->setWindowTitle(tr("Write to PROD"));
    ask->setLabelText(tr("This writes %1 on the PRODUCTION key space \"%2\".\nType "
                         "the connection name to confirm:")
                          .arg(location, connection));
    connect(ask, &QInputDialog::textValueSelected, this, [answer](const QString& text) {
        // (a blank answer becomes " ", which no profile name can be)
        answer(text.isEmpty() ? QStringLiteral(" ") : text);
    });
    connect(ask, &QDialog::rejected, this, [answer] { answer(QString()); });
    ask->open();
}

bool MainWindow::onStack(const JournaledCommand* command) const
{
    for (int i = 0; i < m_undo->count(); ++i) {
        if (m_undo->command(i) == command)
            return true;
    }
    return false;
}

void MainWindow::startWrite(JournaledCommand::Side side, const QString& location,
                            const QByteArray& value, const QString& text, const QString& operation,
                            const QString& confirmation)
{
    EntityWriteWorkflow::Write request;
    request.location = location;
    request.value = value;
    request.operation = operation;
    startRequest(side, request, text, confirmation);
}

void MainWindow::startRequest(JournaledCommand::Side side,
                              const EntityWriteWorkflow::Write& request, const QString& text,
                              const QString& confirmation)
{
    const QString location = request.location;
    if (m_writing) {
        const QString message = tr("Another write is still running; try again when it is done.");
        showMessage(message);
        Q_EMIT writeFinished(false, message);
        return;
    }
    runWrite(location, writeWork(side, request), confirmation,
             [this, side, location, request, text](WriteResult result) {
                 if (result && !result.value().unchanged) {
                     m_undo->push(new JournaledCommand(
                         text, side, request, result.value().runId,
                         [this](JournaledCommand* c, bool undo) { runCommand(c, undo); }));
                 }
                 writeDone(side, location, result, false);
             });
}

void MainWindow::runCommand(JournaledCommand* command, bool undo)
{
    const JournaledCommand::Side side = command->side();
    const QString location = command->location();
    const WriteWork work = undo ? undoWork(side, location, command->runId())
                                : writeWork(side, redoRequest(command->request()));
    runStep(command, undo, work, [this, side, location, undo](const WriteResult& result) {
        writeDone(side, location, result, undo);
    });
}

void MainWindow::runStep(JournaledCommand* command, bool undo, const WriteWork& work,
                         const std::function<void(const WriteResult&)>& done)
{
    // Moves the stack back when the step was refused, without running it again.
    auto back = [this, command, undo] {
        if (!onStack(command))
            return;
        command->skipNext();
        if (undo)
            m_undo->redo();
        else
            m_undo->undo();
    };
    if (m_writing) {
        const QString message = tr("Another write is still running; try again when it is done.");
        showMessage(message);
        QMetaObject::invokeMethod(this, back, Qt::QueuedConnection);
        Q_EMIT writeFinished(false, message);
        return;
    }
    auto finish = [this, command, back, undo, done](WriteResult result) {
        if (!result)
            back();
        else if (!undo && !result.value().runId.isEmpty() && onStack(command))
            command->setRunId(result.value().runId); // the run the next undo undoes
        done(result);
    };
    runWrite(command->location(), work, QString(), finish);
}

void MainWindow::writeDone(JournaledCommand::Side side, const QString& location,
                           const WriteResult& result, bool undo)
{
    if (!result) {
        const Error& error = result.error();
        QString text;
        if (error.code == QLatin1String("undo-conflict"))
            text = tr("Not undone: %1").arg(error.message);
        else if (error.code == QLatin1String("prod-not-confirmed") && error.next.isNone())
            text = tr("Not written: %1.").arg(error.message);
        else if (error.code == QLatin1String("prod-not-confirmed"))
            text = tr("Not written: the typed name does not match the PROD connection \"%1\".")
                       .arg(error.next.detail);
        else
            text = tr("Writing %1 was refused: %2").arg(location, error.message);
        showMessage(text);
        Q_EMIT writeFinished(false, text);
        return;
    }
    const EntityWriteWorkflow::Outcome& outcome = result.value();
    if (outcome.unchanged) {
        const QString text = tr("%1 already holds this value: nothing written.").arg(location);
        showMessage(text);
        Q_EMIT writeFinished(true, text);
        return;
    }
    const QString text =
        undo ? tr("Undid the write of %1 (journal run %2).").arg(location, outcome.runId)
             : tr("Wrote %1 (journal run %2).").arg(location, outcome.runId);
    showMessage(text);
    if (side == JournaledCommand::Side::Kv) {
        const QByteArray key = location.toUtf8();
        for (const auto& join : listJoinsFor(key))
            m_kvLoader->compareAgain(join.list.toUtf8());
        m_kvLoader->noteWritten(key); // compares again; emits writeFinished
        return;
    }
    if (!m_root.isEmpty())
        m_loader->load(m_root); // the file changed: read the folder and align again
    Q_EMIT writeFinished(true, text);
}

void MainWindow::copyKvToFile()
{
    const QByteArray key = m_lastValue.key;
    // (an entity only in the key space gets the file the application would write for it)
    const QString path = fileForKey(key);
    auto refuse = [this](const QString& message) {
        showMessage(message);
        Q_EMIT writeFinished(false, message);
    };
    if (key.isEmpty() || path.isEmpty() || m_root.isEmpty())
        return refuse(tr("Select a key that maps to a file under the open folder."));
    if (!m_lastValue.error.isEmpty() || m_lastValue.type != "string" || m_lastValue.truncated)
        return refuse(
            tr("The key %1 holds no complete string value to copy.").arg(QString::fromUtf8(key)));
    auto parsed = JsonParser::parse(m_lastValue.bytes);
    if (!parsed)
        return refuse(tr("Not copied: the value of %1 is not JSON (%2).")
                          .arg(QString::fromUtf8(key), parsed.error().message));
    EntityWriteWorkflow::Write request;
    request.location = path;
    // The bytes the application writes: JSON.stringify(value, null, 2).
    request.value = JsPrettyPrint::indent(QByteArray::fromStdString(parsed.value().compact()), 2);
    request.operation = QStringLiteral("studio-copy-to-file");
    // A new file is listed in its parent's file (epic.json, project.json), in the same run.
    if (!m_snapshot || !m_snapshot->index().findByPath(path))
        request.joins = fileListJoinsFor(key);
    startRequest(JournaledCommand::Side::Folder, request, tr("copy %1 to the file").arg(path));
}

void MainWindow::saveKeyEdit(const QByteArray& text, const QString& confirmation,
                             KeyEditBytes bytes)
{
    const QByteArray key = m_lastValue.key;
    auto refuse = [this](const QString& message) {
        showMessage(message);
        Q_EMIT writeFinished(false, message);
    };
    if (!m_connected || key.isEmpty())
        return refuse(tr("Select a key to edit, with a connection open."));
    if (!m_lastValue.error.isEmpty() || m_lastValue.type != "string" || m_lastValue.truncated)
        return refuse(
            tr("The key %1 holds no complete string value to edit.").arg(QString::fromUtf8(key)));
    const auto unchanged = [this, key] {
        const QString message = tr("%1 is unchanged: nothing written.").arg(QString::fromUtf8(key));
        showMessage(message);
        Q_EMIT writeFinished(true, message);
    };
    if (text == m_lastValue.bytes)
        return unchanged(); // (a value the user did not change is never rewritten)
    QByteArray value = text;
    if (bytes == KeyEditBytes::AsTheApplicationWrites) {
        // What the application's JSON.stringify writes (compact, its key order), so that the
        // key compares "same" with a file holding the same document.
        auto stringified = JsStringify::fromJsonText(text);
        if (!stringified)
            return refuse(tr("Not saved: the edit of %1 is not valid JSON at %2.")
                              .arg(QString::fromUtf8(key), stringified.error().message));
        value = stringified.value();
    }
    if (value == m_lastValue.bytes)
        return unchanged();
    startWrite(JournaledCommand::Side::Kv, QString::fromUtf8(key), value,
               tr("edit %1").arg(QString::fromUtf8(key)), QStringLiteral("studio-edit"),
               confirmation);
}

// The field a per-field copy is about, or a refusal already reported.
bool MainWindow::fieldToCopy(std::string& pointer, QString& path)
{
    auto refuse = [this](const QString& message) {
        showMessage(message);
        Q_EMIT writeFinished(false, message);
        return false;
    };
    const FieldChange* change = m_diffView->currentFieldChange();
    if (!m_connected || m_diffKey.isEmpty() || m_diffKey != m_lastValue.key || !change)
        return refuse(tr("Select a difference in the Differences tab (F7) to copy its field."));
    if (!m_lastValue.error.isEmpty() || m_lastValue.type != "string" || m_lastValue.truncated)
        return refuse(tr("The key %1 holds no complete string value to copy a field of.")
                          .arg(QString::fromUtf8(m_diffKey)));
    path = m_alignment ? m_alignment->pathForKey(m_diffKey) : QString();
    if (path.isEmpty())
        return refuse(
            tr("The key %1 has no file in the folder.").arg(QString::fromUtf8(m_diffKey)));
    pointer =
        FieldCopy::pointerFor(*change, m_diffView->leftDocument(), m_diffView->rightDocument());
    return true;
}

std::optional<QByteArray> MainWindow::documentWithField(bool toKv, const std::string& pointer)
{
    // The diff's left side is the file, its right side the key.
    const JsonValue& from = toKv ? m_diffView->leftDocument() : m_diffView->rightDocument();
    const JsonValue& into = toKv ? m_diffView->rightDocument() : m_diffView->leftDocument();
    auto doc = FieldCopy::apply(from, into, pointer, m_diffView->options());
    if (!doc) {
        showMessage(doc.error().message);
        Q_EMIT writeFinished(false, doc.error().message);
        return std::nullopt;
    }
    return QByteArray::fromStdString(doc.value().compact());
}

void MainWindow::copyFieldToKv(const QString& confirmation)
{
    std::string pointer;
    QString path;
    if (!fieldToCopy(pointer, path))
        return;
    const QByteArray key = m_diffKey;
    const auto doc = documentWithField(true, pointer);
    if (!doc)
        return;
    // The key's other fields keep their order and text: the value is written compact, as the
    // application writes it.
    const QString field = QString::fromStdString(pointer.empty() ? "/" : pointer);
    startWrite(JournaledCommand::Side::Kv, QString::fromUtf8(key), *doc,
               tr("copy %1 of %2 to KV").arg(field, path), QStringLiteral("studio-copy-field"),
               confirmation);
}

void MainWindow::copyFieldToFile()
{
    std::string pointer;
    QString path;
    if (!fieldToCopy(pointer, path))
        return;
    const auto doc = documentWithField(false, pointer);
    if (!doc)
        return;
    const QString field = QString::fromStdString(pointer.empty() ? "/" : pointer);
    // The bytes the application writes: JSON.stringify(value, null, 2).
    startWrite(JournaledCommand::Side::Folder, path, JsPrettyPrint::indent(*doc, 2),
               tr("copy %1 of %2 to the file").arg(field, path),
               QStringLiteral("studio-copy-field-to-file"));
}

void MainWindow::copyFileToKv(const QString& confirmation)
{
    const QString path = m_filePane->currentEntityPath();
    const QByteArray key = m_alignment ? m_alignment->keyForPath(path) : QByteArray();
    if (!m_connected || key.isEmpty()) {
        const QString text = tr("Select a file that maps to a key, with a connection open.");
        showMessage(text);
        Q_EMIT writeFinished(false, text);
        return;
    }
    EntityWriteWorkflow::Write request;
    request.location = QString::fromUtf8(key);
    request.value = m_alignment->valueOf(m_alignment->entryForKey(key));
    request.operation = QStringLiteral("studio-copy");
    // A new entity is listed, as a migration lists it (an entity the key space has keeps its
    // lists as they are).
    if (m_kvPane->model()->stateOf(key) == SyncState::OnlyFiles)
        request.joins = listJoinsFor(key);
    startRequest(JournaledCommand::Side::Kv, request, tr("copy %1 to KV").arg(path), confirmation);
}

} // namespace pmkv
