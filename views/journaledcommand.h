#pragma once

#include "workflows/entitywriteworkflow.h"

#include <QByteArray>
#include <QString>
#include <QUndoCommand>

#include <functional>

namespace pmkv {

// One journaled write of the studio on the undo stack (a copy either way, an edit, a delete,
// a new entity with the lists it joins): redo writes the same request again.
// Pushed once the write succeeded, so its first redo() does nothing. undo() and redo() hand
// the work to `run` (asynchronous, through the journal); when that is refused (the location
// changed since), the caller calls skipNext() and moves the stack back, so the stack always
// says what the target holds.
class JournaledCommand final : public QUndoCommand
{
public:
    enum class Side : unsigned char { Kv, Folder };
    // `undo` true: undo the run `runId`; false: write the request again.
    using Runner = std::function<void(JournaledCommand* command, bool undo)>;

    JournaledCommand(const QString& text, Side side, EntityWriteWorkflow::Write request,
                     QString runId, Runner run);
    // A write of `value` at `location` (or a step the runner knows how to redo itself).
    JournaledCommand(const QString& text, Side side, const QString& location,
                     const QByteArray& value, QString runId, Runner run);

    void undo() override;
    void redo() override;

    Side side() const { return m_side; }
    QString location() const { return m_request.location; }
    QByteArray value() const { return m_request.value; }
    const EntityWriteWorkflow::Write& request() const { return m_request; }
    QString runId() const { return m_runId; }
    void setRunId(const QString& runId) { m_runId = runId; }
    // The next undo()/redo() only moves the stack (the refused step is already accounted for).
    void skipNext() { m_skip = true; }

private:
    Side m_side;
    EntityWriteWorkflow::Write m_request;
    QString m_runId;
    Runner m_run;
    bool m_first = true;
    bool m_skip = false;
};

} // namespace pmkv
