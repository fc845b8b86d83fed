#pragma once

#include "core/result.h"
#include "jobs/migrationplan.h"
#include "kv/kvstore.h"

#include <atomic>

namespace pmkv {

// Makes a MigrationPlan: reads the pm/ tree, maps it under a layout (KeyMapper), keeps the
// projects in scope, reads what the key space holds for every key (a whole-tree plan lists
// and reads the key space under the prefix while the tree is read, KeySpacePrefetch; a scoped
// one reads its keys afterwards: MGET + PTTL + TYPE in batches) and decides each key's action
// under the policy:
//   absent -> create; identical bytes -> skip; different -> update (overwrite),
//   skip (skip-existing) or conflict (abort-on-conflict); not a string -> conflict always.
// With a project scope the projects list is the tree's order of the projects in scope plus
// those the key space already lists (so a partial migration never lists a project that has
// no key, nor drops one migrated earlier); its value is saved in the plan.
class Planner final
{
public:
    struct Params
    {
        QString root;
        QString layoutSpec = QStringLiteral("repository");
        QString prefix;       // empty: the layout's default
        QStringList projects; // empty: the whole tree
        MigrationPlan::Policy policy = MigrationPlan::Policy::AbortOnConflict;
        int readBatch = 1000;
        // readSource(): hash every value (PlanItem::sha256), and with planChecksums the plan's
        // checksums over them (a validation compares by hash, but has no plan to check).
        bool hashValues = true;
        bool planChecksums = true;
        // plan(), readSource(): false keeps only the hash and size of each file's value, not
        // its bytes (list keys keep theirs). Migrator makes them again from the files, batch
        // by batch, and stops with plan.stale at a file changed since (SourceValues). Spares
        // the memory of every value: for `pmkv migrate` and `pmkv validate`.
        bool holdValues = true;
        // Set from another thread (Ctrl-C) to stop reading the tree; plan() and readSource()
        // then fail with code "read.cancelled" and nothing is planned.
        const std::atomic_bool* cancel = nullptr;
    };

    static Result<MigrationPlan> plan(const Params& params, KvStore& store);
    // The source side only: items with values and hashes, actions all "create".
    static Result<MigrationPlan> readSource(const Params& params);
    // Fills the values of a saved plan from its tree, refusing (code "plan.stale") when a
    // source value no longer has the hash the plan recorded.
    static Result<void> loadValues(MigrationPlan& plan);
};

} // namespace pmkv
