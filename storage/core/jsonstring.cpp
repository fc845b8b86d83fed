#include "core/jsonstring.h"

#include "core/jsonstringrun.h"

#include "core/utf8.h"

#include <algorithm>
#include <cstring>

namespace pmkv {

namespace {

const char hexDigits[] = "0123456789abcdef";

// Up to this size a value gets room for its worst case (every byte as \u00XX) and is written
// in one pass; a larger one is measured first, so that it never holds six times its size.
constexpr qsizetype kWorstCaseRoomUpTo = 64 * 1024;
// What the 16-byte copy of a plain run may write past the end of what it keeps.
constexpr qsizetype kSlack = 16;

// The written form of a byte that is not plain: a two-character escape, \u00XX for another
// control character, or \udcXX for a byte that is not part of valid UTF-8. Writes it to `to`
// unless that is null; returns its length.
int escapeByte(unsigned char c, char* to)
{
    const char* two = nullptr;
    switch (c) {
    case '"':
        two = "\\\"";
        break;
    case '\\':
        two = "\\\\";
        break;
    case '\n':
        two = "\\n";
        break;
    case '\r':
        two = "\\r";
        break;
    case '\t':
        two = "\\t";
        break;
    default:
        break;
    }
    if (two) {
        if (to)
            std::memcpy(to, two, 2);
        return 2;
    }
    if (to) {
        const unsigned int high = c >= 0x80 ? 0xdc : 0x00;
        to[0] = '\\';
        to[1] = 'u';
        to[2] = hexDigits[(high >> 4) & 0xf];
        to[3] = hexDigits[high & 0xf];
        to[4] = hexDigits[c >> 4];
        to[5] = hexDigits[c & 0xf];
    }
    return 6;
}

// The length of the valid UTF-8 sequence at p (1 for plain ASCII is not asked here), or 0.
int utf8At(const char* p, const char* end)
{
    return utf8SequenceLength(reinterpret_cast<const unsigned char*>(p),
                              reinterpret_cast<const unsigned char*>(end));
}

// Exactly how many bytes writeContent writes for [p, end).
qsizetype contentLength(const char* p, const char* end)
{
    qsizetype length = 0;
    while (p < end) {
        const char* run = jsonStringRunEnd<JsonStringStop::QuoteBackslashControlOrUtf8>(p, end);
        length += run - p;
        p = run;
        if (p == end)
            break;
        const auto c = static_cast<unsigned char>(*p);
        const int n = c >= 0x80 ? utf8At(p, end) : 0;
        length += n > 0 ? n : escapeByte(c, nullptr);
        p += n > 0 ? n : 1;
    }
    return length;
}

// Writes the string's content (no quotes) for [p, end) to `to`, which has room for it plus
// kSlack bytes: a plain run is copied 16 bytes at a time (the bytes stored past its end are
// overwritten by what follows), so text with a quote every few bytes costs no call per piece.
char* writeContent(const char* p, const char* end, char* to)
{
    while (p < end) {
#ifdef __SSE2__
        while (end - p >= 16) {
            _mm_storeu_si128(reinterpret_cast<__m128i*>(to),
                             _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
            const char* run =
                jsonStringRunEnd<JsonStringStop::QuoteBackslashControlOrUtf8>(p, p + 16);
            to += run - p;
            const bool whole = run == p + 16;
            p = run;
            if (!whole)
                break;
        }
        if (p == end)
            break;
#endif
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            *to++ = *p++;
            continue;
        }
        const int n = c >= 0x80 ? utf8At(p, end) : 0;
        if (n > 0) {
            std::memcpy(to, p, size_t(n));
            to += n;
            p += n;
            continue;
        }
        to += escapeByte(c, to);
        ++p;
    }
    return to;
}

} // namespace

void appendJsonString(QByteArray& out, QByteArrayView bytes)
{
    const char* p = bytes.data();
    const char* end = p + bytes.size();
    const qsizetype room =
        2 + kSlack +
        (bytes.size() <= kWorstCaseRoomUpTo ? 6 * bytes.size() : contentLength(p, end));
    const qsizetype start = out.size();
    if (out.capacity() < start + room)
        out.reserve(std::max(start + room, out.capacity() * 2)); // bodies grow value by value
    out.resize(start + room); // the new bytes are not initialized, only reserved
    char* to = out.data() + start;
    *to++ = '"';
    to = writeContent(p, end, to);
    *to++ = '"';
    out.truncate(to - out.constData());
}

} // namespace pmkv
