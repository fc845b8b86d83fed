#pragma once

#include "core/result.h"
#include "kv/kvreply.h"
#include "workflows/workflowcontext.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace pmkv {

class TargetSession;

// A typed edit of a key space as a journaled, undoable run: set or delete a hash field, push
// or remove a list item, add or remove a set or sorted-set member, add or delete a stream
// entry, set or remove a TTL, create, rename or delete a key. The commands run as one
// MULTI/EXEC after the session's write rule (read-only refused first, then PROD's typed name:
// "prod-not-confirmed" with the next step ConfirmProd). The run (kind "key-edit") journals
// the touched keys' images (kv/keyimage.h) before it writes and after; undo checks that the
// keys still hold the "after" images ("undo-conflict" when someone changed them since),
// puts the "before" images back as a run of its own (kind "key-edit-undo") and marks the edit
// undone. Each run, and each refusal, gets an audit line.
//
// Blocking: call it on a worker, never on the store's thread or the GUI thread.
class KeyEditWorkflow final
{
public:
    struct Edit
    {
        QVector<QByteArray> keys;    // every key the commands change (a rename: both names)
        QVector<KvCommand> commands; // run together, MULTI ... EXEC
        QString operation;           // the audit line's: "studio-hash-set", "studio-rename" ...
        QString confirmation;        // the typed name of a PROD connection
        // Keys that must not exist yet (a new key, a rename's new name): refused with code
        // "key-exists" before anything is journaled or written.
        QVector<QByteArray> mustNotExist;
        // List keys (JSON arrays of names) to take a member out of, in the same run: a deleted
        // entity leaves its stories, epics or projects list, as a new one joins it. A list
        // that does not hold it is left alone; one that is not an array refuses the edit
        // ("list-not-array") before anything is written.
        struct ListLeave
        {
            QByteArray list;
            QString member;
        };
        QVector<ListLeave> leaves = {};
    };
    struct Undo
    {
        QString runId; // the key-edit run to undo
        QString operation;
        QString confirmation;
    };
    struct Outcome
    {
        QString runId; // the edit's run, or the undo's own run
        QString journalPath;
        QString target; // never a secret
    };

    static constexpr const char* kKind = "key-edit";
    static constexpr const char* kUndoKind = "key-edit-undo";

    static Result<Outcome> apply(const TargetSession& session, const Edit& edit,
                                 const WorkflowContext& context);
    static Result<Outcome> undo(const TargetSession& session, const Undo& request,
                                const WorkflowContext& context);
};

} // namespace pmkv
