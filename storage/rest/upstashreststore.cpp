#include "rest/upstashreststore.h"

#include "rest/httpclientconnection.h"
#include "rest/restbatchrun.h"

#include <QHostAddress>
#include <QThread>

namespace pmkv {

UpstashRestStore::UpstashRestStore(UpstashRestOptions options, QObject* parent)
    : KvStore(parent), m_options(std::move(options)), m_valid(validate(m_options))
{
}

UpstashRestStore::~UpstashRestStore() = default;

Result<void> UpstashRestStore::validate(const UpstashRestOptions& options)
{
    const QUrl& url = options.url;
    const QString shown = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString();
    if (!url.isValid() || url.host().isEmpty()) {
        return makeError(QStringLiteral("bad-url"),
                         QStringLiteral("\"%1\" is not a usable REST address: give the base URL, "
                                        "e.g. https://eu1-xyz.upstash.io or "
                                        "http://127.0.0.1:8080")
                             .arg(shown));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        return makeError(QStringLiteral("bad-url"),
                         QStringLiteral("\"%1\": a REST address starts with https:// (or http:// "
                                        "for a local proxy)")
                             .arg(shown));
    }
    if (!url.userInfo().isEmpty()) {
        return makeError(QStringLiteral("bad-url"),
                         QStringLiteral("%1: the URL holds credentials; give the token through "
                                        "the keychain or PMKV_TOKEN instead")
                             .arg(shown));
    }
    if (scheme == QLatin1String("http") && !options.allowInsecureHttp) {
        const QString host = url.host();
        const QHostAddress address(host);
        const bool loopback = host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
                              (!address.isNull() && address.isLoopback());
        if (!loopback) {
            return makeError(
                QStringLiteral("insecure-http"),
                QStringLiteral("%1: plain http:// would send the token unencrypted to another "
                               "machine. Use https://, or allow plain HTTP for this connection "
                               "explicitly (--allow-insecure-http).")
                    .arg(shown));
        }
    }
    return {};
}

QFuture<Result<KvStore::Replies>> UpstashRestStore::execute(QVector<KvCommand> batch)
{
    return submit(std::move(batch), false);
}

QFuture<Result<KvStore::Replies>> UpstashRestStore::executeAtomic(QVector<KvCommand> batch)
{
    return submit(std::move(batch), true);
}

QFuture<Result<KvStore::Replies>> UpstashRestStore::submit(QVector<KvCommand> batch, bool atomic)
{
    auto promise = std::make_shared<RestBatchRun::Promise>();
    QFuture<Result<Replies>> future = promise->future();
    promise->start();
    if (!m_valid) {
        promise->addResult(Result<Replies>(m_valid.error()));
        promise->finish();
        return future;
    }
    auto begin = [this, batch = std::move(batch), atomic, promise]() mutable {
        auto* run = new RestBatchRun(this, std::move(batch), atomic, std::move(promise));
        run->start();
    };
    if (QThread::currentThread() == thread())
        begin();
    else
        QMetaObject::invokeMethod(this, std::move(begin), Qt::QueuedConnection);
    return future;
}

HttpClientConnection* UpstashRestStore::takeConnection()
{
    if (!m_idle.isEmpty())
        return m_idle.takeLast();
    HttpClientConnection::Endpoint endpoint;
    const bool tls =
        m_options.url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    endpoint.host = m_options.url.host();
    endpoint.port = quint16(m_options.url.port(tls ? 443 : 80));
    endpoint.tls = tls;
    endpoint.caCertificates = m_options.caCertificates;
    endpoint.timeoutMs = m_options.timeoutMs;
    return new HttpClientConnection(std::move(endpoint), this);
}

void UpstashRestStore::giveBack(HttpClientConnection* connection)
{
    constexpr int maxIdle = 4;
    if (connection->isBusy() || m_idle.size() >= maxIdle) {
        connection->deleteLater();
        return;
    }
    m_idle.append(connection);
}

KvStore::Capabilities UpstashRestStore::capabilities() const
{
    Capabilities caps;
    caps.canWrite = !m_options.readOnlyToken;
    caps.canScan = !m_options.readOnlyToken;
    caps.serverKind = m_options.url.host().endsWith(QLatin1String(".upstash.io"))
                          ? QStringLiteral("upstash")
                          : QStringLiteral("upstash-compatible REST");
    return caps;
}

QString UpstashRestStore::describe() const
{
    return m_options.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString();
}

} // namespace pmkv
