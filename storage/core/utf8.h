#pragma once

#include <QByteArrayView>
#include <QString>

namespace pmkv {

// Length (2..4) of the valid multi-byte UTF-8 sequence that starts at p, or 0 when the bytes
// there are not one (bad lead byte, missing continuation, overlong form, surrogate, beyond
// U+10FFFF). Call it for a byte >= 0x80.
int utf8SequenceLength(const unsigned char* p, const unsigned char* end);

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), or -1 when the whole text is valid.
qsizetype firstInvalidUtf8(QByteArrayView text);

// Bytes shown as text: the UTF-8 parts as they are, every other byte as "\xHH" (and a
// backslash as "\\" when anything was escaped, so the form reads back unambiguously). For
// file names, which are bytes: kept as bytes, shown this way.
QString escapedBytes(QByteArrayView bytes);

} // namespace pmkv
