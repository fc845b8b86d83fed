#pragma once

#include "core/result.h"
#include "jobs/jobpaths.h"
#include "jobs/validator.h"

#include <QString>
#include <QVector>

#include <functional>
#include <optional>

namespace pmkv {

// Phase 6: renames pm/ to pm-backup/ (never deletes), only after a checklist passes:
//   * a verified backup exists (the newest <name>-backup-*.tar.gz beside the folder, or the
//     one given, read end to end against its manifest);
//   * the target name is free (otherwise the next free "-2", "-3" ... suffix is chosen);
//   * the target is on the same filesystem (so the rename is atomic);
//   * no migration run is unfinished;
//   * a full validation of this folder against the key space, made for this archive, passes
//     (the job reads the validation's outcome itself: whole tree, not a sample, same folder;
//     whether what it found passes is the workflow layer's rule, given as `accepts`), or the
//     user overrides it explicitly.
// The rename is journaled (a run of kind "archive", params from/to) and undo() renames it
// back.
class ArchiveJob final
{
public:
    struct Check
    {
        QString name; // "backup", "target", "filesystem", "runs", "validation"
        bool ok = false;
        QString detail;
        NextStep next; // what makes a failed check pass
    };
    struct Params
    {
        JobPaths paths;
        QString root;
        QString target; // empty: <root>-backup (with a suffix if taken)
        QString backup; // empty: the newest beside the root
        // The validation's outcome; none when no key space was given.
        std::optional<Validator::Outcome> validation;
        // Whether a full validation of the right folder passes (workflows/verdict.h); unset:
        // none does.
        std::function<bool(const Validator::Outcome&)> accepts;
        bool overrideValidation = false;
        bool dryRun = false;
    };
    struct Outcome
    {
        QVector<Check> checks;
        QString from;
        QString to;
        QString runId;
        bool renamed = false;
        bool passed() const;
    };

    static Result<Outcome> run(const Params& params);
    // The "validation" check alone: whether `validation` shows `root` (absolute) is in the
    // key space as it is in the files, as `accepts` judges it.
    static Check validationCheck(const QString& root,
                                 const std::optional<Validator::Outcome>& validation,
                                 const std::function<bool(const Validator::Outcome&)>& accepts);
    // Renames the archive of `runId` (empty: the newest archive run not undone) back.
    static Result<Outcome> undo(const JobPaths& paths, const QString& runId);
};

} // namespace pmkv
