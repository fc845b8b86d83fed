#pragma once

#include "core/result.h"
#include "diff/diffside.h"
#include "layout/keylayout.h"

namespace pmkv {

// Reads a KV snapshot file written by `pmkv snapshot` (SnapshotJob: NDJSON lines {"key",
// "type", "ttl" in milliseconds, "value" or "valueBase64"} with <file>.manifest.json beside
// it) as a DiffSide. The format is read by SnapshotJob::read alone, which checks the
// manifest's SHA-256 first, so a damaged or edited snapshot is an error, not a side.
// Keys that were not strings become unreadable entries naming their type.
class KvSnapshotReader final
{
public:
    static Result<DiffSide> read(const QString& path, const KeyLayout& layout);
    // Whether `path` looks like a snapshot: a manifest beside it, or an .ndjson/.jsonl name.
    static bool looksLikeSnapshot(const QString& path);
};

} // namespace pmkv
