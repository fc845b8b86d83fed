#include "rest/restexchange.h"

#include "rest/oneshotbody.h"
#include "rest/tlssessioncache.h"
#include "rest/upstashrestoptions.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>

namespace pmkv {

namespace {

QString serverKey(const QUrl& url)
{
    return url.host().toLower() + QLatin1Char(':') + QString::number(url.port(443));
}

// The QNetworkReply errors that stand for an HTTP answer with an error status (4xx/5xx): the
// status and body are there to read.
bool isHttpStatusError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::AuthenticationRequiredError:
    case QNetworkReply::ContentAccessDenied:
    case QNetworkReply::ContentNotFoundError:
    case QNetworkReply::ContentOperationNotPermittedError:
    case QNetworkReply::ContentConflictError:
    case QNetworkReply::ContentGoneError:
    case QNetworkReply::UnknownContentError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::OperationNotImplementedError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
        return true;
    default:
        return false;
    }
}

} // namespace

QNetworkRequest RestExchange::baseRequest(const UpstashRestOptions& options)
{
    QNetworkRequest request;
    // A POST of writes is never re-posted elsewhere: a redirect comes back as an answer.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::HttpPipeliningAllowedAttribute, false);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true); // over TLS, if offered
    // The body is read from a OneShotBody as it goes out, not copied into a resendable buffer.
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    request.setTransferTimeout(std::max(1, options.timeoutMs));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("pmkv-studio"));
    if (!options.token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + options.token);
    request.setRawHeader(QByteArrayLiteral("Upstash-Encoding"), QByteArrayLiteral("base64"));
    if (options.url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        // With session persistence on, a reply shows the session ticket the server handed
        // out (TLS 1.3 sends it after the handshake), and TlsSessionCache offers it to the
        // next connection afresh. In memory only.
        tls.setSslOption(QSsl::SslOptionDisableSessionPersistence, false);
        if (!options.caCertificates.isEmpty())
            tls.addCaCertificates(options.caCertificates);
        request.setSslConfiguration(tls);
    }
    return request;
}

RestExchange::RestExchange(QNetworkAccessManager* network, QNetworkRequest request, const QUrl& url,
                           const QByteArray& syncToken, const QByteArray& body, QObject* parent)
    : QObject(parent), m_timeoutMs(request.transferTimeout())
{
    request.setUrl(url);
    if (url.scheme() == QLatin1String("https")) {
        const QByteArray ticket = TlsSessionCache::lookup(serverKey(url));
        if (!ticket.isEmpty()) { // used only where QNAM opens a connection afresh
            QSslConfiguration tls = request.sslConfiguration();
            tls.setSessionTicket(ticket);
            request.setSslConfiguration(tls);
        }
    }
    request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    if (!syncToken.isEmpty())
        request.setRawHeader(QByteArrayLiteral("upstash-sync-token"), syncToken);
    m_body = new OneShotBody(body);
    m_reply = network->post(request, m_body);
    m_body->setParent(m_reply);
    connect(m_reply, &QNetworkReply::finished, this, &RestExchange::onFinished);
    // Certificate errors are collected for the message and never ignored: the handshake then
    // fails before a byte of the request is written.
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            m_response.sslErrors.append(e.errorString());
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > maxBodyBytes && !m_tooLarge) {
            m_tooLarge = true;
            m_reply->abort(); // finished() follows, from inside abort()
        }
    });
}

RestExchange::~RestExchange()
{
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
        m_reply->deleteLater();
    }
}

RestResponse RestExchange::takeResponse()
{
    return std::exchange(m_response, RestResponse());
}

void RestExchange::onFinished()
{
    QNetworkReply* reply = m_reply;
    m_response.requestSent = m_body->wasReadWhole();
    const QNetworkReply::NetworkError error = reply->error();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (m_tooLarge) {
        m_response.failure = RestResponse::Failure::Protocol;
        m_response.errorString =
            QStringLiteral("the answer is larger than %1 bytes").arg(maxBodyBytes);
    } else if (status.isValid() &&
               (error == QNetworkReply::NoError || isHttpStatusError(error) ||
                // QNAM rewinds the body of a 307/308 for the redirect it will not follow here
                (status.toInt() / 100 == 3 && error == QNetworkReply::ContentReSendError))) {
        m_response.status = status.toInt();
        m_response.body = reply->readAll();
        m_response.syncToken = reply->rawHeader(QByteArrayLiteral("upstash-sync-token"));
        m_response.location = reply->rawHeader(QByteArrayLiteral("location"));
        m_response.hashSlots = reply->rawHeader(QByteArrayLiteral("pmkv-hash-slots")) == "1";
        if (reply->url().scheme() == QLatin1String("https"))
            TlsSessionCache::remember(serverKey(reply->url()),
                                      reply->sslConfiguration().sessionTicket());
    } else {
        classifyFailure(int(error));
    }
    reply->disconnect(this);
    Q_EMIT finished();
}

void RestExchange::classifyFailure(int networkError)
{
    using Failure = RestResponse::Failure;
    const auto error = QNetworkReply::NetworkError(networkError);
    m_response.errorString = m_reply->errorString();
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
        m_response.failure = Failure::Tls;
        return;
    case QNetworkReply::ProxyAuthenticationRequiredError:
        m_response.failure = Failure::ProxyAuth;
        return;
    case QNetworkReply::OperationCanceledError: // the transfer timeout: only it aborts replies
    case QNetworkReply::TimeoutError:
        m_response.failure = Failure::Timeout;
        m_response.errorString = m_response.requestSent
                                     ? QStringLiteral("no answer within %1 ms").arg(m_timeoutMs)
                                     : QStringLiteral("the request could not be sent within "
                                                      "%1 ms")
                                           .arg(m_timeoutMs);
        return;
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
        m_response.failure = Failure::Protocol;
        return;
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        m_response.failure = m_response.requestSent ? Failure::Lost : Failure::NotSent;
        return;
    default:
        // Connection closed or reset, ContentReSendError (QNAM wanted to send it again),
        // a proxy that closed or timed out: it may have reached the server if it went out.
        m_response.failure = Failure::Lost;
        if (error == QNetworkReply::ContentReSendError || m_response.errorString.isEmpty() ||
            m_response.errorString == QLatin1String("Unknown error"))
            m_response.errorString =
                m_response.requestSent
                    ? QStringLiteral("the connection closed before the answer came")
                    : QStringLiteral("the connection closed while sending");
        return;
    }
}

} // namespace pmkv
