#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace pmkv {

// Reads a backup archive end to end and checks it against its own manifest: every file's
// SHA-256 and size, no file missing, no file extra, tag and manifest present and parsable.
// restore() verifies first and writes nothing from an archive that does not verify.
class BackupVerifier final
{
public:
    struct Report
    {
        bool valid = false;
        int fileCount = 0;
        qint64 totalBytes = 0;
        QJsonObject tag;
        QStringList problems; // "data/x/y.json: SHA-256 differs from the manifest" ...
        // Files the backup could not take, from its manifest, "path (why)": a backup that
        // lists any is not complete, however well it verifies.
        QStringList notTaken;
        bool complete() const { return valid && notTaken.isEmpty(); }
    };
    struct RestoreOutcome
    {
        QString target;
        int fileCount = 0;
        qint64 totalBytes = 0;
    };

    // A Report with valid=false when the archive is damaged; an Error only when the file
    // cannot be opened at all.
    static Result<Report> verify(const QString& archivePath);
    // Writes the files into `target` (created if needed), all or nothing: into a folder
    // beside it, renamed into place (StagedFolder). Refuses a target that exists and is not
    // empty unless `overwrite` (then the files of the same name are replaced, the others
    // kept); refuses an archive that does not verify. Names are restored byte for byte.
    static Result<RestoreOutcome> restore(const QString& archivePath, const QString& target,
                                          bool overwrite);
};

} // namespace pmkv
