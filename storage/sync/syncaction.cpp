#include "sync/syncaction.h"

namespace pmkv {

const char* syncActionKindName(SyncAction::Kind kind)
{
    switch (kind) {
    case SyncAction::Kind::Create:
        return "create";
    case SyncAction::Kind::Update:
        return "update";
    case SyncAction::Kind::Delete:
        return "delete";
    }
    return "update";
}

} // namespace pmkv
