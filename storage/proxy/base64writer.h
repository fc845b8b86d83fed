#pragma once

#include <QtGlobal>

namespace pmkv {

// Standard base64 with padding (RFC 4648), written into memory the caller provides. A GET
// pipeline answered with `Upstash-Encoding: base64` spends most of its CPU here, so the
// encoder uses SSSE3 when the CPU has it and a portable table loop otherwise.
class Base64Writer final
{
public:
    static qsizetype encodedSize(qsizetype size) { return (size + 2) / 3 * 4; }
    // Writes encodedSize(size) characters to `out`; returns the end of what it wrote.
    static char* write(char* out, const char* in, qsizetype size);
    // The portable path alone (tests compare both paths with QByteArray::toBase64()).
    static char* writePortable(char* out, const char* in, qsizetype size);
};

} // namespace pmkv
