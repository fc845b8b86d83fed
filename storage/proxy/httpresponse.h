#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace pmkv {

// Builds HTTP/1.1 response bytes.
class HttpResponse final
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // A complete response with Content-Length.
    static QByteArray build(int status, const QByteArray& body, const Headers& headers,
                            bool keepAlive, const QByteArray& contentType = "application/json");
    // The head (status line and headers, through the blank line) of a response with a
    // Content-Length body of bodySize bytes: write it, then the body, without copying the body.
    static QByteArray head(int status, qsizetype bodySize, const Headers& headers, bool keepAlive,
                           const QByteArray& contentType = "application/json");
    // Only the head of a response whose body follows as a stream until the connection
    // closes (server-sent events).
    static QByteArray streamHead(int status, const Headers& headers, const QByteArray& contentType);
    static QByteArray reasonPhrase(int status);
};

} // namespace pmkv
