#pragma once

#include "connections/storethread.h"
#include "kv/kvstore.h"
#include "redisserver.h"

#include <QMap>
#include <QProcess>
#include <QString>

#include <memory>

namespace pmkv::test {

// A real pmkv-proxy in front of a RedisServer, on a free loopback port, with a token.
class ProxyProcess final
{
public:
    ProxyProcess() = default;
    ~ProxyProcess();
    ProxyProcess(const ProxyProcess&) = delete;
    ProxyProcess& operator=(const ProxyProcess&) = delete;

    bool start(const RedisServer& redis);
    QString url() const;
    static QByteArray token() { return QByteArrayLiteral("jobs-test-token"); }
    QString errorString() const { return m_error; }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

class TestTree;

// What the job tests run against: a real redis-server, the real pmkv-proxy in front of it, and
// a store on each (direct and REST), opened on a StoreThread.
class JobTargets final
{
public:
    JobTargets() = default;
    ~JobTargets();
    JobTargets(const JobTargets&) = delete;
    JobTargets& operator=(const JobTargets&) = delete;

    // The server, for extra arguments before start() or to stop it mid-test.
    RedisServer& redis() { return m_redis; }
    bool start();
    QString errorString() const { return m_error; }
    KvStore& direct() { return *m_direct; }
    KvStore& rest() { return *m_rest; }
    // "proxy": the REST store; anything else: the direct one.
    KvStore& store(const QString& transport);

private:
    RedisServer m_redis;
    ProxyProcess m_proxy;
    std::unique_ptr<StoreThread> m_thread; // stopped first: its stores talk to the two above
    KvStore* m_direct = nullptr;
    KvStore* m_rest = nullptr;
    QString m_error;
};

// A copy of the folder `from` as pm/ inside `into`, for a test that edits or renames files:
// its path, or an empty string if the copy failed.
QString copyTree(const QString& from, const TestTree& into);

// Opens stores on a StoreThread, so that jobs can wait on them from the test's thread.
KvStore* openRedisStore(StoreThread& thread, quint16 port);
KvStore* openRestStore(StoreThread& thread, const QString& url, const QByteArray& token);

// Every key under `pattern` with its value (strings only), read with redis-cli-free KEYS+GET.
QMap<QByteArray, QByteArray> dumpStrings(KvStore& store, const QByteArray& pattern);
// Runs one batch and fails the test's QVERIFY-less caller with an empty vector on error.
KvStore::Replies run(KvStore& store, const QVector<KvCommand>& batch);

} // namespace pmkv::test
