#pragma once

#include <QByteArray>

namespace pmkv {

// Stands between a Redis socket and hiredis's reader: RESP passes through unchanged, except a
// bulk string longer than the limit, which becomes an error reply ("ERR max response size
// exceeded: ...", tooLargeMarker()) in its place while its bytes are dropped as they arrive.
// So no reply larger than the limit is ever held in memory, whatever command asked for it.
// RESP2 needs no nesting to be followed for this: every element starts with its type byte,
// and only a bulk string ('$') carries a payload that is not a line.
class RespSizeGuard final
{
public:
    explicit RespSizeGuard(qint64 maxBulkBytes) : m_limit(maxBulkBytes) {}

    // Takes the next bytes from the socket; appends to `out` what the reader is to see.
    void feed(const char* data, qsizetype size, QByteArray& out);
    // Bytes dropped so far (payloads over the limit).
    qint64 dropped() const { return m_dropped; }
    qint64 limit() const { return m_limit; }
    // The start of the error reply that stands for a dropped value.
    static QByteArray tooLargeMarker()
    {
        return QByteArrayLiteral("ERR max response size exceeded");
    }

private:
    enum class State { Token, Line, BulkHeader, Payload, Skip };

    // The LF that ends the current line (after a CR, as hiredis reads lines), or null.
    const char* lineEnd(const char* p, const char* end);

    qint64 m_limit;
    State m_state = State::Token;
    QByteArray m_header; // a bulk string's "$<length>" line, until its CRLF
    qint64 m_remaining = 0;
    qint64 m_dropped = 0;
    bool m_lastWasCr = false; // the last byte of the previous piece, within a line
};

} // namespace pmkv
