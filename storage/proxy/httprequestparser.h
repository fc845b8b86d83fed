#pragma once

#include "proxy/httprequest.h"

#include <QByteArray>

namespace pmkv {

// Limits a hostile or broken client cannot get past. Defaults suit pmkv-proxy.
struct HttpLimits
{
    qsizetype maxRequestLine = 16 * 1024; // method + URL + version
    qsizetype maxHeaderBytes = 32 * 1024; // the whole head: request line and header lines
    int maxHeaderCount = 100;
    qsizetype maxBody = 10 * 1024 * 1024; // after de-chunking
};

// Incremental HTTP/1.1 request parser: append() bytes as they arrive, then call next()
// until it says NeedMore. Handles Content-Length and chunked bodies, keep-alive and
// pipelined requests (bytes after one request stay for the next). Never allocates more than
// the limits allow (plus what one append() brings). After Error the connection must close.
class HttpRequestParser final
{
public:
    enum class Status { NeedMore, Complete, Error };

    explicit HttpRequestParser(HttpLimits limits = {});

    void append(const QByteArray& bytes);
    void append(const char* data, qsizetype size);
    Status next();

    // After Complete: the request (moved out).
    HttpRequest takeRequest();
    // After Error: the HTTP status to answer (400, 413, 414, 431, 501, 505) and why.
    int errorStatus() const { return m_errorStatus; }
    QByteArray errorMessage() const { return m_errorMessage; }
    // True once per request whose head asked for "Expect: 100-continue" and whose body
    // has not arrived yet: the server should send "100 Continue".
    bool takeContinueRequest();
    // Bytes held (unparsed input + body so far): for a global memory budget.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos + m_request.body.size(); }
    bool isIdle() const { return m_phase == Phase::Head && m_pos == m_buffer.size(); }

private:
    enum class Phase { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done, Failed };

    Status fail(int status, const char* message);
    Status parseHead(qsizetype end);
    void compact();

    HttpLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;      // start of unparsed bytes in m_buffer
    qsizetype m_scanFrom = 0; // where to look for the end of the head next time
    Phase m_phase = Phase::Head;
    HttpRequest m_request;
    qsizetype m_remaining = 0; // body or chunk bytes still expected
    bool m_continuePending = false;
    int m_errorStatus = 0;
    QByteArray m_errorMessage;
};

} // namespace pmkv
