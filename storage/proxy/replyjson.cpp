#include "proxy/replyjson.h"

#include "proxy/base64writer.h"

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

// Length of the valid UTF-8 sequence starting at p (1..4), or 0 when it is not valid.
int utf8Length(const unsigned char* p, const unsigned char* end)
{
    const unsigned char c = p[0];
    int n;
    unsigned int cp;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (end - p < n)
        return 0;
    for (int i = 1; i < n; ++i) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
        return 0;
    return n;
}

// A JSON string of the base64 of `in` (quotes included), written straight into `out`.
void appendBase64String(QByteArray& out, const QByteArray& in)
{
    const qsizetype start = out.size();
    out.resize(start + 2 + Base64Writer::encodedSize(in.size()));
    char* o = out.data() + start;
    *o++ = '"';
    o = Base64Writer::write(o, in.constData(), in.size());
    *o = '"';
}

} // namespace

void ReplyJson::appendString(QByteArray& out, const QByteArray& bytes)
{
    out.reserve(out.size() + bytes.size() + 2);
    out.append('"');
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
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
            const int n = utf8Length(p, end);
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

void ReplyJson::appendValue(QByteArray& out, const KvReply& reply, bool base64, bool topLevel)
{
    switch (reply.type) {
    case KvReply::Type::Nil:
        out.append("null", 4);
        return;
    case KvReply::Type::Integer:
        out.append(QByteArray::number(reply.integer));
        return;
    case KvReply::Type::Error:
        appendString(out, reply.bytes);
        return;
    case KvReply::Type::Status:
        if (base64 && !(topLevel && reply.bytes == "OK")) {
            appendBase64String(out, reply.bytes);
        } else {
            appendString(out, reply.bytes);
        }
        return;
    case KvReply::Type::String:
        if (base64)
            appendBase64String(out, reply.bytes);
        else
            appendString(out, reply.bytes);
        return;
    case KvReply::Type::Array:
        out.append('[');
        for (qsizetype i = 0; i < reply.elements.size(); ++i) {
            if (i)
                out.append(',');
            appendValue(out, reply.elements[i], base64, false);
        }
        out.append(']');
        return;
    }
}

QByteArray ReplyJson::envelope(const KvReply& reply, bool base64)
{
    QByteArray out;
    out.reserve(reply.bytes.size() * 4 / 3 + 16);
    appendEnvelope(out, reply, base64);
    return out;
}

void ReplyJson::appendEnvelope(QByteArray& out, const KvReply& reply, bool base64)
{
    if (reply.isError()) {
        out.append("{\"error\":", 9);
        appendString(out, reply.bytes);
        out.append('}');
        return;
    }
    out.append("{\"result\":", 10);
    appendValue(out, reply, base64, true);
    out.append('}');
}

QByteArray ReplyJson::error(const QByteArray& message)
{
    QByteArray out("{\"error\":");
    appendString(out, message);
    out.append('}');
    return out;
}

} // namespace pmkv
