#pragma once

#include "connections/connectionprofile.h"
#include "jobs/jobpaths.h"
#include "proxyprocess.h"
#include "redisserver.h"
#include "testtree.h"

namespace pmkv::test {

// What the wizard tests share: a real redis-server behind the real pmkv-proxy (the REST path
// a user of the app has), a generated pm/ tree, and a state folder for journals and reports.
class WizardFixture final
{
public:
    WizardFixture() = default;

    // Starts Redis and the proxy and generates the tree; false with `error()` when not.
    bool start(int projects = 1, int epics = 3, int stories = 8);
    QString error() const { return m_error; }

    QString root() const { return m_tree.path(QStringLiteral("pm")); }
    QString path(const QString& relative) const { return m_tree.path(relative); }
    JobPaths paths() const { return JobPaths(m_tree.path(QStringLiteral("state"))); }
    // A profile for the proxy (its token is typed in the wizard: token()).
    ConnectionProfile
    profile(const QString& name,
            ConnectionProfile::Environment env = ConnectionProfile::Environment::Dev,
            bool readOnly = false) const;
    QByteArray token() const { return m_proxy.token(); }
    qint64 keyCount() const;
    QByteArray value(const QString& key) const;
    RedisServer& redis() { return m_redis; }

private:
    TestTree m_tree;
    RedisServer m_redis;
    ProxyProcess m_proxy;
    QString m_error;
};

} // namespace pmkv::test
