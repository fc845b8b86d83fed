#include "journaledcommand.h"

namespace pmkv {

JournaledCommand::JournaledCommand(const QString& text, Side side, QString location,
                                   QByteArray value, QString runId, Runner run)
    : m_side(side), m_location(std::move(location)), m_value(std::move(value)),
      m_runId(std::move(runId)), m_run(std::move(run))
{
    setText(text);
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
