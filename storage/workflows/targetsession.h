#pragma once

#include "connections/connectionprofile.h"
#include "connections/connectionsecrets.h"
#include "core/result.h"
#include "kv/kvstore.h"

#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

namespace pmkv {

class StoreThread;

// One key space a front end works on: the profile, its store on the session's own thread
// (a store is not thread-safe: one owning thread with an event loop), and the one write rule
// that every write path of `pmkv` and of the GUI passes through (authorizeWrite).
//
// open() blocks until the secret is resolved (keychain) and the store is made: call it from
// the CLI's main thread or a worker, never from the GUI thread. The store is destroyed on its
// thread when the session goes.
class TargetSession final
{
public:
    struct Options
    {
        // A secret the user typed for this session only; empty: the profile's own source
        // (keychain, environment variable).
        QByteArray typedSecret;
        bool typedReadOnlyToken = false;
        // The session browses (a key tree, a key's value) rather than runs a job: a Redis
        // Cluster's replicas may serve its reads when the profile allows (replicaReads). A job
        // leaves it false and reads the masters, which hold what it just wrote.
        bool browsing = false;
    };

    ~TargetSession();
    TargetSession(const TargetSession&) = delete;
    TargetSession& operator=(const TargetSession&) = delete;

    static Result<std::unique_ptr<TargetSession>> open(const ConnectionProfile& profile,
                                                       const Options& options);
    static Result<std::unique_ptr<TargetSession>> open(const ConnectionProfile& profile)
    {
        return open(profile, Options());
    }

    // A session over a store that `make` creates on the session's thread: a store a caller
    // configured itself, or a test's in-memory store. The profile gives the write rule.
    static std::unique_ptr<TargetSession> over(const ConnectionProfile& profile,
                                               const std::function<KvStore*()>& make,
                                               bool readOnlyToken = false);

    const ConnectionProfile& profile() const { return m_profile; }
    // The store; lives on thread(). Callers on other threads wait on its futures or attach
    // continuations; it is never touched directly from another thread's event loop.
    KvStore& store() const { return *m_store; }
    StoreThread& thread() const { return *m_thread; }
    // For messages and journals: where it points, never a secret.
    QString describe() const;
    // True when writes are refused (a read-only profile or a read-only token).
    bool isReadOnly() const;
    // The server showed that the token is a read-only one (it refused SCAN with NOPERM):
    // from now on the write rule refuses every write first, before anything is journaled.
    // Thread-safe.
    void markReadOnlyToken() { m_readOnlyToken = true; }

    // The write rule: a read-only profile (or token) is refused first, whatever is typed;
    // a PROD profile needs `confirmation` to be its name (error "prod-not-confirmed" with the
    // next step ConfirmProd, so that a front end can ask for it and try again).
    Result<void> authorizeWrite(const QString& confirmation) const;
    static Result<void> authorizeWrite(const ConnectionProfile& profile, bool readOnlyToken,
                                       const QString& confirmation);

private:
    TargetSession(ConnectionProfile profile, std::unique_ptr<StoreThread> thread, KvStore* store,
                  bool readOnlyToken);

    ConnectionProfile m_profile;
    std::unique_ptr<StoreThread> m_thread;
    QPointer<KvStore> m_store;
    std::atomic<bool> m_readOnlyToken = false; // (read by workers, set by the GUI thread)
};

} // namespace pmkv
