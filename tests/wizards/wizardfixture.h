#pragma once

#include "connections/connectionprofile.h"
#include "jobs/jobpaths.h"
#include "jobtarget.h"
#include "proxyprocess.h"
#include "redisserver.h"
#include "testtree.h"

namespace pmkv::test {

// What the wizard tests share: a real redis-server behind the real pmkv-proxy (the REST path
// a user of the app has), a generated pm/ tree, a state folder for journals and reports, and
// the JobTarget a window would hand to a wizard (the folder and a REST connection to the proxy).
class WizardFixture final
{
public:
    WizardFixture() = default;

    // Generates the tree and starts Redis and the proxy; false with `error()` when not.
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
    // The folder and the DEV profile "local" with its token.
    JobTarget target() const;
    // The folder alone, no connection.
    JobTarget folderOnly() const;
    qint64 keyCount() const;
    QByteArray value(const QString& key) const;
    RedisServer& redis() { return m_redis; }
    ProxyProcess& proxy() { return m_proxy; }

    // Migrates the whole tree into the key space (the workflow, as the CLI runs it).
    bool migrate();
    // A verified backup beside the folder; its path, or empty (and `error`) on failure.
    QString backupBeside();

private:
    TestTree m_tree;
    RedisServer m_redis;
    ProxyProcess m_proxy;
    QString m_error;
};

} // namespace pmkv::test
