#include "kvwritecommand.h"

#include "kvloader.h"

#include <QCoreApplication>

namespace pmkv {

KvWriteCommand::KvWriteCommand(KvLoader* loader, QByteArray key, QByteArray value,
                               QByteArray previous, bool previousExisted)
    : m_loader(loader), m_key(std::move(key)), m_value(std::move(value)),
      m_previous(std::move(previous)), m_previousExisted(previousExisted)
{
    setText(QCoreApplication::translate("pmkv::KvWriteCommand", "write %1")
                .arg(QString::fromUtf8(m_key)));
}

void KvWriteCommand::undo()
{
    if (!m_loader)
        return;
    if (m_previousExisted)
        m_loader->writeValue(m_key, m_previous);
    else
        m_loader->deleteKey(m_key);
}

void KvWriteCommand::redo()
{
    if (m_first) {
        m_first = false;
        return;
    }
    if (m_loader)
        m_loader->writeValue(m_key, m_value);
}

} // namespace pmkv
