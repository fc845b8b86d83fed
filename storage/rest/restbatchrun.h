#pragma once

#include "kv/kvstore.h"
#include "rest/restrequestplan.h"

#include <QObject>
#include <QPromise>
#include <QStringList>

#include <memory>

namespace pmkv {

class RestExchange;
struct RestResponse;
class UpstashRestStore;

// One batch on its way through an UpstashRestStore: the requests it was split into
// (RestRequestPlan), with the retry rule of the store. A batch with a write sends them one after
// the other (replies stay in order, later requests see earlier writes, a failure leaves an exact
// prefix applied); a batch of reads sends up to maxParallelReads at once and puts the replies back
// in order. Lives on the store's thread, deletes itself when done.
class RestBatchRun final : public QObject
{
    Q_OBJECT

public:
    using Replies = KvStore::Replies;
    using Promise = QPromise<Result<Replies>>;

    RestBatchRun(UpstashRestStore* store, QVector<KvCommand> batch, QVector<RestRequest> requests,
                 std::shared_ptr<Promise> promise);
    ~RestBatchRun() override;

    void start();

private:
    using Path = RestRequest::Path;
    struct Chunk
    {
        RestRequest request;
        int attempt = 0;
        bool done = false;
        Replies replies;
        RestExchange* exchange = nullptr; // while a request is in flight
    };

    void sendMore();
    void send(int index);
    void onFinished(int index);
    // false: the batch ended (failed)
    bool handleHttp(int index, int status, const QByteArray& body, const QByteArray& location);
    void handleNetworkFailure(int index, const RestResponse& response);
    void retryOrFail(int index, bool mayHaveReachedServer, const QString& what);
    void fail(QString code, QString message);
    void succeed();
    void finish();
    void dropExchanges();
    QString chunkPosition(int index) const;

    UpstashRestStore* m_store;
    QVector<KvCommand> m_batch;
    std::shared_ptr<Promise> m_promise;
    QVector<Chunk> m_chunks;
    int m_window = 1;   // requests at most in flight (or waiting for a retry)
    int m_started = 0;  // chunks [0, m_started) were sent at least once
    int m_inFlight = 0; // started and not done
    int m_done = 0;
    bool m_ended = false;
};

} // namespace pmkv
