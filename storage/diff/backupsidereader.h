#pragma once

#include "core/result.h"
#include "diff/diffside.h"
#include "layout/keylayout.h"

namespace pmkv {

// Reads a backup archive (.tar.gz written by `pmkv backup`) as a DiffSide: the archive is
// verified against its manifest and restored into a temporary folder that is read like a
// pm/ folder and removed afterwards. An archive that does not verify is an error.
class BackupSideReader final
{
public:
    static Result<DiffSide> read(const QString& archivePath, const KeyLayout& layout);
    static bool looksLikeArchive(const QString& path);
};

} // namespace pmkv
