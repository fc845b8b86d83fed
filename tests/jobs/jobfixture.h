#pragma once

#include "connections/storethread.h"
#include "kv/kvstore.h"
#include "redisserver.h"

#include <QMap>
#include <QProcess>
#include <QString>

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

// Opens stores on a StoreThread, so that jobs can wait on them from the test's thread.
KvStore* openRedisStore(StoreThread& thread, quint16 port);
KvStore* openRestStore(StoreThread& thread, const QString& url, const QByteArray& token);

// Every key under `pattern` with its value (strings only), read with redis-cli-free KEYS+GET.
QMap<QByteArray, QByteArray> dumpStrings(KvStore& store, const QByteArray& pattern);
// Runs one batch and fails the test's QVERIFY-less caller with an empty vector on error.
KvStore::Replies run(KvStore& store, const QVector<KvCommand>& batch);

} // namespace pmkv::test
