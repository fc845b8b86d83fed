#include "proxy/base64writer.h"

#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#define PMKV_BASE64_SSSE3 1
#include <immintrin.h>
#endif

namespace pmkv {

namespace {

const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The two characters of every 12-bit group: two lookups per three input bytes.
struct PairTable
{
    char pairs[4096][2];
    PairTable()
    {
        for (int v = 0; v < 4096; ++v) {
            pairs[v][0] = alphabet[v >> 6];
            pairs[v][1] = alphabet[v & 63];
        }
    }
};

char* writeTail(char* out, const unsigned char* p, qsizetype left)
{
    if (left <= 0)
        return out;
    const unsigned v = (unsigned(p[0]) << 16) | (left > 1 ? unsigned(p[1]) << 8 : 0u);
    out[0] = alphabet[v >> 18];
    out[1] = alphabet[(v >> 12) & 63];
    out[2] = left > 1 ? alphabet[(v >> 6) & 63] : '=';
    out[3] = '=';
    return out + 4;
}

char* writeGroups(char* out, const unsigned char* p, qsizetype size)
{
    static const PairTable table;
    qsizetype i = 0;
    for (; i + 3 <= size; i += 3) {
        const unsigned v = (unsigned(p[i]) << 16) | (unsigned(p[i + 1]) << 8) | p[i + 2];
        std::memcpy(out, table.pairs[v >> 12], 2);
        std::memcpy(out + 2, table.pairs[v & 0xfff], 2);
        out += 4;
    }
    return writeTail(out, p + i, size - i);
}

#ifdef PMKV_BASE64_SSSE3
// Wojciech Muła's SSSE3 encoder: 12 input bytes -> 16 characters per step. The shuffle puts
// each 3-byte group into a 32-bit lane as [b, a, c, b]; two multiplies move the four 6-bit
// indices into the four bytes of the lane; a 16-entry shuffle table then adds the offset of
// the index's range (A-Z, a-z, 0-9, '+', '/').
__attribute__((target("ssse3"))) char* writeSsse3(char* out, const unsigned char* p, qsizetype size)
{
    const __m128i spread = _mm_set_epi8(10, 11, 9, 10, 7, 8, 6, 7, 4, 5, 3, 4, 1, 2, 0, 1);
    const __m128i offsets =
        _mm_setr_epi8('a' - 26, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
                      '0' - 52, '0' - 52, '0' - 52, '0' - 52, '+' - 62, '/' - 63, 'A', 0, 0);
    qsizetype i = 0;
    // 16 bytes are loaded for 12 used: stop while 16 remain readable.
    for (; i + 16 <= size; i += 12) {
        __m128i in = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        in = _mm_shuffle_epi8(in, spread);
        const __m128i high = _mm_mulhi_epu16(_mm_and_si128(in, _mm_set1_epi32(0x0fc0fc00)),
                                             _mm_set1_epi32(0x04000040));
        const __m128i low = _mm_mullo_epi16(_mm_and_si128(in, _mm_set1_epi32(0x003f03f0)),
                                            _mm_set1_epi32(0x01000010));
        const __m128i indices = _mm_or_si128(high, low);
        // 0..25 -> 13, 26..51 -> 0, 52..61 -> 1..10, 62 -> 11, 63 -> 12
        __m128i range = _mm_subs_epu8(indices, _mm_set1_epi8(51));
        const __m128i upper = _mm_cmpgt_epi8(_mm_set1_epi8(26), indices);
        range = _mm_or_si128(range, _mm_and_si128(upper, _mm_set1_epi8(13)));
        const __m128i chars = _mm_add_epi8(_mm_shuffle_epi8(offsets, range), indices);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out), chars);
        out += 16;
    }
    return writeGroups(out, p + i, size - i);
}

bool cpuHasSsse3()
{
    static const bool has = __builtin_cpu_supports("ssse3");
    return has;
}
#endif

} // namespace

char* Base64Writer::write(char* out, const char* in, qsizetype size)
{
    const auto* p = reinterpret_cast<const unsigned char*>(in);
#ifdef PMKV_BASE64_SSSE3
    if (cpuHasSsse3())
        return writeSsse3(out, p, size);
#endif
    return writeGroups(out, p, size);
}

char* Base64Writer::writePortable(char* out, const char* in, qsizetype size)
{
    return writeGroups(out, reinterpret_cast<const unsigned char*>(in), size);
}

} // namespace pmkv
