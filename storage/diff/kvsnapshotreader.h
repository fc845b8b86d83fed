#pragma once

#include "core/result.h"
#include "diff/diffside.h"
#include "layout/keylayout.h"

namespace pmkv {

// Reads a KV snapshot file (issue #5) as a DiffSide. The format, kept in this one place until
// the migration engine's snapshot writer lands: UTF-8 NDJSON, one JSON object per line.
//   {"key": "pm:project:demo", "type": "string", "ttl": -1, "value": "{\"name\":...}"}
//   {"key": "...", "type": "string", "ttl": 3600, "base64": "eyJuYW1l..."}
// * `value` holds the bytes as a UTF-8 string; `base64` (or `valueBase64`) holds them when
//   they are not valid UTF-8. Exactly one of them.
// * `ttl` in seconds (-1: no expiry); `pttl` in milliseconds is accepted instead.
// * `type` defaults to "string". Lines without "key" (a header such as {"snapshot": {...}}
//   or {"manifest": ...}) and blank lines are skipped.
// A line that is not such an object stops the read with its line number.
class KvSnapshotReader final
{
public:
    static Result<DiffSide> read(const QString& path, const KeyLayout& layout);
    // Whether the file looks like a snapshot (its first non-blank line is a JSON object).
    static bool looksLikeSnapshot(const QString& path);
};

} // namespace pmkv
