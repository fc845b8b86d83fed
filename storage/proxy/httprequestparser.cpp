#include "proxy/httprequestparser.h"

namespace pmkv {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

QByteArray trimmed(const QByteArray& in)
{
    qsizetype b = 0;
    qsizetype e = in.size();
    while (b < e && (in.at(b) == ' ' || in.at(b) == '\t'))
        ++b;
    while (e > b && (in.at(e - 1) == ' ' || in.at(e - 1) == '\t'))
        --e;
    return in.mid(b, e - b);
}

// Parses a non-negative decimal or hex number without overflow; -1 when invalid.
qint64 parseNumber(const QByteArray& text, int base)
{
    if (text.isEmpty() || text.size() > 15)
        return -1;
    qint64 value = 0;
    for (char c : text) {
        int d = -1;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (base == 16 && c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (base == 16 && c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        if (d < 0)
            return -1;
        value = value * base + d;
    }
    return value;
}

} // namespace

HttpRequestParser::HttpRequestParser(HttpLimits limits) : m_limits(limits) {}

void HttpRequestParser::append(const QByteArray& bytes)
{
    append(bytes.constData(), bytes.size());
}

void HttpRequestParser::append(const char* data, qsizetype size)
{
    // While a Content-Length body is arriving and nothing else is buffered, bytes go straight
    // into the body: one copy less for large uploads.
    if (m_phase == Phase::Body && m_pos == m_buffer.size() && m_remaining > 0) {
        const qsizetype take = qMin(m_remaining, size);
        m_request.body.append(data, take);
        m_remaining -= take;
        m_continuePending = false;
        data += take;
        size -= take;
    }
    if (size > 0)
        m_buffer.append(data, size);
}

HttpRequestParser::Status HttpRequestParser::fail(int status, const char* message)
{
    m_continuePending = false; // no "100 Continue" for a request that is refused
    m_phase = Phase::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    return Status::Error;
}

void HttpRequestParser::compact()
{
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_scanFrom = qMax<qsizetype>(0, m_scanFrom - m_pos);
        m_pos = 0;
    }
}

bool HttpRequestParser::takeContinueRequest()
{
    const bool pending = m_continuePending;
    m_continuePending = false;
    return pending;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest r = std::move(m_request);
    m_request = HttpRequest();
    m_phase = Phase::Head;
    compact();
    return r;
}

HttpRequestParser::Status HttpRequestParser::parseHead(qsizetype end)
{
    // [m_pos, end) holds the request line and header lines, each ending in CRLF.
    const QByteArray head = m_buffer.mid(m_pos, end - m_pos);
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArray requestLine = head.left(lineEnd);
    if (requestLine.size() > m_limits.maxRequestLine)
        return fail(414, "URI Too Long");
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return fail(400, "malformed request line");
    for (char c : parts[0]) {
        if (!isTokenChar(c))
            return fail(400, "malformed method");
    }
    if (parts[2] == "HTTP/1.1")
        m_request.versionMinor = 1;
    else if (parts[2] == "HTTP/1.0")
        m_request.versionMinor = 0;
    else
        return fail(505, "HTTP Version Not Supported");
    m_request.method = parts[0];
    m_request.target = parts[1];
    if (!m_request.target.startsWith('/'))
        return fail(400, "the request target must start with /");
    for (char c : m_request.target) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return fail(400, "control character in the request target");
    }
    const qsizetype q = m_request.target.indexOf('?');
    m_request.path = q < 0 ? m_request.target : m_request.target.left(q);
    if (q >= 0) {
        for (const QByteArray& item : m_request.target.mid(q + 1).split('&')) {
            if (item.isEmpty())
                continue;
            const qsizetype eq = item.indexOf('=');
            QByteArray key, value;
            if (!percentDecode(eq < 0 ? item : item.left(eq), key) ||
                !percentDecode(eq < 0 ? QByteArray() : item.mid(eq + 1), value))
                return fail(400, "malformed percent escape in the query");
            m_request.query.append({key, value});
        }
    }

    qsizetype contentLength = -1;
    bool chunked = false;
    bool hasTransferEncoding = false;
    QByteArray connection;
    qsizetype pos = lineEnd + 2;
    while (pos < head.size()) {
        qsizetype next = head.indexOf("\r\n", pos);
        if (next < 0)
            next = head.size();
        const QByteArray line = head.mid(pos, next - pos);
        pos = next + 2;
        if (line.isEmpty())
            continue;
        if (m_request.headers.size() >= m_limits.maxHeaderCount)
            return fail(431, "too many header fields");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(400, "malformed header line");
        QByteArray name = line.left(colon);
        for (char c : name) {
            if (!isTokenChar(c))
                return fail(400, "malformed header name");
        }
        name = name.toLower();
        const QByteArray value = trimmed(line.mid(colon + 1));
        for (char c : value) {
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
                return fail(400, "control character in a header value");
        }
        if (name == "content-length") {
            const qint64 n = parseNumber(value, 10);
            if (n < 0 || (contentLength >= 0 && n != contentLength))
                return fail(400, "invalid Content-Length");
            contentLength = n;
        } else if (name == "transfer-encoding") {
            hasTransferEncoding = true;
            if (value.toLower() != "chunked")
                return fail(501, "only chunked Transfer-Encoding is supported");
            chunked = true;
        } else if (name == "connection") {
            connection = value.toLower();
        } else if (name == "expect") {
            if (value.toLower() != "100-continue")
                return fail(417, "Expectation Failed");
            m_continuePending = true;
        }
        m_request.headers.append({name, value});
    }
    if (hasTransferEncoding && contentLength >= 0)
        return fail(400, "both Content-Length and Transfer-Encoding");
    if (m_request.versionMinor == 0)
        m_request.keepAlive = connection.contains("keep-alive");
    else
        m_request.keepAlive = !connection.contains("close");

