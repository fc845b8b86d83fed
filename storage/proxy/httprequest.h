#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace pmkv {

// One parsed HTTP/1.1 request. Header names are lower-case; the query is split and
// percent-decoded ('+' stays '+'); the path is kept raw (the router decodes each segment).
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as sent: /set/a/b?EX=10
    QByteArray path;   // /set/a/b (raw, still percent-encoded)
    QList<QPair<QByteArray, QByteArray>> query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int versionMinor = 1; // HTTP/1.x
    bool keepAlive = true;

    // The first header with this (lower-case) name, or an empty array.
    QByteArray header(const QByteArray& lowerName) const;
    bool hasHeader(const QByteArray& lowerName) const;
};

// Decodes %XX escapes; false when an escape is malformed.
bool percentDecode(const QByteArray& in, QByteArray& out);

} // namespace pmkv
