#pragma once

#include <QByteArray>
#include <QPointer>
#include <QUndoCommand>

namespace pmkv {

class KvLoader;

// One value written to one key, undoable: undo writes the previous value back (or deletes
// the key when there was none), redo writes the new value again. Pushed once the first write
// succeeded, so its first redo() does nothing.
class KvWriteCommand final : public QUndoCommand
{
public:
    KvWriteCommand(KvLoader* loader, QByteArray key, QByteArray value, QByteArray previous,
                   bool previousExisted);

    void undo() override;
    void redo() override;

private:
    QPointer<KvLoader> m_loader;
    QByteArray m_key;
    QByteArray m_value;
    QByteArray m_previous;
    bool m_previousExisted;
    bool m_first = true;
};

} // namespace pmkv
