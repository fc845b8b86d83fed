#include "sync/syncaction.h"

namespace pmkv {

const char* syncActionKindName(SyncAction::Kind kind)
{
    return kind == SyncAction::Kind::Create ? "create" : "update";
}

} // namespace pmkv
