#include "proxy/httprequest.h"

#include "core/hexdigit.h"

namespace pmkv {

QByteArray HttpRequest::header(const QByteArray& lowerName) const
{
    for (const auto& h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray& lowerName) const
{
    for (const auto& h : headers) {
        if (h.first == lowerName)
            return true;
    }
    return false;
}

bool percentDecode(const QByteArray& in, QByteArray& out)
{
    out.clear();
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c != '%') {
            out.append(c);
            continue;
        }
        if (i + 2 >= in.size())
            return false;
        const int hi = hexDigitValue(in.at(i + 1));
        const int lo = hexDigitValue(in.at(i + 2));
        if (hi < 0 || lo < 0)
            return false;
        out.append(char(hi * 16 + lo));
        i += 2;
    }
    return true;
}

} // namespace pmkv
