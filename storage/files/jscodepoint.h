#pragma once

namespace pmkv {

// Appends one code point inside a JSON string as JavaScript's JSON.stringify writes it: the
// short escapes for quote, backslash, \b \f \n \r \t; \uXXXX for other controls and for a
// lone surrogate; anything else as UTF-8. `Out` appends with append(char) and
// append(const char*, n) (QByteArray, ByteWriter).
template <typename Out> void appendJsCodePoint(Out& out, char32_t cp)
{
    switch (cp) {
    case '"':
        out.append("\\\"", 2);
        return;
    case '\\':
        out.append("\\\\", 2);
        return;
    case '\b':
        out.append("\\b", 2);
        return;
    case '\f':
        out.append("\\f", 2);
        return;
    case '\n':
        out.append("\\n", 2);
        return;
    case '\r':
        out.append("\\r", 2);
        return;
    case '\t':
        out.append("\\t", 2);
        return;
    default:
        break;
    }
    if (cp < 0x20 || (cp >= 0xD800 && cp <= 0xDFFF)) {
        static const char digits[] = "0123456789abcdef";
        const char escape[6] = {'\\',
                                'u',
                                digits[(cp >> 12) & 0xF],
                                digits[(cp >> 8) & 0xF],
                                digits[(cp >> 4) & 0xF],
                                digits[cp & 0xF]};
        out.append(escape, 6);
    } else if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        const char bytes[2] = {char(0xC0 | (cp >> 6)), char(0x80 | (cp & 0x3F))};
        out.append(bytes, 2);
    } else if (cp < 0x10000) {
        const char bytes[3] = {char(0xE0 | (cp >> 12)), char(0x80 | ((cp >> 6) & 0x3F)),
                               char(0x80 | (cp & 0x3F))};
        out.append(bytes, 3);
    } else {
        const char bytes[4] = {char(0xF0 | (cp >> 18)), char(0x80 | ((cp >> 12) & 0x3F)),
                               char(0x80 | ((cp >> 6) & 0x3F)), char(0x80 | (cp & 0x3F))};
        out.append(bytes, 4);
    }
}

} // namespace pmkv
