#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pmkv {

// The outcome of one request sent by an HttpClientConnection: an HTTP answer, or how the
// exchange failed and whether the server can have received the whole request.
struct HttpClientResponse
{
    enum class Failure {
        None,     // an HTTP answer arrived: status, body and headers below
        NotSent,  // no connection could be made (refused, host not found, ...)
        Tls,      // the TLS handshake failed (certificate refused): nothing was sent
        Lost,     // the connection broke before the whole answer arrived
        Timeout,  // nothing moved for the configured time
        Protocol, // the answer is not HTTP/1.x we understand, or exceeds the limits
    };

    Failure failure = Failure::None;
    // The whole request (head and body) was handed to the network. Before that the server
    // cannot have acted on it: a Content-Length body is only complete when all of it arrived.
    bool requestSent = false;
    int status = 0;
    QByteArray body;
    QByteArray syncToken; // the upstash-sync-token header of the answer, if any
    QString errorString;  // what went wrong, for messages (never holds the token)
    QStringList sslErrors;
};

} // namespace pmkv
