#pragma once

#include "kv/kvstore.h"

#include <QObject>
#include <QPromise>
#include <QStringList>

#include <memory>

namespace pmkv {

class HttpClientConnection;
struct HttpClientResponse;
class UpstashRestStore;

// One batch on its way through an UpstashRestStore: the requests it was split into, sent one
// after the other on one keep-alive connection (so replies stay in order and later requests
// see earlier writes), with the retry rule of the store. Lives on the store's thread, deletes
// itself when done.
class RestBatchRun final : public QObject
{
    Q_OBJECT

public:
    using Replies = KvStore::Replies;
    using Promise = QPromise<Result<Replies>>;

    RestBatchRun(UpstashRestStore* store, QVector<KvCommand> batch, bool atomic,
                 std::shared_ptr<Promise> promise);

    void start();

private:
    enum class Path { Single, Pipeline, MultiExec };
    struct Chunk
    {
        Path path;
        int from = 0; // commands [from, to) of the batch
        int to = 0;
        QByteArray body;
        bool readOnly = false;
    };

    Result<void> plan();
    void sendCurrent();
    void onFinished();
    void handleHttp(int status, const QByteArray& body);
    void handleNetworkFailure(const HttpClientResponse& response);
    void retryOrFail(bool mayHaveReachedServer, const QString& what);
    void fail(QString code, QString message);
    void succeed();
    void finish();
    QString chunkPosition() const;

    UpstashRestStore* m_store;
    QVector<KvCommand> m_batch;
    bool m_atomic;
    std::shared_ptr<Promise> m_promise;
    QVector<Chunk> m_chunks;
    int m_current = 0;
    int m_attempt = 0;
    Replies m_replies;
    HttpClientConnection* m_connection = nullptr; // taken from the store for this batch
    bool m_done = false;
};

} // namespace pmkv
