#pragma once

#include "diff/diffoptions.h"
#include "diff/diffreport.h"
#include "diff/diffside.h"

namespace pmkv {

// Aligns two sides on EntityRef (so two KV sides with different layouts line up) and
// compares every entity: bytes first (identical bytes are Same without parsing), then the
// JSON structurally under the ignore rules. Values are parsed only when the bytes differ, so
// comparing two mostly-equal sides costs little more than a memcmp per entity.
class SideComparer final
{
public:
    struct Options
    {
        DiffOptions diff;
        bool keepSame = false; // also list Same and EqualJson entities in the report
        qint64 ttlSlack = 10;  // seconds two expiring TTLs may differ (time passes between reads)
    };

    static DiffReport compare(const DiffSide& left, const DiffSide& right, const Options& options);
    // One entity, both sides given (either may be null: missing on that side).
    static EntityDiff compareEntry(const SideEntry* left, const SideEntry* right,
                                   const Options& options);
};

} // namespace pmkv
