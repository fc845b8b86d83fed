#include "rest/httpclientconnection.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUrl>

#ifdef Q_OS_UNIX
#include <poll.h>
#endif

#include <algorithm>
#include <limits>
#include <utility>

namespace pmkv {

namespace {

using Failure = HttpClientResponse::Failure;

QString notHttp()
{
    return QStringLiteral("the server did not answer with HTTP/1.x (it is not an HTTP server, "
                          "or speaks another protocol)");
}

bool tokenListHas(const QByteArray& list, const QByteArray& token)
{
    for (const QByteArray& part : list.split(','))
        if (part.trimmed().toLower() == token)
            return true;
    return false;
}

} // namespace

HttpClientConnection::HttpClientConnection(Endpoint endpoint, QObject* parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::max(1, m_endpoint.timeoutMs));
    connect(&m_timer, &QTimer::timeout, this, &HttpClientConnection::onTimeout);
}

HttpClientConnection::~HttpClientConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void HttpClientConnection::post(const QByteArray& target, const Headers& headers,
                                const QByteArray& body)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_response = HttpClientResponse();
    m_in.clear();
    m_pos = 0;
    m_state = State::Head;
    m_remaining = 0;
    m_closeAfter = false;

    QByteArray host = m_endpoint.host.contains(QLatin1Char(':'))
                          ? '[' + m_endpoint.host.toLatin1() + ']' // an IPv6 address
                          : QUrl::toAce(m_endpoint.host);
    if (host.isEmpty())
        host = m_endpoint.host.toUtf8();
    if (m_endpoint.port != (m_endpoint.tls ? 443 : 80))
        host += ':' + QByteArray::number(m_endpoint.port);
    QByteArray head;
    head.reserve(512);
    head += "POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    for (const auto& header : headers)
        head += header.first + ": " + header.second + "\r\n";
    head +=
        "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n";
    m_head = std::move(head);
    m_body = body;
    m_toWrite = m_head.size() + m_body.size();
    m_written = 0;
    m_timer.start();

    // A connection the server closed while idle is replaced before anything is written to
    // it: the event loop may have handled the close already, or not yet (idleIsQuiet()).
    if (m_socket && m_ready && m_socket->state() == QAbstractSocket::ConnectedState &&
        m_socket->bytesAvailable() == 0 && idleIsQuiet()) {
        writeRequest();
        return;
    }
    dropSocket();
    openSocket();
}

HttpClientResponse HttpClientConnection::takeResponse()
{
    return std::exchange(m_response, HttpClientResponse());
}

bool HttpClientConnection::idleIsQuiet() const
{
#ifdef Q_OS_UNIX
    // An idle keep-alive connection has nothing to read. If the kernel says otherwise, the
    // server closed it (EOF or reset) or sent something unasked: do not write to it.
    pollfd p{};
    p.fd = int(m_socket->socketDescriptor());
    p.events = POLLIN;
    return p.fd >= 0 && ::poll(&p, 1, 0) == 0;
#else
    return true;
#endif
}

void HttpClientConnection::openSocket()
{
    m_ready = false;
    if (m_endpoint.tls) {
        auto* socket = new QSslSocket(this);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_endpoint.caCertificates.isEmpty())
            tls.addCaCertificates(m_endpoint.caCertificates);
        socket->setSslConfiguration(tls);
        // Certificate errors are collected for the message and never ignored: the socket
        // then fails the handshake before a byte of the request is written.
        connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
            for (const QSslError& e : errors)
                m_response.sslErrors.append(e.errorString());
        });
        connect(socket, &QSslSocket::encrypted, this, [this] {
            m_ready = true;
            writeRequest();
        });
        m_socket = socket;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, [this] {
            m_ready = true;
            writeRequest();
        });
    }
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpClientConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpClientConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpClientConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpClientConnection::onSocketError);
    if (m_endpoint.tls)
        static_cast<QSslSocket*>(m_socket)->connectToHostEncrypted(m_endpoint.host,
                                                                   m_endpoint.port);
    else
        m_socket->connectToHost(m_endpoint.host, m_endpoint.port);
}

