#pragma once

#include "diff/fieldchange.h"
#include "diff/jsonpatch.h"
#include "layout/entityref.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace pmkv {

// How one entity compares between two sides:
// * Same: identical value bytes;
// * EqualJson: the bytes differ but the JSON is equal (member order, escapes, number
//   spelling), or differs only in what the ignore rules leave out;
// * Changed: field-level changes (and the RFC 6902 patch left -> right);
// * OnlyLeft / OnlyRight: the other side has no such entity;
// * Unreadable: one side (or both) has it but cannot read it (reason per side).
// KV sides also compare the Redis type and the TTL; a difference there is flagged on top of
// the state (an entity can be Same in value and differ in TTL).
struct EntityDiff
{
    enum class State : unsigned char { Same, EqualJson, Changed, OnlyLeft, OnlyRight, Unreadable };
    static constexpr int stateCount = 6;

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

    bool isDifferent() const
    {
        return state != State::Same && state != State::EqualJson ? true : typeDiffers || ttlDiffers;
    }
};

const char* entityStateName(EntityDiff::State state);
// "people", "project demo", "epic demo/alpha", "story demo/alpha/F-AI-001", "stories list ..."
QString entityTitle(const EntityRef& ref);

} // namespace pmkv
