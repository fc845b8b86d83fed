#pragma once

#include "jobtarget.h"
#include "proxyprocess.h"
#include "redisserver.h"
#include "testtree.h"

namespace pmkv::test {

// What the wizard tests share: a generated pm/ tree (2 projects) in a temporary folder, a
// state folder, a real redis-server behind the real pmkv-proxy, and the JobTarget a window
// would hand to a wizard (the folder and a REST connection to the proxy).
class WizardFixture final
{
public:
    WizardFixture();

    // Starts Redis and the proxy; false (and a reason in `error`) when something failed.
    bool start();
    QString error() const { return m_error; }

    QString root() const { return m_tree.path(QStringLiteral("pm")); }
    QString path(const QString& relative) const { return m_tree.path(relative); }
    JobTarget target() const;
    // The folder alone, no connection.
    JobTarget folderOnly() const;
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
