#pragma once

#include "core/result.h"
#include "diff/diffreport.h"
#include "layout/keylayout.h"
#include "sync/syncaction.h"

#include <QStringList>
#include <QVector>

#include <string>
#include <vector>

namespace pmkv {

// Turns a diff report into the writes that make the target side (right, or left with
// `fromRight`) equal to the source:
// * an entity only on the source is created;
// * a changed or equal-JSON entity is updated only with `overwrite` (otherwise skipped, as
//   --only-missing), and with `fields` only the patch operations under those JSON Pointers
//   are applied to the target's value (per-field copy);
// * an entity only on the target is left alone (sync never deletes), unreadable ones are
//   skipped with a note;
// * `entities`, when not empty, selects entities by title ("story demo/alpha/F-AI-001") or
//   by prefix of it ("epic demo/alpha" selects the epic; "demo/alpha" everything below).
// Values for a folder target are the application's pretty JSON (2 spaces), for a KV target
// the compact JSON.stringify bytes. List keys are synced to KV targets only: a folder has
// no list files (its lists are epicIds/storyIds inside the documents).
class SyncPlanner final
{
public:
    struct Options
    {
        bool fromRight = false;
        bool overwrite = false;
        bool targetIsFolder = false;
        // The target's layout: where an entity the target lacks goes (KV targets).
        std::optional<KeyLayout> targetLayout;
        QStringList entities;
        std::vector<std::string> fields;
    };

    struct Plan
    {
        QVector<SyncAction> actions;
        QStringList skipped; // "story x: why"
    };

    static Result<Plan> plan(const DiffReport& report, const Options& options);
    // Where an entity's document lives below a pm/ folder; empty for list roles. Refused
    // (sync.unsafe-name) when a name in it could not be a file's (NameSafety).
    static Result<QString> folderPath(const EntityRef& ref);
};

} // namespace pmkv
