#include "workflowfixture.h"

#include "generate/treegenerator.h"
#include "jobs/auditlog.h"

namespace pmkv::test {

WorkflowFixture::WorkflowFixture()
{
    TreeGenerator::Options options;
    options.projects = 2;
    options.epicsPerProject = 2;
    options.storiesPerEpic = 3;
    auto made = TreeGenerator::generate(root(), options);
    if (!made)
        m_error = made.error().message;
}

WorkflowContext WorkflowFixture::context() const
{
    WorkflowContext context;
    context.paths = JobPaths(m_tree.path(QStringLiteral("state")));
    context.frontEnd = QStringLiteral("test");
    return context;
}

std::unique_ptr<TargetSession> WorkflowFixture::session(const QString& address,
                                                        MemoryKvStore** store,
                                                        const ConnectionProfile& profile)
{
    ConnectionProfile p = profile;
    if (p.name.isEmpty())
        p = WorkflowFixture::profile(QStringLiteral("test"), ConnectionProfile::Environment::Dev);
    p.address = address;
    MemoryKvStore* made = nullptr;
    auto opened = TargetSession::over(p, [&made, &address] {
        made = new MemoryKvStore(address);
        return made;
    });
    if (store)
        *store = made;
    return opened;
}

ConnectionProfile WorkflowFixture::profile(const QString& name, ConnectionProfile::Environment env,
                                           bool readOnly)
{
    ConnectionProfile p;
    p.name = name;
    p.environment = env;
    p.readOnly = readOnly;
    return p;
}

QStringList WorkflowFixture::auditedOperations() const
{
    QStringList operations;
    const auto lines = AuditLog(context().paths.auditLogPath()).read();
    if (lines) {
        for (const QJsonObject& line : lines.value())
            operations << line.value(QStringLiteral("operation")).toString();
    }
    return operations;
}

} // namespace pmkv::test
