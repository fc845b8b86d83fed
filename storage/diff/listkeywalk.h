#pragma once

#include "core/result.h"
#include "kv/kvstore.h"
#include "layout/keylayout.h"

#include <QHash>
#include <QStringList>

#include <functional>

namespace pmkv {

// The keys of a layout found without SCAN (Upstash's read-only tokens and pmkv-proxy's
// read-only token answer it with NOPERM), by following the list keys down: the people key and
// the projects list; each project's key and its epics list, or the project's `epicIds` when
// the layout has no epics-list key or the key space lacks it; each epic's key and its stories
// list, or the epic's `storyIds`; each story's key. One read per level, through a Reader the
// caller gives: the diff reads every value (TYPE, PTTL, GET), the studio only the values the
// walk needs and checks the stories' presence.
class ListKeyWalk final
{
public:
    // The keys of `keys` that exist; with their values when `values` is true (the walk reads
    // the names in them), otherwise any bytes (presence is all it needs).
    using Reader =
        std::function<Result<QHash<QString, QByteArray>>(const QStringList& keys, bool values)>;

    // Every key found, once each, in the walk's order.
    static Result<QStringList> walk(const KeyLayout& layout, const Reader& read);

    // A reader over a store: pipelined GET for values, EXISTS for presence, `batchKeys` keys
    // per round trip. Blocks on the store's futures: call it off the store's thread.
    static Reader storeReader(KvStore& store, int batchKeys = 1000);
};

} // namespace pmkv
