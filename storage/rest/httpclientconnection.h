#pragma once

#include "rest/httpclientresponse.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QTimer>

class QTcpSocket;

namespace pmkv {

// A small HTTP/1.1 client for one server: one persistent (keep-alive) connection over
// QTcpSocket or QSslSocket, one request at a time, on the thread that owns it (no helper
// thread, no hidden resend). Request bodies go out with Content-Length; answers may use
// Content-Length, chunked transfer coding, or end with the connection. Header size and
// count are limited; a timer fails a request when nothing moves for timeoutMs. TLS always
// verifies the server's certificate (system CAs plus the extra ones given); an error is
// never ignored.
//
// post() sends a request; finished() follows exactly once, always from the event loop
// (never from inside post()); then takeResponse() gives the outcome. A failed request is
// never sent again here: the caller decides, knowing whether the request went out whole.
class HttpClientConnection final : public QObject
{
    Q_OBJECT

public:
    struct Endpoint
    {
        QString host;
        quint16 port = 0;
        bool tls = false;
        QList<QSslCertificate> caCertificates;
        int timeoutMs = 30000;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    static constexpr qsizetype maxHeadBytes = 64 * 1024;
    static constexpr int maxHeaderCount = 100;
    static constexpr qint64 maxBodyBytes = qint64(1) << 30;

    explicit HttpClientConnection(Endpoint endpoint, QObject* parent = nullptr);
    ~HttpClientConnection() override;

    // POST target (e.g. "/pipeline") with these extra headers and body. Host,
    // Content-Length and Connection are added here.
    void post(const QByteArray& target, const Headers& headers, const QByteArray& body);
    bool isBusy() const { return m_busy; }
    HttpClientResponse takeResponse();

Q_SIGNALS:
    void finished();

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailers, UntilClose };

    bool idleIsQuiet() const;
    void openSocket();
    void dropSocket();
    void writeRequest();
    void onBytesWritten(qint64 bytes);
    void onReadyRead();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onTimeout();
    bool parse(); // false: stop (completed or failed)
    bool parseHead(qsizetype end);
    bool takeBody(qint64 wanted);
    void startAnswer();
    void complete(HttpClientResponse::Failure failure, const QString& errorString);
    void compactInput();

    Endpoint m_endpoint;
    QTcpSocket* m_socket = nullptr;
    bool m_ready = false; // connected (and encrypted for TLS)
    QTimer m_timer;

    bool m_busy = false;
    QByteArray m_head; // the request waiting for the connection
    QByteArray m_body;
    qint64 m_toWrite = 0;
    qint64 m_written = 0;

    QByteArray m_in;
    qsizetype m_pos = 0;
    State m_state = State::Head;
    qint64 m_remaining = 0;
    bool m_closeAfter = false;
    HttpClientResponse m_response;
};

} // namespace pmkv
