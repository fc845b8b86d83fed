#include "wizardfixture.h"

#include "generate/treegenerator.h"
#include "workflows/backupworkflow.h"
#include "workflows/migrationworkflow.h"

#include <QFileInfo>

namespace pmkv::test {

WizardFixture::WizardFixture()
{
    TreeGenerator::Options options;
    options.projects = 2;
    options.epicsPerProject = 2;
    options.storiesPerEpic = 3;
    auto made = TreeGenerator::generate(root(), options);
    if (!made)
        m_error = made.error().message;
}

bool WizardFixture::start()
{
    if (!m_error.isEmpty())
        return false;
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

JobTarget WizardFixture::target() const
{
    JobTarget target = folderOnly();
    ConnectionProfile profile;
    profile.name = QStringLiteral("local");
    profile.kind = ConnectionProfile::Kind::LocalProxy;
    profile.address = m_proxy.url().toString();
    profile.environment = ConnectionProfile::Environment::Dev;
    profile.secretSource = ConnectionProfile::SecretSource::Session;
    target.profile = profile;
    target.typedSecret = m_proxy.token();
    return target;
}

JobTarget WizardFixture::folderOnly() const
{
    JobTarget target;
    target.root = root();
    target.paths = JobPaths(m_tree.path(QStringLiteral("state")));
    return target;
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
