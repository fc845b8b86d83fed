#pragma once

#include "core/comparison.h"
#include "diff/fieldchange.h"
#include "diff/jsonpatch.h"
#include "layout/entityref.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace pmkv {

// How one entity compares between two sides (the state is a Comparison, core/comparison.h);
// a Changed entity carries its field-level changes and the RFC 6902 patch left -> right, an
// Unreadable one the reason per side.
// KV sides also compare the Redis type and the TTL; a difference there is flagged on top of
// the state (an entity can be Same in value and differ in TTL).
struct EntityDiff
{
    using State = Comparison;
    static constexpr int stateCount = kComparisonCount;

    State state = State::Same;
    EntityRef ref;
    QString leftLocation;
    QString rightLocation;
    QString leftUnreadable;
    QString rightUnreadable;
    QString leftType;
    QString rightType;
    std::optional<qint64> leftTtl;
    std::optional<qint64> rightTtl;
    // The value bytes of each side (shared with the side, not copied), for reports and sync.
    QByteArray leftValue;
    QByteArray rightValue;
    bool typeDiffers = false;
    bool ttlDiffers = false;
    std::vector<FieldChange> changes;
    JsonPatch::Operations patch;

    // Anything but Same or EqualJson, or a type/TTL difference on top of those.
    bool isDifferent() const { return differsInContent(state) || typeDiffers || ttlDiffers; }
};

// "people", "project demo", "epic demo/alpha", "story demo/alpha/F-AI-001", "stories list ..."
QString entityTitle(const EntityRef& ref);

} // namespace pmkv