void HttpClientConnection::dropSocket()
{
    m_ready = false;
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void HttpClientConnection::writeRequest()
{
    if (!m_busy || m_head.isEmpty())
        return;
    m_timer.start();
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->write(m_head);
    if (!m_body.isEmpty())
        m_socket->write(m_body);
    m_head.clear();
    m_body.clear();
}

void HttpClientConnection::onBytesWritten(qint64 bytes)
{
    if (!m_busy)
        return;
    m_timer.start();
    m_written += bytes;
    if (m_written >= m_toWrite)
        m_response.requestSent = true;
}

void HttpClientConnection::onReadyRead()
{
    if (!m_busy) {
        // Bytes nobody asked for: the connection is out of step, do not reuse it.
        dropSocket();
        return;
    }
    m_timer.start();
    m_in.append(m_socket->readAll());
    parse();
}

void HttpClientConnection::onDisconnected()
{
    if (!m_busy) {
        dropSocket(); // closed by the server while idle: the next request opens another
        return;
    }
    if (m_socket->bytesAvailable() > 0) {
        m_in.append(m_socket->readAll());
        if (!parse())
            return;
    }
    if (m_state == State::UntilClose) {
        complete(Failure::None, QString());
        return;
    }
    complete(Failure::Lost, m_response.requestSent
                                ? QStringLiteral("the connection closed before the answer came")
                                : QStringLiteral("the connection closed while sending"));
}

void HttpClientConnection::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_busy) {
        dropSocket();
        return;
    }
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    const QString text = m_socket->errorString();
    if (error == QAbstractSocket::SslHandshakeFailedError ||
        (m_endpoint.tls && !m_ready && !m_response.sslErrors.isEmpty())) {
        complete(Failure::Tls, text);
        return;
    }
    if (!m_ready) {
        complete(Failure::NotSent, text);
        return;
    }
    complete(Failure::Lost, text);
}

void HttpClientConnection::onTimeout()
{
    if (!m_busy)
        return;
    complete(m_ready ? Failure::Timeout : Failure::NotSent,
             m_ready ? QStringLiteral("no answer within %1 ms").arg(m_endpoint.timeoutMs)
                     : QStringLiteral("could not connect within %1 ms").arg(m_endpoint.timeoutMs));
}

bool HttpClientConnection::parse()
{
    while (m_busy) {
        switch (m_state) {
        case State::Head: {
            // Something that is not HTTP (a Redis port, say) is told apart at once rather
            // than after the timeout.
            const qsizetype have = std::min<qsizetype>(5, m_in.size() - m_pos);
            if (QByteArrayView(m_in.constData() + m_pos, have) != QByteArrayView("HTTP/", have)) {
                complete(Failure::Protocol, notHttp());
                return false;
            }
            const qsizetype end = m_in.indexOf("\r\n\r\n", m_pos);
            if (end < 0) {
                if (m_in.size() - m_pos > maxHeadBytes) {
                    complete(
                        Failure::Protocol,
                        QStringLiteral("the answer's headers exceed %1 bytes").arg(maxHeadBytes));
                    return false;
                }
                compactInput();
                return true;
            }
            if (end - m_pos > maxHeadBytes) {
                complete(Failure::Protocol,
                         QStringLiteral("the answer's headers exceed %1 bytes").arg(maxHeadBytes));
                return false;
            }
            if (!parseHead(end))
                return false;
            break;
        }
        case State::Body:
            if (!takeBody(m_remaining))
                return true;
            complete(Failure::None, QString());
            return false;
        case State::ChunkSize: {
            const qsizetype eol = m_in.indexOf("\r\n", m_pos);
            if (eol < 0) {
                if (m_in.size() - m_pos > 1024) {
                    complete(Failure::Protocol, QStringLiteral("a chunk size line is too long"));
                    return false;
                }
                compactInput();
                return true;
            }
            QByteArray line = m_in.mid(m_pos, eol - m_pos);
            m_pos = eol + 2;
            const qsizetype semicolon = line.indexOf(';');
            if (semicolon >= 0)
                line.truncate(semicolon);
            bool ok = false;
            const qint64 size = line.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0 || m_response.body.size() + size > maxBodyBytes) {
                complete(Failure::Protocol, QStringLiteral("a bad or too large chunk size"));
                return false;
            }
            m_remaining = size;
            m_state = size == 0 ? State::Trailers : State::ChunkData;
            break;
        }
        case State::ChunkData:
            if (!takeBody(m_remaining)) {
                compactInput();
                return true;
            }
            m_state = State::ChunkEnd;
            break;
        case State::ChunkEnd:
            if (m_in.size() - m_pos < 2)
                return true;
            if (m_in.mid(m_pos, 2) != "\r\n") {
                complete(Failure::Protocol, QStringLiteral("a chunk does not end with CRLF"));
                return false;
            }
            m_pos += 2;
            m_state = State::ChunkSize;
            break;
        case State::Trailers: {
            const qsizetype eol = m_in.indexOf("\r\n", m_pos);
            if (eol < 0) {
                if (m_in.size() - m_pos > maxHeadBytes) {
                    complete(Failure::Protocol, QStringLiteral("the trailers are too long"));
                    return false;
                }
                return true;
            }
            const bool last = eol == m_pos;
            m_pos = eol + 2;
            if (last) {
                complete(Failure::None, QString());
                return false;
            }
            break;
        }
        case State::UntilClose:
            takeBody(std::numeric_limits<qint64>::max());
            if (m_response.body.size() > maxBodyBytes) {
                complete(Failure::Protocol, QStringLiteral("the answer is too large"));
                return false;
            }
            return true;
        }
    }
    return false;
}

