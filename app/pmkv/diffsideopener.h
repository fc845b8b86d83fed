#pragma once

#include "connections/connectionprofile.h"
#include "connections/storethread.h"
#include "core/result.h"
#include "diff/diffside.h"
#include "kv/kvstore.h"
#include "layout/keylayout.h"

#include <memory>

namespace pmkv {

// Turns what the user wrote for a side of `pmkv diff` / `pmkv sync` into a DiffSide:
//   conn:NAME, http(s)://..., redis://...  a live key space (read with SCAN, or through the
//                                          layout's list keys when SCAN is not allowed)
//   FILE.tar.gz / FILE.tgz                 a backup archive written by `pmkv backup`
//   FILE (NDJSON)                          a KV snapshot file
//   FOLDER                                 a pm/ (or pm-backup/) folder
// Stores live on one StoreThread owned by the opener; keep the opener alive while using them.
class DiffSideOpener final
{
public:
    enum class Kind { Folder, Backup, Snapshot, Kv };

    struct Opened
    {
        Kind kind = Kind::Folder;
        DiffSide side;
        ConnectionProfile profile; // Kv only
        KvStore* store = nullptr;  // Kv only; owned by the opener's thread
    };

    static Result<Kind> kindOf(const QString& spec);
    Result<Opened> open(const QString& spec, const KeyLayout& layout);
    // A key space without reading it (undo and resume of a sync).
    Result<Opened> connect(const QString& spec);

private:
    std::unique_ptr<StoreThread> m_thread;
};

} // namespace pmkv
