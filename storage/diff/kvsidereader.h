#pragma once

#include "core/result.h"
#include "diff/diffside.h"
#include "diff/diffsidebuilder.h"
#include "kv/kvstore.h"
#include "layout/keylayout.h"

namespace pmkv {

// Reads every entity of a layout from a live key space into a DiffSide: with SCAN MATCH
// "<prefix>:*" when the store allows it, otherwise (Upstash read-only tokens) by following
// the layout's list keys (projects list -> project -> epics list or epicIds -> epic ->
// stories list or storyIds). For each key it reads TYPE, PTTL and GET in one pipeline per
// batch; a key that is not a STRING becomes an unreadable entry carrying its type.
//
// Blocks until done: call it from a thread that does not own `store` (the CLI's main thread
// with the store on a StoreThread, or a job thread).
class KvSideReader final
{
public:
    struct Options
    {
        int batchKeys = 500;
        bool forceListWalk = false; // for tests: walk the lists even when SCAN is allowed
    };

    static Result<DiffSide> read(KvStore& store, const KeyLayout& layout, const QString& spec,
                                 const Options& options);
    static Result<DiffSide> read(KvStore& store, const KeyLayout& layout, const QString& spec)
    {
        return read(store, layout, spec, Options{});
    }

    // TYPE, PTTL and GET of `keys`, in batches. Missing keys are left out.
    static Result<QVector<DiffSideBuilder::KvItem>> fetch(KvStore& store, const QStringList& keys,
                                                          int batchKeys = 500);
};

} // namespace pmkv
