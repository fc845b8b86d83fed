#pragma once

#include <QMetaType>
#include <QString>

#include "core/comparison.h"

#include <array>
#include <optional>

namespace pmkv {

// A row's state: how its entity compares between the pm/ folder (left) and the key space
// (right), one Comparison (core/comparison.h) under the names a files/KV window uses, or one
// of two states that are not a comparison:
// * Same, EqualJson, Changed, OnlyFiles (OnlyLeft), OnlyKv (OnlyRight),
//   Unreadable (the file cannot be mapped, or the KV value is not a JSON string);
// * Unknown: not compared yet. Unmapped: a key outside the layout (not an entity).
enum class SyncState : quint8 {
    Unknown,
    Same,
    EqualJson,
    Changed,
    OnlyFiles,
    OnlyKv,
    Unreadable,
    Unmapped
};
constexpr int kSyncStateCount = 8;

// The row state of a comparison, and the comparison of a row state (none for Unknown and
// Unmapped): the numbering is shared, so the conversion is an offset.
constexpr SyncState syncStateOf(Comparison comparison)
{
    return SyncState(quint8(comparison) + 1);
}
std::optional<Comparison> comparisonOf(SyncState state);
static_assert(syncStateOf(Comparison::Same) == SyncState::Same &&
              syncStateOf(Comparison::EqualJson) == SyncState::EqualJson &&
              syncStateOf(Comparison::Changed) == SyncState::Changed &&
              syncStateOf(Comparison::OnlyLeft) == SyncState::OnlyFiles &&
              syncStateOf(Comparison::OnlyRight) == SyncState::OnlyKv &&
              syncStateOf(Comparison::Unreadable) == SyncState::Unreadable);

// Per-state counts rolled up over a subtree.
struct SyncCounts
{
    std::array<int, kSyncStateCount> n{};

    int& operator[](SyncState s) { return n[size_t(s)]; }
    int operator[](SyncState s) const { return n[size_t(s)]; }
    int differences() const; // Changed + OnlyFiles + OnlyKv + Unreadable + EqualJson
    int oneSided() const;    // OnlyFiles + OnlyKv
    int compared() const;    // everything but Unknown and Unmapped
};

QString syncStateName(SyncState state); // translated, e.g. "only in files"
// Other bytes than the file's (EqualJson included): Comparison's differsInBytes.
bool isDifference(SyncState state);
bool isOneSided(SyncState state);

} // namespace pmkv

Q_DECLARE_METATYPE(pmkv::SyncState)
Q_DECLARE_METATYPE(pmkv::SyncCounts)
