#pragma once

#include "diff/jsonvalue.h"

#include <string>

namespace pmkv {

// One RFC 6902 operation. `from` is used by move and copy, `value` by add, replace and test.
struct PatchOperation
{
    enum class Op : unsigned char { Add, Remove, Replace, Move, Copy, Test };

    Op op = Op::Add;
    std::string path;
    std::string from;
    JsonValue value;
};

const char* patchOpName(PatchOperation::Op op);

} // namespace pmkv