    if (chunked) {
        m_phase = Phase::ChunkSize;
    } else if (contentLength > 0) {
        if (contentLength > m_limits.maxBody)
            return fail(413, "ERR max request size exceeded");
        m_remaining = contentLength;
        m_request.body.reserve(contentLength);
        m_phase = Phase::Body;
    } else {
        m_continuePending = false;
        m_phase = Phase::Done;
    }
    return Status::NeedMore;
}

HttpRequestParser::Status HttpRequestParser::next()
{
    for (;;) {
        switch (m_phase) {
        case Phase::Failed:
            return Status::Error;
        case Phase::Done:
            m_continuePending = false;
            return Status::Complete;
        case Phase::Head: {
            // Skip empty lines between pipelined requests (RFC 9112 2.2).
            while (m_pos + 1 < m_buffer.size() && m_buffer.at(m_pos) == '\r' &&
                   m_buffer.at(m_pos + 1) == '\n')
                m_pos += 2;
            const qsizetype from = qMax(m_pos, m_scanFrom - 3);
            const qsizetype end = m_buffer.indexOf("\r\n\r\n", from);
            // Every line of the head ends in CRLF: a bare LF would leave the request waiting
            // for an end that never comes (and lenient parsers disagree on it).
            const qsizetype scanEnd = end < 0 ? m_buffer.size() : end;
            for (qsizetype lf = m_buffer.indexOf('\n', qMax(m_pos, m_scanFrom - 1));
                 lf >= 0 && lf < scanEnd; lf = m_buffer.indexOf('\n', lf + 1)) {
                if (lf == m_pos || m_buffer.at(lf - 1) != '\r')
                    return fail(400, "malformed request: a line ends with a bare LF, not CRLF");
            }
            if (end < 0) {
                m_scanFrom = m_buffer.size();
                const qsizetype pending = m_buffer.size() - m_pos;
                const qsizetype firstLine = m_buffer.indexOf("\r\n", m_pos);
                if ((firstLine < 0 && pending > m_limits.maxRequestLine) ||
                    (firstLine >= 0 && firstLine - m_pos > m_limits.maxRequestLine))
                    return fail(414, "URI Too Long");
                if (pending > m_limits.maxHeaderBytes)
                    return fail(431, "Request Header Fields Too Large");
                if (m_pos > 64 * 1024)
                    compact();
                return Status::NeedMore;
            }
            // The whole head, request line included, ends within the limit.
            if (end + 4 - m_pos > m_limits.maxHeaderBytes)
                return fail(431, "Request Header Fields Too Large");
            // The head always ends with CRLF CRLF; include the last header's CRLF.
            const Status s = parseHead(end + 2);
            if (s == Status::Error)
                return s;
            m_pos = end + 4;
            m_scanFrom = m_pos;
            break;
        }
        case Phase::Body: {
            const qsizetype take = qMin(m_remaining, m_buffer.size() - m_pos);
            if (take > 0) {
                m_request.body.append(m_buffer.constData() + m_pos, take);
                m_pos += take;
                m_remaining -= take;
                m_continuePending = false;
            }
            if (m_remaining > 0) {
                compact();
                return Status::NeedMore;
            }
            m_phase = Phase::Done;
            break;
        }
        case Phase::ChunkSize: {
            const qsizetype eol = m_buffer.indexOf("\r\n", m_pos);
            if (eol < 0) {
                if (m_buffer.size() - m_pos > 1024)
                    return fail(400, "malformed chunk size");
                return Status::NeedMore;
            }
            QByteArray line = m_buffer.mid(m_pos, eol - m_pos);
            const qsizetype semi = line.indexOf(';');
            if (semi >= 0)
                line.truncate(semi);
            const qint64 size = parseNumber(trimmed(line), 16);
            if (size < 0)
                return fail(400, "malformed chunk size");
            if (m_request.body.size() + size > m_limits.maxBody)
                return fail(413, "ERR max request size exceeded");
            m_pos = eol + 2;
            m_continuePending = false;
            if (size == 0) {
                m_phase = Phase::Trailers;
            } else {
                m_remaining = size;
                m_phase = Phase::ChunkData;
            }
            break;
        }
        case Phase::ChunkData: {
            const qsizetype take = qMin(m_remaining, m_buffer.size() - m_pos);
            m_request.body.append(m_buffer.constData() + m_pos, take);
            m_pos += take;
            m_remaining -= take;
            if (m_remaining > 0) {
                compact();
                return Status::NeedMore;
            }
            m_phase = Phase::ChunkDataEnd;
            break;
        }
        case Phase::ChunkDataEnd:
            if (m_buffer.size() - m_pos < 2)
                return Status::NeedMore;
            if (m_buffer.at(m_pos) != '\r' || m_buffer.at(m_pos + 1) != '\n')
                return fail(400, "malformed chunk end");
            m_pos += 2;
            m_phase = Phase::ChunkSize;
            break;
        case Phase::Trailers: {
            // Trailer lines are read and dropped, up to the blank line.
            const qsizetype eol = m_buffer.indexOf("\r\n", m_pos);
            if (eol < 0) {
                if (m_buffer.size() - m_pos > m_limits.maxHeaderBytes)
                    return fail(431, "Request Header Fields Too Large");
                return Status::NeedMore;
            }
            const bool blank = eol == m_pos;
            m_pos = eol + 2;
            if (blank)
                m_phase = Phase::Done;
            break;
        }
        }
    }
}

} // namespace pmkv
