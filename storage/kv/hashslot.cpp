#include "kv/hashslot.h"

#include <array>

namespace pmkv {

namespace {

// CRC16-CCITT in its XModem form (polynomial 0x1021, initial value 0, no reflection): the
// variant the Redis Cluster specification names, table-driven as Redis's crc16.c.
constexpr std::array<quint16, 256> makeTable()
{
    std::array<quint16, 256> table{};
    for (int byte = 0; byte < 256; ++byte) {
        quint16 crc = quint16(byte << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
        table[size_t(byte)] = crc;
    }
    return table;
}

constexpr std::array<quint16, 256> kTable = makeTable();

quint16 crc16(const char* data, qsizetype size)
{
    quint16 crc = 0;
    for (qsizetype i = 0; i < size; ++i)
        crc = quint16((crc << 8) ^ kTable[size_t(((crc >> 8) ^ quint8(data[i])) & 0xff)]);
    return crc;
}

} // namespace

int HashSlot::of(const QByteArray& key)
{
    // Only the first `{` counts, and an empty tag `{}` means "hash the whole key".
    const qsizetype open = key.indexOf('{');
    if (open >= 0) {
        const qsizetype close = key.indexOf('}', open + 1);
        if (close > open + 1)
            return crc16(key.constData() + open + 1, close - open - 1) & (count - 1);
    }
    return crc16(key.constData(), key.size()) & (count - 1);
}

} // namespace pmkv