bool HttpClientConnection::parseHead(qsizetype end)
{
    const QList<QByteArray> lines = m_in.mid(m_pos, end - m_pos).split('\n');
    m_pos = end + 4;
    const QByteArray statusLine = lines.first().trimmed();
    // HTTP/1.x SSS reason
    if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12 || statusLine.at(8) != ' ') {
        complete(Failure::Protocol, notHttp());
        return false;
    }
    bool ok = false;
    const int status = statusLine.mid(9, 3).toInt(&ok);
    if (!ok || status < 100 || status > 999) {
        complete(Failure::Protocol, QStringLiteral("the HTTP status line is malformed"));
        return false;
    }
    if (lines.size() - 1 > maxHeaderCount) {
        complete(Failure::Protocol,
                 QStringLiteral("the answer has more than %1 headers").arg(maxHeaderCount));
        return false;
    }
    const bool http10 = statusLine.startsWith("HTTP/1.0");
    qint64 contentLength = -1;
    bool chunked = false;
    QByteArray connection;
    QByteArray syncToken;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            complete(Failure::Protocol, QStringLiteral("a malformed header line in the answer"));
            return false;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0 || (contentLength >= 0 && contentLength != length)) {
                complete(Failure::Protocol, QStringLiteral("a bad Content-Length in the answer"));
                return false;
            }
            contentLength = length;
        } else if (name == "transfer-encoding") {
            chunked = tokenListHas(value, "chunked");
            if (!chunked && !value.isEmpty()) {
                complete(Failure::Protocol,
                         QStringLiteral("an unsupported Transfer-Encoding in the answer"));
                return false;
            }
        } else if (name == "connection") {
            connection = value.toLower();
        } else if (name == "upstash-sync-token") {
            syncToken = value;
        }
    }
    if (status < 200) { // 1xx: an interim answer, the real one follows
        return true;
    }
    m_response.status = status;
    if (!syncToken.isEmpty())
        m_response.syncToken = syncToken;
    m_closeAfter =
        tokenListHas(connection, "close") || (http10 && !tokenListHas(connection, "keep-alive"));
    if (status == 204 || status == 304) {
        complete(Failure::None, QString());
        return false;
    }
    if (chunked) {
        m_state = State::ChunkSize;
    } else if (contentLength >= 0) {
        if (contentLength > maxBodyBytes) {
            complete(Failure::Protocol,
                     QStringLiteral("the answer is too large (%1 bytes)").arg(contentLength));
            return false;
        }
        m_response.body.reserve(contentLength);
        m_remaining = contentLength;
        m_state = State::Body;
    } else {
        m_closeAfter = true;
        m_state = State::UntilClose;
    }
    return true;
}

bool HttpClientConnection::takeBody(qint64 wanted)
{
    const bool untilClose = wanted == std::numeric_limits<qint64>::max();
    const qint64 take = std::min<qint64>(wanted, m_in.size() - m_pos);
    if (take > 0) {
        if (m_pos == 0 && take == m_in.size() && m_response.body.isEmpty()) {
            m_response.body = std::move(m_in); // the common case: no copy
            m_in = QByteArray();
        } else {
            m_response.body.append(m_in.constData() + m_pos, take);
            m_pos += take;
        }
        if (m_pos >= m_in.size()) {
            m_in.clear();
            m_pos = 0;
        }
        if (!untilClose)
            m_remaining -= take;
    }
    return !untilClose && m_remaining == 0;
}

void HttpClientConnection::compactInput()
{
    if (m_pos > 0 && m_pos >= m_in.size() / 2) {
        m_in.remove(0, m_pos);
        m_pos = 0;
    }
}

void HttpClientConnection::complete(HttpClientResponse::Failure failure, const QString& errorString)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_timer.stop();
    m_response.failure = failure;
    m_response.errorString = errorString;
    if (failure != Failure::None)
        m_response.status = 0;
    // Leftover bytes after an answer mean the stream is out of step: never reuse it then.
    const bool leftovers = m_pos < m_in.size();
    m_in.clear();
    m_pos = 0;
    m_head.clear();
    m_body.clear();
    if (failure != Failure::None || m_closeAfter || leftovers)
        dropSocket();
    Q_EMIT finished();
}

} // namespace pmkv
