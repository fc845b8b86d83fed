#include "jobtarget.h"

namespace pmkv {

Result<std::unique_ptr<TargetSession>> JobTarget::openSession() const
{
    if (!profile)
        return makeError(QStringLiteral("no-target"), QStringLiteral("no connection is open"),
                         NextStep::forPath(NextStep::Action::GiveKeySpace, root));
    return TargetSession::open(*profile, sessionOptions());
}

TargetSession::Options JobTarget::sessionOptions() const
{
    TargetSession::Options options;
    options.typedSecret = typedSecret;
    options.typedReadOnlyToken = readOnlyToken;
    return options;
}

WorkflowContext JobTarget::context() const
{
    WorkflowContext context;
    context.paths = paths;
    context.frontEnd = QStringLiteral("pmkv-studio");
    return context;
}

} // namespace pmkv
