#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace pmkv::filesync {

// Durable small-file helpers for jobs (journals, plans, reports, audit lines).

// Flushes a folder's entries (after a rename or create) to disk. Best effort.
void syncFolder(const QString& folder);
// Writes `bytes` to `path` through a temporary file, fsync and rename: all or nothing.
Result<void> writeAtomically(const QString& path, const QByteArray& bytes);
// The same, for a file written in pieces: `next` returns each piece in turn, then an empty
// one.
Result<void> writeAtomically(const QString& path, const std::function<QByteArray()>& next);
// Hex SHA-256 of a file's content.
Result<QByteArray> sha256OfFile(const QString& path);

} // namespace pmkv::filesync
