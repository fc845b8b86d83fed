#pragma once

#include "kv/kvreply.h"
#include "syncstate.h"

#include <QByteArray>

namespace pmkv {

// Compares the bytes the application would write for a file with what the key space holds,
// by the validator's rule (ValueComparison): Same, EqualJson or Changed; a missing key is
// OnlyFiles; an error reply, another type or a value that is not JSON is Unreadable. Pure and
// thread-safe: runs on the store's thread.
class SyncComparer final
{
public:
    static SyncState compare(const QByteArray& fileValue, const KvReply& kvValue);
};

} // namespace pmkv
