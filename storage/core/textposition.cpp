#include "core/textposition.h"

#include <algorithm>

namespace pmkv {

TextPosition TextPosition::fromOffset(QByteArrayView text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    TextPosition position{1, 1};
    for (qsizetype i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

} // namespace pmkv
