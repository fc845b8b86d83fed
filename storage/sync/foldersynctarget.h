#pragma once

#include "sync/synctarget.h"

namespace pmkv {

// A pm/ folder as a sync target. Each file is written the way the application saves it
// (the bytes given, 2-space pretty JSON) through a temporary file in the same folder and an
// atomic rename (filesync::writeAtomically); missing project/epic folders are created. A
// location must be a relative path of safe names (NameSafety): nothing made from a key leads
// out of the folder. Deleting (undo of a
// create) removes the file, and the folders the create made if they are left empty.
class FolderSyncTarget final : public SyncTarget
{
public:
    explicit FolderSyncTarget(QString root) : m_root(std::move(root)) {}

    QString describe() const override;
    bool isFolder() const override { return true; }
    Result<QVector<Value>> read(const QStringList& locations) override;
    Result<void> write(const QVector<Write>& writes) override;
    bool matches(const QByteArray& current, const QByteArray& expected) const override;

private:
    QString m_root;
};

} // namespace pmkv
