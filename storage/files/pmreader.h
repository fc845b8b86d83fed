#pragma once

#include "core/result.h"
#include "files/pmindex.h"

#include <atomic>

class QThreadPool;

namespace pmkv {

// Reads a pm/ root into a PmIndex. Files are read, hashed (SHA-256), parsed once (JsStringify,
// whose compact output the DocumentValidator then reads) and validated in
// parallel on the global thread pool (or Options::pool); the walk itself never follows a symbolic
// link to a folder, skips .git, node_modules and hidden folders, and refuses files over a size
// limit. A broken file never stops the scan: it becomes a Problem. Only a root that cannot be read
// at all is an Error.
class PmReader final
{
public:
    struct Options
    {
        qint64 maxFileBytes = 16 * 1024 * 1024;
        // Where the files are read; null: the engine's pool (WorkPool, never Qt's global one,
        // which the raster paint engine waits on).
        QThreadPool* pool = nullptr;
        // Entity::sha256Hex of every file. Callers that hash what they derive from the files
        // instead (the migration planner hashes value bytes) turn it off: one hash, not two.
        bool hashFiles = true;
        // Keep every data file's Entity::value (the KeyMapper then reuses it instead of
        // parsing the file again): for the planner and the validator, at the cost of memory.
        bool keepValues = false;
        // With keepValues: also Entity::valueSha256, hashed on the reading threads while the
        // value is fresh in the cache (the migration planner's hash of every value).
        bool hashValues = false;
        // With keepValues and hashValues: keep each value's size, hash and notes, not its bytes
        // (Entity::value stays empty). The migration makes the bytes again from the file when
        // it writes the key (SourceValues), so a 100,000-story plan spares 190 MB of memory,
        // which costs more to get from the kernel than the second read costs.
        bool hashOnlyValues = false;
        // Keep Entity::raw. A caller that only needs the values drops the bytes once checked.
        bool keepRaw = true;
        // Keep Entity::title (what the browser shows); the planner and the validator do not
        // need the 18 MB of a 100,000-story tree.
        bool keepTitles = true;
        // Set from another thread to stop a read early (the desktop app closing, or a newer
        // folder replacing this one); read() then fails with code "read.cancelled".
        const std::atomic_bool* cancel = nullptr;
    };

    static Result<PmIndex> read(const QString& root, const Options& options);
    static Result<PmIndex> read(const QString& root) { return read(root, Options{}); }
};

} // namespace pmkv
