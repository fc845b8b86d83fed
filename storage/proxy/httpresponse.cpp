#include "proxy/httpresponse.h"

namespace pmkv {

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 417:
        return "Expectation Failed";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

static void appendHead(QByteArray& out, int status, const HttpResponse::Headers& headers,
                       const QByteArray& contentType)
{
    out.append("HTTP/1.1 ");
    out.append(QByteArray::number(status));
    out.append(' ');
    out.append(HttpResponse::reasonPhrase(status));
    out.append("\r\nContent-Type: ");
    out.append(contentType);
    out.append("\r\n");
    for (const auto& h : headers) {
        out.append(h.first);
        out.append(": ");
        out.append(h.second);
        out.append("\r\n");
    }
}

QByteArray HttpResponse::head(int status, qsizetype bodySize, const Headers& headers,
                              bool keepAlive, const QByteArray& contentType)
{
    QByteArray out;
    out.reserve(256);
    appendHead(out, status, headers, contentType);
    out.append("Content-Length: ");
    out.append(QByteArray::number(bodySize));
    out.append(keepAlive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
    return out;
}

QByteArray HttpResponse::build(int status, const QByteArray& body, const Headers& headers,
                               bool keepAlive, const QByteArray& contentType)
{
    QByteArray out = head(status, body.size(), headers, keepAlive, contentType);
    out.append(body);
    return out;
}

QByteArray HttpResponse::streamHead(int status, const Headers& headers,
                                    const QByteArray& contentType)
{
    QByteArray out;
    appendHead(out, status, headers, contentType);
    out.append("Cache-Control: no-cache\r\nConnection: close\r\n\r\n");
    return out;
}

} // namespace pmkv
