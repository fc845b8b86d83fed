#include "synccomparer.h"

#include "diff/jsonparser.h"

namespace pmkv {

SyncState SyncComparer::compare(const QByteArray& fileValue, const KvReply& kvValue)
{
    if (kvValue.isNil())
        return SyncState::OnlyFiles;
    if (kvValue.type != KvReply::Type::String)
        return SyncState::Unreadable;
    if (kvValue.bytes == fileValue)
        return SyncState::Same;
    const auto kv = JsonParser::parse(kvValue.bytes);
    if (!kv)
        return SyncState::Unreadable;
    const auto file = JsonParser::parse(fileValue);
    if (!file)
        return SyncState::Changed;
    return kv.value() == file.value() ? SyncState::JsonEqual : SyncState::Changed;
}

} // namespace pmkv
