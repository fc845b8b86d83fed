#pragma once

#include <QByteArray>
#include <QByteArrayView>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace pmkv {

// Appends `bytes` as a JSON string literal, quotes included. Valid UTF-8 is written as it is
// (quote, backslash and control characters escaped). A byte that is not part of valid UTF-8
// becomes a lone low surrogate "\udc80".."\udcff" (as Python's surrogateescape does): no
// valid text produces those, so any bytes are carried losslessly.
void appendJsonString(QByteArray& out, QByteArrayView bytes);

// The first byte at or after p that ends a plain run of a JSON string: '"', '\\', a control
// character, and with `stopAtNonAscii` also any byte >= 0x80 (which a writer must check is
// UTF-8). Values are mostly plain text, so this is the hot loop of reading and writing them:
// 16 bytes at a time with SSE2 (x86-64 baseline), byte by byte elsewhere.
inline const char* jsonPlainRunEnd(const char* p, const char* end, bool stopAtNonAscii)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1f);
    while (end - p >= 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                         _mm_cmpeq_epi8(_mm_max_epu8(x, control), control)); // x <= 0x1f
        int mask = _mm_movemask_epi8(hit);
        if (stopAtNonAscii)
            mask |= _mm_movemask_epi8(x); // the high bit: >= 0x80
        if (mask != 0)
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20 || (stopAtNonAscii && c >= 0x80))
            break;
        ++p;
    }
    return p;
}

} // namespace pmkv
