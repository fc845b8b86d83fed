#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pmkv {

// The outcome of one REST request (a RestExchange): an HTTP answer, or how the exchange failed
// and whether the server can have received the whole request.
struct RestResponse
{
    enum class Failure {
        None,      // an HTTP answer arrived: status, body and headers below
        NotSent,   // no connection could be made (refused, host not found, proxy refused, ...)
        Tls,       // the TLS handshake failed (certificate refused): nothing was sent
        Lost,      // the connection broke before the whole answer arrived
        Timeout,   // nothing moved for the configured time
        Protocol,  // the answer is not HTTP we understand, or exceeds the limits
        ProxyAuth, // the proxy asks for credentials
    };

    Failure failure = Failure::None;
    // The whole body was handed to the network. Before that the server cannot have acted on
    // the request: a Content-Length body is only complete when all of it arrived.
    bool requestSent = false;
    int status = 0;
    QByteArray body;
    QByteArray syncToken;   // the upstash-sync-token header of the answer, if any
    QByteArray location;    // the Location header of a redirect, if any
    bool hashSlots = false; // pmkv-proxy in front of a Redis Cluster said so (pmkv-hash-slots)
    QString errorString;    // what went wrong, for messages (never holds the token)
    QStringList sslErrors;
};

} // namespace pmkv
