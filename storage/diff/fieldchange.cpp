#include "diff/fieldchange.h"

namespace pmkv {

const char* fieldChangeKindName(FieldChange::Kind kind)
{
    switch (kind) {
    case FieldChange::Kind::Added:
        return "added";
    case FieldChange::Kind::Removed:
        return "removed";
    case FieldChange::Kind::Changed:
        return "changed";
    case FieldChange::Kind::Moved:
        return "moved";
    }
    return "changed";
}

} // namespace pmkv
