#include "core/jsonstring.h"

#include "core/utf8.h"

namespace pmkv {

namespace {

const char hexDigits[] = "0123456789abcdef";

void appendEscapedByte(QByteArray& out, unsigned char b, unsigned int high)
{
    // \u00XX or \udcXX
    out.append("\\u", 2);
    out.append(hexDigits[(high >> 4) & 0xf]);
    out.append(hexDigits[high & 0xf]);
    out.append(hexDigits[b >> 4]);
    out.append(hexDigits[b & 0xf]);
}

} // namespace

void appendJsonString(QByteArray& out, QByteArrayView bytes)
{
    out.reserve(out.size() + bytes.size() + 2);
    out.append('"');
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    const auto* run = p;
    auto flush = [&](const unsigned char* upTo) {
        if (upTo > run)
            out.append(reinterpret_cast<const char*>(run), upTo - run);
    };
    while (p < end) {
        const unsigned char c = *p;
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++p;
            continue;
        }
        if (c >= 0x80) {
            const int n = utf8SequenceLength(p, end);
            if (n > 0) {
                p += n;
                continue;
            }
            flush(p);
            appendEscapedByte(out, c, 0xdc);
            run = ++p;
            continue;
        }
        flush(p);
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default:
            appendEscapedByte(out, c, 0x00);
            break;
        }
        run = ++p;
    }
    flush(p);
    out.append('"');
}

} // namespace pmkv
