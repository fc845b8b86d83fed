#include "core/base64decode.h"

#include <array>

namespace pmkv {

namespace {

constexpr quint8 kInvalid = 0xff;

constexpr std::array<quint8, 256> makeTable()
{
    std::array<quint8, 256> table{};
    for (auto& entry : table)
        entry = kInvalid;
    const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i)
        table[quint8(alphabet[i])] = quint8(i);
    return table;
}

constexpr std::array<quint8, 256> kTable = makeTable();

} // namespace

bool decodeBase64(QByteArrayView text, QByteArray& out)
{
    const qsizetype size = text.size();
    if (size % 4 != 0)
        return false;
    const auto* in = reinterpret_cast<const quint8*>(text.data());
    qsizetype padding = 0;
    if (size > 0 && in[size - 1] == '=')
        padding = size > 1 && in[size - 2] == '=' ? 2 : 1;
    QByteArray decoded(size / 4 * 3 - padding, Qt::Uninitialized);
    auto* to = reinterpret_cast<quint8*>(decoded.data());
    const qsizetype whole = padding > 0 ? size - 4 : size; // the last group is read apart
    for (qsizetype i = 0; i < whole; i += 4) {
        const quint32 a = kTable[in[i]], b = kTable[in[i + 1]], c = kTable[in[i + 2]],
                      d = kTable[in[i + 3]];
        if (((a | b | c | d) & 0x80) != 0) // kInvalid has the high bit, no sextet has
            return false;
        const quint32 bits = a << 18 | b << 12 | c << 6 | d;
        to[0] = quint8(bits >> 16);
        to[1] = quint8(bits >> 8);
        to[2] = quint8(bits);
        to += 3;
    }
    if (padding > 0) {
        const quint8* last = in + size - 4;
        const quint32 a = kTable[last[0]], b = kTable[last[1]];
        const quint32 c = padding == 2 ? 0 : kTable[last[2]];
        if (((a | b | c) & 0x80) != 0)
            return false;
        const quint32 bits = a << 18 | b << 12 | c << 6;
        *to++ = quint8(bits >> 16);
        if (padding == 1)
            *to++ = quint8(bits >> 8);
    }
    out = std::move(decoded);
    return true;
}

} // namespace pmkv
