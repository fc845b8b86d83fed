#pragma once

#include <QByteArrayView>

namespace pmkv {

// 1-based line and column (in bytes) of a byte offset in a text, for error messages that
// point an editor at the right place.
struct TextPosition
{
    int line = 0;
    int column = 0;

    static TextPosition fromOffset(QByteArrayView text, qsizetype offset);
};

} // namespace pmkv
