#pragma once

#include "core/result.h"
#include "jobs/journalrecords.h"
#include "jobs/validator.h"
#include "workflows/targetsession.h"
#include "workflows/workflowcontext.h"

#include <optional>

namespace pmkv {

// Which of the six migration phases (pm-format.md) a pm/ folder is in, and the next safe step:
//   1 local KV running        no key space given or reachable, nothing migrated yet
//   2 migration tool          the key space answers; no run yet, or one did not finish
//   3 dual write              only some projects were migrated
//   4 full migration          the whole tree was migrated; validation or backup missing
//   5 KV only                 KV matches the files and a backup exists: archive next
//   6 archived                the folder was renamed to its -backup name (asked about the
//                             old name or the archive itself: the undo is the way back)
// The answer comes from the folder, the journals of earlier runs, the backups beside the
// folder and, with a session, a (sampled) validation against the key space.
class StatusWorkflow final
{
public:
    struct Request
    {
        QString root; // the pm/ folder
        QString layoutSpec = QStringLiteral("repository");
        QString prefix;
        qint64 sample = 500; // keys compared with a session (0: all)
        // The key space; null when none was given or it could not be opened (`unreachable`
        // then says why).
        TargetSession* session = nullptr;
        std::optional<Error> unreachable;
    };
    struct Outcome
    {
        QString root; // absolute
        int phase = 1;
        QString phaseName;
        QStringList facts;
        // Why the next step is the one to take; the step itself is `next`.
        QString advice;
        NextStep next;
        QVector<JournalRun> runs; // every run in the state folder, oldest first
        // A journal file in the state folder that cannot be read: which, and why.
        QVector<Error> unreadableJournals;
        std::optional<Validator::Outcome> validation;
        // A run on this folder did not finish: it needs attention whatever the phase.
        QString unfinishedRun;
    };

    static QString phaseName(int phase);
    // Fails only when the folder is gone without an archive of it.
    static Result<Outcome> run(const Request& request, const WorkflowContext& context);

private:
    static void decideFromKeySpace(const Request& request, const WorkflowContext& context,
                                   Outcome& outcome);
};

} // namespace pmkv
