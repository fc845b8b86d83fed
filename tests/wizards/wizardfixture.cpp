#include "wizardfixture.h"

#include "generate/treegenerator.h"

namespace pmkv::test {

bool WizardFixture::start(int projects, int epics, int stories)
{
    TreeGenerator::Options options;
    options.projects = projects;
    options.epicsPerProject = epics;
    options.storiesPerEpic = stories;
    options.seed = 7;
    auto generated = TreeGenerator::generate(root(), options);
    if (!generated) {
        m_error = generated.error().message;
        return false;
    }
    if (!m_redis.start()) {
        m_error = m_redis.errorString();
        return false;
    }
    m_proxy.setRedisUrl(m_redis.url());
    if (!m_proxy.start()) {
        m_error = m_proxy.errorString();
        return false;
    }
    return true;
}

ConnectionProfile WizardFixture::profile(const QString& name, ConnectionProfile::Environment env,
                                         bool readOnly) const
{
    ConnectionProfile p;
    p.name = name;
    p.kind = ConnectionProfile::Kind::LocalProxy;
    p.address = m_proxy.url().toString();
    p.environment = env;
    p.readOnly = readOnly;
    p.secretSource = ConnectionProfile::SecretSource::Session;
    return p;
}

qint64 WizardFixture::keyCount() const
{
    return m_redis.cli({QStringLiteral("DBSIZE")}).toLongLong();
}

QByteArray WizardFixture::value(const QString& key) const
{
    return m_redis.cli({QStringLiteral("GET"), key});
}

} // namespace pmkv::test
