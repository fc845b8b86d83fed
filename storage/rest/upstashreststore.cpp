#include "rest/upstashreststore.h"

#include "kv/ownthread.h"
#include "rest/restbatchrun.h"
#include "rest/restexchange.h"
#include "rest/restproxyfactory.h"

#include <QNetworkAccessManager>

namespace pmkv {

UpstashRestStore::UpstashRestStore(UpstashRestOptions options, QObject* parent)
    : KvStore(parent), m_options(std::move(options)), m_valid(validate(m_options)),
      m_network(new QNetworkAccessManager(this))
{
    m_network->setProxyFactory(new RestProxyFactory(m_options.proxy));
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network->setAutoDeleteReplies(false);
    if (m_valid)
        m_baseRequest = RestExchange::baseRequest(m_options);
}

UpstashRestStore::~UpstashRestStore()
{
    // Batches still running end (cancelled) before the network manager their requests use.
    qDeleteAll(findChildren<RestBatchRun*>(Qt::FindDirectChildrenOnly));
}

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
        if (!RestProxyFactory::isLoopback(host)) {
            return makeError(
                QStringLiteral("insecure-http"),
                QStringLiteral("%1: plain http:// would send the token unencrypted to another "
                               "machine. Use https://, or allow plain HTTP for this connection "
                               "explicitly (--allow-insecure-http).")
                    .arg(shown));
        }
    }
    // A header value cannot hold a line break: CR or LF would end the header early (and let
    // the rest pass as headers of its own), NUL cuts it. An .env.local escape can decode to one.
    for (const char c : options.token) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            return makeError(QStringLiteral("bad-token"),
                             QStringLiteral("the token for %1 contains a line break, NUL or "
                                            "another control character, which cannot be sent "
                                            "in an HTTP header; nothing was sent. Check how it "
                                            "was copied (an escape sequence in .env.local?).")
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
    auto settle = [&promise](Result<Replies> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    if (!m_valid) {
        settle(m_valid.error());
        return future;
    }
    if (batch.isEmpty()) {
        settle(Replies{});
        return future;
    }
    // Encoded here, on the caller's thread: the work stays with whoever made the batch, and the
    // store's thread stays free to feed QNAM the requests already on their way.
    auto requests = RestRequestPlan::split(batch, atomic, m_options);
    if (!requests) {
        settle(requests.error());
        return future;
    }
    auto begin = [this, batch = std::move(batch), requests = std::move(requests).value(),
                  promise]() mutable {
        auto* run = new RestBatchRun(this, std::move(batch), std::move(requests), promise);
        run->start();
    };
    OwnThread::run(this, std::move(begin));
    return future;
}

KvStore::Capabilities UpstashRestStore::capabilities() const
{
    Capabilities caps;
    caps.canWrite = !m_options.readOnlyToken;
    caps.canScan = !m_options.readOnlyToken;
    caps.serverKind = m_options.url.host().endsWith(QLatin1String(".upstash.io"))
                          ? QStringLiteral("upstash")
                          : QStringLiteral("upstash-compatible REST");
    caps.hashSlots = m_hashSlots.load();
    return caps;
}

QString UpstashRestStore::describe() const
{
    return m_options.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString();
}

} // namespace pmkv
