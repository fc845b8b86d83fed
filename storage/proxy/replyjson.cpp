#include "proxy/replyjson.h"

#include "core/jsonstring.h"
#include "proxy/base64writer.h"

namespace pmkv {

namespace {

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
        appendJsonString(out, reply.bytes);
        return;
    case KvReply::Type::Status:
        if (base64 && !(topLevel && reply.bytes == "OK")) {
            appendBase64String(out, reply.bytes);
        } else {
            appendJsonString(out, reply.bytes);
        }
        return;
    case KvReply::Type::String:
        if (base64)
            appendBase64String(out, reply.bytes);
        else
            appendJsonString(out, reply.bytes);
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
        appendJsonString(out, reply.bytes);
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
    appendJsonString(out, message);
    out.append('}');
    return out;
}

} // namespace pmkv
