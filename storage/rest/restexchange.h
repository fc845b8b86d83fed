#pragma once

#include "rest/restresponse.h"

#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace pmkv {

class OneShotBody;
struct UpstashRestOptions;

// One POST of a REST store through its QNetworkAccessManager. The body is a OneShotBody, so
// QNetworkAccessManager never sends the request a second time behind the store's back, and
// the outcome says whether the body went out whole. finished() follows exactly once, from the
// event loop; then takeResponse() gives the outcome. Deleting an exchange that has not
// finished aborts its request.
class RestExchange final : public QObject
{
    Q_OBJECT

public:
    // Answers larger than this fail as a protocol error rather than filling memory.
    static constexpr qint64 maxBodyBytes = qint64(1) << 30;

    // What every request of a store carries: the token, the protocol headers, TLS settings
    // (certificates always checked, extra CAs trusted), timeouts, and the QNAM behaviours
    // turned off (redirects, cookies, caching, pipelining). Refuses nothing: the options are
    // validated by the store first.
    static QNetworkRequest baseRequest(const UpstashRestOptions& options);

    // POSTs `body` to `url` (base request plus the read-your-writes token, if any).
    RestExchange(QNetworkAccessManager* network, QNetworkRequest request, const QUrl& url,
                 const QByteArray& syncToken, const QByteArray& body, QObject* parent = nullptr);
    ~RestExchange() override;

    RestResponse takeResponse();

Q_SIGNALS:
    void finished();

private:
    void onFinished();
    void classifyFailure(int networkError);

    QPointer<QNetworkReply> m_reply;
    OneShotBody* m_body = nullptr; // owned by the reply
    RestResponse m_response;
    int m_timeoutMs = 0;
    bool m_tooLarge = false;
};

} // namespace pmkv
