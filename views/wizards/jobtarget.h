#pragma once

#include "connections/connectionprofile.h"
#include "core/result.h"
#include "jobs/jobpaths.h"
#include "workflows/targetsession.h"
#include "workflows/workflowcontext.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace pmkv {

// What a wizard or the dashboard works on: the open folder, the connection (if any) with the
// secret typed for this session, and the state folder. Plain data, copied into the worker
// that runs the workflow; the session is opened there, never on the GUI thread.
struct JobTarget
{
    QString root;
    std::optional<ConnectionProfile> profile;
    bool profileSaved = false; // a saved connection (conn:NAME names it), not one of a session
    QByteArray typedSecret;
    bool readOnlyToken = false; // the typed secret is a read-only token
    JobPaths paths;

    bool hasKeySpace() const { return profile.has_value(); }
    // The typed secret, for a session opened on this target's profile.
    TargetSession::Options sessionOptions() const;
    // Blocks (keychain, store creation): call on a worker thread.
    Result<std::unique_ptr<TargetSession>> openSession() const;
    // "via": "pmkv-studio"; progress and cancel are the runner's to add.
    WorkflowContext context() const;
};

} // namespace pmkv
