#include "core/utf8.h"

#include <cstring>

namespace pmkv {

int utf8SequenceLength(const unsigned char* p, const unsigned char* end)
{
    const unsigned char lead = p[0];
    int length = 0;
    unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0; // overlong
        if (lead == 0xED)
            high = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90; // overlong
        if (lead == 0xF4)
            high = 0x8F; // beyond U+10FFFF
    } else {
        return 0;
    }
    if (end - p < length || p[1] < low || p[1] > high)
        return 0;
    for (int k = 2; k < length; ++k) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

qsizetype firstInvalidUtf8(QByteArrayView text)
{
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = data + text.size();
    const auto* p = data;
    while (p < end) {
        // Text is mostly ASCII: step over it eight bytes at a time.
        while (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p == end)
            break;
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int length = utf8SequenceLength(p, end);
        if (length == 0)
            return p - data;
        p += length;
    }
    return -1;
}

QString escapedBytes(QByteArrayView bytes)
{
    if (firstInvalidUtf8(bytes) < 0)
        return QString::fromUtf8(bytes);
    QByteArray out;
    out.reserve(bytes.size() * 2);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    static constexpr char kHex[] = "0123456789ABCDEF";
    while (p < end) {
        if (*p < 0x80) {
            if (*p == '\\')
                out.append('\\');
            out.append(char(*p++));
            continue;
        }
        const int length = utf8SequenceLength(p, end);
        if (length > 0) {
            out.append(reinterpret_cast<const char*>(p), length);
            p += length;
            continue;
        }
        out.append("\\x", 2).append(kHex[*p >> 4]).append(kHex[*p & 0xf]);
        ++p;
    }
    return QString::fromUtf8(out);
}

} // namespace pmkv
