#pragma once

#include <QString>

namespace pmkv::backupformat {

// The layout of a pmkv backup (.tar.gz, pax format):
//   pmkv-backup/tag.json        first: tool, version, time, source path, layout, file count
//   data/<relative path>        every file of the pm/ folder, byte for byte
//   pmkv-backup/manifest.json   last: {"files": [{"path", "size", "sha256"}], "count",
//                               "notTaken": [{"path", "reason"}]}
// Paths in the archive are the names' bytes; in the manifest (JSON, so UTF-8) a name that is
// not UTF-8 is shown escaped (utf8.h escapedBytes) with its bytes in "pathBase64".
// The manifest is written last, so an archive cut short anywhere has no manifest and never
// verifies.
inline QString tagEntry()
{
    return QStringLiteral("pmkv-backup/tag.json");
}
inline QString manifestEntry()
{
    return QStringLiteral("pmkv-backup/manifest.json");
}
inline QString dataPrefix()
{
    return QStringLiteral("data/");
}
inline QString formatName()
{
    return QStringLiteral("pmkv-backup-1");
}

} // namespace pmkv::backupformat
