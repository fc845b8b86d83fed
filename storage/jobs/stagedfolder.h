#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <memory>

namespace pmkv {

// A folder built beside its target under a temporary name (filesync::temporaryName(), never
// longer than the target's name), then put in place with one rename: the target is seen as it
// was or as it is meant to be, never half written, and a failure before commit() leaves the
// target untouched and removes the staging folder. Names are bytes, kept exactly.
class StagedFolder final
{
public:
    ~StagedFolder();
    StagedFolder(const StagedFolder&) = delete;
    StagedFolder& operator=(const StagedFolder&) = delete;

    // Creates the staging folder beside `target` (whose parent is made if missing).
    static Result<std::unique_ptr<StagedFolder>> beside(const QString& target);

    // Starts from what the target holds now (files as hard links, so nothing is copied and
    // the target's own files are never written): writeFile() then replaces some of them.
    Result<void> keepTarget();
    // Writes a file at `relative` (raw bytes; its folders are made), replacing what the
    // staging folder holds there; `mode` as the file system takes it (0644, 0755).
    Result<void> writeFile(const QByteArray& relative, const QByteArray& bytes, int mode);
    // Puts the staging folder in the target's place (an existing target is swapped out
    // atomically and then removed); everything is on disk (fsync) before the rename.
    Result<void> commit();

    QString target() const;

private:
    StagedFolder(QByteArray target, QByteArray staging);

    QByteArray m_target;
    QByteArray m_staging;
    QVector<QByteArray> m_folders; // made here, synced before the commit
    bool m_committed = false;
};

} // namespace pmkv
