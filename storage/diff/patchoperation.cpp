#include "diff/patchoperation.h"

namespace pmkv {

const char* patchOpName(PatchOperation::Op op)
{
    switch (op) {
    case PatchOperation::Op::Add:
        return "add";
    case PatchOperation::Op::Remove:
        return "remove";
    case PatchOperation::Op::Replace:
        return "replace";
    case PatchOperation::Op::Move:
        return "move";
    case PatchOperation::Op::Copy:
        return "copy";
    case PatchOperation::Op::Test:
        return "test";
    }
    return "add";
}

} // namespace pmkv
