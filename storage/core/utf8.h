#pragma once

#include <QByteArrayView>

namespace pmkv {

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), or -1 when the whole text is valid.
qsizetype firstInvalidUtf8(QByteArrayView text);

} // namespace pmkv
