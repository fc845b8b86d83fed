#include "journaledcommand.h"

namespace pmkv {

JournaledCommand::JournaledCommand(const QString& text, Side side,
                                   EntityWriteWorkflow::Write request, QString runId, Runner run)
    : m_side(side), m_request(std::move(request)), m_runId(std::move(runId)), m_run(std::move(run))
{
    setText(text);
}

JournaledCommand::JournaledCommand(const QString& text, Side side, const QString& location,
                                   const QByteArray& value, QString runId, Runner run)
    : JournaledCommand(text, side, EntityWriteWorkflow::Write{location, value, {}, {}},
                       std::move(runId), std::move(run))
{
}

void JournaledCommand::undo()
{
    if (m_skip) {
        m_skip = false;
        return;
    }
    if (m_run)
        m_run(this, true);
}

void JournaledCommand::redo()
{
    if (m_first || m_skip) {
        m_first = false;
        m_skip = false;
        return;
    }
    if (m_run)
        m_run(this, false);
}

} // namespace pmkv
