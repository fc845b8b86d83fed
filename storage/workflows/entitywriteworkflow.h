#pragma once

#include "core/result.h"
#include "workflows/workflowcontext.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace pmkv {

class TargetSession;

// One location written (with the list keys it joins), or such a write
// undone, as a journaled run of the sync engine
// (sync/syncrunner.h): a key of a target session's key space, or a file of a pm/ folder (a
// path relative to it). A write reads what is there, journals it durably, writes, and marks
// the run done; undo puts back what was there before (value and TTL) through the journal,
// refusing a location that changed since. A key space's write or undo passes the session's
// write rule first (read-only refused, then PROD needs the typed name: error
// "prod-not-confirmed" with the next step ConfirmProd, so a front end asks and calls again).
// Each run, and each refusal of the journal, gets a line in the audit log.
//
// Blocking (the store's futures, file I/O): call it on a worker, never on the store's thread
// or the GUI thread.
class EntityWriteWorkflow final
{
public:
    struct Write
    {
        QString location; // a key, or a file path relative to the folder
        QByteArray value;
        QString operation;    // the audit line's operation: "studio-copy", "studio-edit" ...
        QString confirmation; // the typed name of a PROD connection
        // Lists the entity joins, written in the same run (one undo puts all back), as a
        // migration lists a new entity: the list as the target holds it, with `member` added
        // where `order` (the other side's list) places it; a missing list key starts with it.
        // With a `field`, the list is that array of the document at `list` (a folder's
        // epic.json "storyIds", project.json "epicIds"), written as the application saves a
        // document; a missing document is left missing (nothing to list the entity in).
        struct ListJoin
        {
            QString list;
            QString member;
            QStringList order;
            QString field = {};
        };
        QVector<ListJoin> joins = {};
    };
    struct Undo
    {
        QString location; // for the audit line
        QString runId;    // the run to undo
        QString operation;
        QString confirmation;
    };
    struct Outcome
    {
        bool unchanged = false; // the location already held the value: nothing written
        QString runId;          // the journaled run (a write, or the undo's own run)
        QString journalPath;
        QString target; // where it was written, for messages (never a secret)
    };

    static Result<Outcome> write(const TargetSession& session, const Write& request,
                                 const WorkflowContext& context);
    static Result<Outcome> write(const QString& folder, const Write& request,
                                 const WorkflowContext& context);
    static Result<Outcome> undo(const TargetSession& session, const Undo& request,
                                const WorkflowContext& context);
    static Result<Outcome> undo(const QString& folder, const Undo& request,
                                const WorkflowContext& context);
};

} // namespace pmkv
