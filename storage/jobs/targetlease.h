#pragma once

#include "core/result.h"
#include "kv/kvstore.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace pmkv {

// A lease on a target for one run, so that two runs never write one key space at once (from
// one machine or several): the key `pmkv:lock:<prefix>` holds who runs, {"run", "host", "pid",
// "since"}, with an expiry. It is set only if absent (SET ... NX PX), renewed on a thread of
// its own while the run goes on (every third of its time), and deleted at the end if it is
// still this run's. The only key the tool writes of its own, outside the layout's prefix.
// * a second run finds the key and is refused (code "target.locked"), naming the holder's run
//   id and host; a run killed without releasing it holds it until it expires;
// * a resumed run (the same run id) takes its own lease over, and so does any run when the
//   holder is a process of this machine that is gone (killed before it could release it).
// * if renewing finds the key gone or someone else's, lost() turns true: the run stops.
class TargetLease final
{
public:
    struct Options
    {
        int leaseMs = 30000;
        QString host; // default: this machine's name
    };

    ~TargetLease(); // stops renewing and releases
    TargetLease(const TargetLease&) = delete;
    TargetLease& operator=(const TargetLease&) = delete;

    static QByteArray keyFor(const QString& prefix);
    static Result<std::unique_ptr<TargetLease>>
    acquire(KvStore& store, const QString& prefix, const QString& runId, const Options& options);
    static Result<std::unique_ptr<TargetLease>> acquire(KvStore& store, const QString& prefix,
                                                        const QString& runId)
    {
        return acquire(store, prefix, runId, Options());
    }

    bool lost() const { return m_lost.load(); }
    // Why the run must stop, when lost().
    Error lostError() const;
    // Deletes the key if it is still this run's; idempotent.
    void release();

private:
    TargetLease(KvStore& store, QByteArray key, QByteArray value, QString runId, int leaseMs);
    void renewLoop();

    KvStore& m_store;
    QByteArray m_key;
    QByteArray m_value;
    QString m_runId;
    int m_leaseMs;
    std::atomic_bool m_lost{false};
    bool m_released = false;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_renewer;
};

} // namespace pmkv
