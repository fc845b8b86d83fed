#pragma once

#include "kv/kvstore.h"

#include <QHash>
#include <QMutex>

#include <functional>

namespace pmkv::test {

// An in-memory key space for workflow tests, with failures on a script: a batch that is never
// sent, a batch applied whose replies are lost, and SCAN refused with NOPERM (as an Upstash
// read-only token answers). Strings with a TTL, and keys of another type (no value), cover
// what the jobs read and write: GET, MGET, SET [NX|XX] [PX|EX], MSETNX, DEL, EXISTS, PTTL,
// TTL, TYPE, PERSIST, SCAN (MATCH, COUNT), DBSIZE, PING. Anything else is an error reply.
//
// Only beside end-to-end tests against a real redis-server, never instead of them.
// Thread-safe: jobs call execute() from their own thread; every future is ready at once.
class MemoryKvStore final : public KvStore
{
    Q_OBJECT

public:
    enum class Failure {
        NotSent,          // the batch fails before anything is applied
        LostAfterSending, // the batch is applied, then its replies are lost
    };
    using BatchMatcher = std::function<bool(const QVector<KvCommand>&)>;

    explicit MemoryKvStore(QString address = QStringLiteral("memory://test"),
                           QObject* parent = nullptr);

    QFuture<Result<Replies>> execute(QVector<KvCommand> batch) override;
    QFuture<Result<Replies>> executeAtomic(QVector<KvCommand> batch) override;
    Capabilities capabilities() const override;
    QString describe() const override { return m_address; }

    // The next batch `matches` accepts (any batch when unset) fails as `failure`; once.
    void failNextBatch(Failure failure, BatchMatcher matches = {});
    // A batch that writes (SET, MSETNX or DEL) other than the run's lease: for failing the
    // migration's writes only.
    static BatchMatcher writes();
    // SCAN answers "NOPERM ..." while refused (the capabilities still say it may scan, as a
    // server that checks permissions only per command).
    void refuseScan(bool refused);

    // Direct access for the test (no script applies).
    void set(const QByteArray& key, const QByteArray& value, qint64 pttl = -1);
    void setOtherType(const QByteArray& key, const QString& type);
    QByteArray value(const QByteArray& key) const;
    bool contains(const QByteArray& key) const;
    int size() const;
    // Batches received so far (failed ones included).
    int batchCount() const;

private:
    struct Entry
    {
        QString type = QStringLiteral("string");
        QByteArray value;
        qint64 expiresAtMs = -1; // -1: no expiry
    };
    struct Scripted
    {
        Failure failure;
        BatchMatcher matches;
    };

    KvReply apply(const KvCommand& command);
    KvReply set(const KvCommand& command);
    KvReply scan(const KvCommand& command) const;
    void expire();

    QString m_address;
    mutable QMutex m_mutex;
    QHash<QByteArray, Entry> m_keys;
    QVector<Scripted> m_script;
    bool m_scanRefused = false;
    int m_batches = 0;
};

} // namespace pmkv::test
