#include "wizardfixture.h"

#include "generate/treegenerator.h"
#include "workflows/backupworkflow.h"
#include "workflows/migrationworkflow.h"

#include <QFileInfo>

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
    m_proxy.setToken("wizard-token");
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

JobTarget WizardFixture::target() const
{
    JobTarget target = folderOnly();
    target.profile = profile(QStringLiteral("local"));
    target.typedSecret = m_proxy.token();
    return target;
}

JobTarget WizardFixture::folderOnly() const
{
    JobTarget target;
    target.root = root();
    target.paths = paths();
    return target;
}

qint64 WizardFixture::keyCount() const
{
    return m_redis.cli({QStringLiteral("DBSIZE")}).toLongLong();
}

QByteArray WizardFixture::value(const QString& key) const
{
    return m_redis.cli({QStringLiteral("GET"), key});
}

bool WizardFixture::migrate()
{
    const JobTarget t = target();
    auto session = t.openSession();
    if (!session) {
        m_error = session.error().message;
        return false;
    }
    MigrationWorkflow::RunRequest request;
    request.scope.root = root();
    auto ran = MigrationWorkflow::run(request, *session.value(), t.context());
    if (!ran) {
        m_error = ran.error().message;
        return false;
    }
    return ran.value().verdict == 0;
}

QString WizardFixture::backupBeside()
{
    BackupWorkflow::BackupRequest request;
    request.root = root();
    request.destination = QFileInfo(root()).absolutePath();
    auto made = BackupWorkflow::backup(request, target().context());
    if (!made) {
        m_error = made.error().message;
        return QString();
    }
    return made.value().archivePath;
}

} // namespace pmkv::test
