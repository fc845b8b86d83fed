#pragma once

#include <QByteArray>
#include <QString>

namespace pmkv {

// The latest TLS session (ticket) each REST server handed out, for the whole process: a new
// connection to the same host and port resumes it (a shorter handshake, no certificate chain
// to check again), whichever store opens it. QNetworkAccessManager in Qt 6.4 resumes TLS 1.2
// sessions by itself, but a TLS 1.3 ticket arrives after the handshake and is only used when
// the request's configuration carries it to a connection set up afresh: this class carries
// it. Kept in memory only; thread-safe.
class TlsSessionCache final
{
public:
    static QByteArray lookup(const QString& hostAndPort);
    static void remember(const QString& hostAndPort, const QByteArray& ticket);
};

} // namespace pmkv
