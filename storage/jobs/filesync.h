#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <functional>

#include <sys/types.h>

namespace pmkv::filesync {

// Durable small-file helpers for jobs (journals, plans, reports, audit lines).

// Files the tool keeps for itself hold whole values: readable by their owner only.
constexpr mode_t kPrivateFile = 0600;
constexpr mode_t kPrivateFolder = 0700;

// Flushes a folder's entries (after a rename or create) to disk. Best effort.
void syncFolder(const QString& folder);
// Writes `bytes` to `path` through a temporary file, fsync and rename: all or nothing. The
// file is created with `mode` (before the umask).
Result<void> writeAtomically(const QString& path, const QByteArray& bytes,
                             mode_t mode = kPrivateFile);
// The same, for a file written in pieces: `next` returns each piece in turn, then an empty
// one.
Result<void> writeAtomically(const QString& path, const std::function<QByteArray()>& next,
                             mode_t mode = kPrivateFile);
// A name for a temporary file or folder beside another: ".~" and 8 random letters and
// digits, 10 bytes in all, so never longer than the name it stands in for (a name as long as
// the file system allows has no room for a suffix) unless that name is shorter still.
QByteArray temporaryName();
// Creates a new file named temporaryName() in `folder` (raw bytes), open for writing with
// `mode`; its path in `path`. Returns the descriptor, or -1 with errno set.
int createTemporary(const QByteArray& folder, mode_t mode, QByteArray& path);
// Creates the folders of `path` that are missing with `mode` (the existing ones are left as
// they are); false when one cannot be made.
bool makeFolders(const QString& path, mode_t mode);
// Hex SHA-256 of a file's content.
Result<QByteArray> sha256OfFile(const QString& path);

} // namespace pmkv::filesync
