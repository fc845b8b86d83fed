#pragma once

#include <QtGlobal>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pmkv {

enum class JsonStringStop {
    QuoteOrBackslash,            // in JSON known to be valid: where a string ends or escapes
    QuoteBackslashOrControl,     // in JSON being read: also a raw control (an error there)
    QuoteBackslashControlOrUtf8, // in JSON being checked or written: also UTF-8 to check
};

// The end of the run of bytes in [p, end) that a JSON string scanner can copy or skip as they
// are: the first byte `Stop` names, or `end`. Sixteen bytes at a time where SSE2 is there
// (every x86-64), since a story's text is mostly such runs.
template <JsonStringStop Stop> inline const char* jsonStringRunEnd(const char* p, const char* end)
{
    const auto stops = [](quint8 c) {
        return c == '"' || c == '\\' || (Stop != JsonStringStop::QuoteOrBackslash && c < 0x20) ||
               (Stop == JsonStringStop::QuoteBackslashControlOrUtf8 && c >= 0x80);
    };
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i control = _mm_set1_epi8(0x1f);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash));
        // A signed comparison: bytes 0x80-0xFF are negative, so "below 0x20" takes them too.
        if (Stop == JsonStringStop::QuoteBackslashControlOrUtf8)
            hit = _mm_or_si128(hit, _mm_cmplt_epi8(v, space));
        // Unsigned "at most 0x1f": the larger of the byte and 0x1f is 0x1f.
        if (Stop == JsonStringStop::QuoteBackslashOrControl)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
        const int mask = _mm_movemask_epi8(hit);
        if (mask != 0)
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p < end && !stops(quint8(*p)))
        ++p;
    return p;
}

} // namespace pmkv
