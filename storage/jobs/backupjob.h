#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace pmkv {

// Writes a pm/ folder into a timestamped .tar.gz (see backupformat.h): every regular file
// byte for byte (README and other non-data files included) under its name's exact bytes (a
// name need not be UTF-8), a SHA-256 manifest and a tag.
// The archive is written under a temporary name in the destination folder, flushed to disk
// (fsync) and renamed into place only when complete, so a failed or killed run (disk full,
// SIGKILL) never leaves an archive that looks valid; a failed run removes its temporary file.
class BackupJob final
{
public:
    struct Params
    {
        QString root; // the pm/ folder
        // A folder (a timestamped name is chosen) or a .tar.gz / .tgz path; missing folders
        // are made, as `mkdir -p` would.
        QString destination;
        QString layout; // recorded in the tag, e.g. "repository"
        QDateTime now;  // default: current UTC time
    };
    struct Outcome
    {
        QString archivePath;
        int fileCount = 0;
        qint64 totalBytes = 0;
        QString archiveSha256; // of the archive file itself
        // What could not be taken, "path (why)" with the path escaped (utf8.h): symbolic
        // links (never followed), pipes and devices, files and folders that cannot be read.
        // Listed in the manifest too: such a backup is not complete.
        QStringList skipped;
    };

    static Result<Outcome> run(const Params& params);
    // "pm-backup-20261122T080102Z.tar.gz"
    static QString defaultFileName(const QString& root, const QDateTime& when);
};

} // namespace pmkv
