#pragma once

#include "kv/kvstore.h"
#include "rest/upstashrestoptions.h"

#include <QByteArray>
#include <QNetworkRequest>

#include <atomic>

class QNetworkAccessManager;

namespace pmkv {

// A KvStore over the Upstash REST protocol (Upstash itself, pmkv-proxy, or any compatible
// server). It lives on the thread that created it (that thread needs a running event loop);
// execute() may be called from any thread: it encodes the batch into requests there
// (RestRequestPlan) and hands them over to the store's thread.
//
// * one command: POST / ; a batch: POST /pipeline, split by command count and body size;
//   executeAtomic: POST /multi-exec in one request (never split: it is all or nothing).
// * Bearer token; `Upstash-Encoding: base64` so replies decode to the exact bytes stored;
//   the latest `upstash-sync-token` received is sent with every later request.
// * Requests go through a QNetworkAccessManager of its own, on the store's thread: keep-alive
//   connections (HTTP/2 over TLS where the server offers it), TLS sessions reused, the proxy
//   of the options. QNAM's own resend is ruled out (RestExchange): the store alone decides
//   what is sent again. The requests of a batch with a write go one after the other; those
//   of a batch of reads go several at once (maxParallelReads); batches run side by side.
// * HTTPS with certificate checks that are never ignored; plain http:// for loopback only
//   unless the options allow it. No redirects followed, no cookies, no cache.
// * Retries with exponential backoff on network failures only, never on a command error.
//   A request that cannot have reached the server (connection refused, host not found, the
//   body not sent whole) is sent again; one that may have reached it (connection lost,
//   timeout, 5xx) is sent again only when it holds nothing but reads; otherwise the batch
//   fails with "outcome-unknown" and says how many commands are known to have been applied.
//   Writes are never duplicated.
class UpstashRestStore final : public KvStore
{
    Q_OBJECT

public:
    explicit UpstashRestStore(UpstashRestOptions options, QObject* parent = nullptr);
    ~UpstashRestStore() override;

    // What is wrong with the options (bad URL, plain http:// to a remote host, credentials
    // inside the URL, a token with a line break or another control character...), or nothing. A
    // store built from invalid options fails every batch with this error.
    static Result<void> validate(const UpstashRestOptions& options);

    QFuture<Result<Replies>> execute(QVector<KvCommand> batch) override;
    QFuture<Result<Replies>> executeAtomic(QVector<KvCommand> batch) override;
    Capabilities capabilities() const override;
    QString describe() const override;

    // HTTP requests sent so far (including retries); for tests and statistics.
    qint64 requestCount() const { return m_requests.load(); }
    // The latest read-your-writes token received (owner thread only).
    QByteArray syncToken() const { return m_syncToken; }

private:
    friend class RestBatchRun;

    QFuture<Result<Replies>> submit(QVector<KvCommand> batch, bool atomic);

    UpstashRestOptions m_options;
    Result<void> m_valid;
    QNetworkAccessManager* m_network; // a child: lives on the store's thread
    QNetworkRequest m_baseRequest;    // what every request carries (RestExchange::baseRequest)
    QByteArray m_syncToken;
    std::atomic<qint64> m_requests{0};
    // The server is pmkv-proxy in front of a Redis Cluster (seen in any answer): see
    // Capabilities::hashSlots.
    std::atomic<bool> m_hashSlots{false};
};

} // namespace pmkv
