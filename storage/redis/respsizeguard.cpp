#include "redis/respsizeguard.h"

#include <cstring>
#include <limits>

namespace pmkv {

namespace {

// The length hiredis 0.14 reads from a bulk header (its readLongLong): an optional sign, then
// digits up to the CR; anything else makes it -1 (a nil). Mirrored exactly, wrap-around
// included, so that the guard and the reader never disagree on where a payload ends.
qint64 hiredisLength(const char* p, const char* cr)
{
    quint64 value = 0;
    bool negative = false;
    if (p < cr && (*p == '-' || *p == '+')) {
        negative = *p == '-';
        ++p;
    }
    for (; p < cr && *p != '\r'; ++p) { // hiredis stops at the first CR
        if (*p < '0' || *p > '9')
            return -1;
        value = value * 10 + quint64(*p - '0');
    }
    return negative ? qint64(0 - value) : qint64(value);
}

} // namespace

const char* RespSizeGuard::lineEnd(const char* p, const char* end)
{
    // hiredis ends a line at CR LF only; the CR may have come with the previous piece.
    for (const char* lf = p;
         (lf = static_cast<const char*>(std::memchr(lf, '\n', size_t(end - lf)))); ++lf) {
        const bool afterCr = lf > p ? lf[-1] == '\r' : m_lastWasCr;
        if (afterCr)
            return lf;
    }
    return nullptr;
}

void RespSizeGuard::feed(const char* data, qsizetype size, QByteArray& out)
{
    const char* p = data;
    const char* end = data + size;
    while (p < end) {
        switch (m_state) {
        case State::Token:
            m_lastWasCr = false;
            if (*p == '$') {
                m_header.clear();
                m_state = State::BulkHeader;
            } else {
                m_state = State::Line;
            }
            break;
        case State::Line: {
            // A status, error, integer or aggregate count: through its CR LF as it is.
            const char* lf = lineEnd(p, end);
            const char* stop = lf ? lf + 1 : end;
            out.append(p, stop - p);
            m_lastWasCr = stop[-1] == '\r';
            p = stop;
            if (lf)
                m_state = State::Token;
            break;
        }
        case State::BulkHeader: {
            const char* lf = lineEnd(p, end);
            const char* stop = lf ? lf + 1 : end;
            m_header.append(p, stop - p);
            m_lastWasCr = stop[-1] == '\r';
            p = stop;
            if (!lf) {
                if (m_header.size() > 1024 * 1024) { // not a length: let the reader say so
                    out.append(m_header);
                    m_state = State::Line;
                }
                break;
            }
            const qint64 length =
                hiredisLength(m_header.constData() + 1, m_header.constData() + m_header.size() - 2);
            if (length < 0) { // nil: no payload
                out.append(m_header);
                m_state = State::Token;
                break;
            }
            // The payload and its CR LF.
            m_remaining = length > std::numeric_limits<qint64>::max() - 2
                              ? std::numeric_limits<qint64>::max()
                              : length + 2;
            if (length > m_limit) {
                out.append('-');
                out.append(tooLargeMarker());
                out.append(": a value of ");
                out.append(QByteArray::number(length));
                out.append(" bytes is over the limit of ");
                out.append(QByteArray::number(m_limit));
                out.append(" bytes\r\n");
                m_state = State::Skip;
            } else {
                out.append(m_header);
                m_state = State::Payload;
            }
            break;
        }
        case State::Payload:
        case State::Skip: {
            const qint64 take = qMin<qint64>(m_remaining, end - p);
            if (m_state == State::Payload)
                out.append(p, take);
            else
                m_dropped += take;
            p += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_state = State::Token;
            break;
        }
        }
    }
}

} // namespace pmkv
