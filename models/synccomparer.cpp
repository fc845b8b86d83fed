#include "synccomparer.h"

#include "diff/valuecomparison.h"

namespace pmkv {

SyncState SyncComparer::compare(const QByteArray& fileValue, const KvReply& kvValue)
{
    if (kvValue.isNil())
        return SyncState::OnlyFiles;
    if (kvValue.type != KvReply::Type::String)
        return SyncState::Unreadable;
    return syncStateOf(ValueComparison::of(fileValue, kvValue.bytes));
}

} // namespace pmkv
