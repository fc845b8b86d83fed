#pragma once

#include <QMetaType>
#include <QString>

#include <array>

namespace pmkv {

// How one entity compares between the pm/ folder and the key space.
// * Same: the KV value is byte for byte what the application would write for the file.
// * JsonEqual: the same JSON document, written differently (key order, spacing, escapes).
// * Changed: a different document.
// * OnlyFiles / OnlyKv: present on one side only.
// * Unreadable: the file has errors (it cannot be mapped) or the KV value is not JSON.
// * Unknown: not compared yet. Unmapped: a key outside the layout (not an entity).
enum class SyncState : quint8 {
    Unknown,
    Same,
    JsonEqual,
    Changed,
    OnlyFiles,
    OnlyKv,
    Unreadable,
    Unmapped
};
constexpr int kSyncStateCount = 8;

// Per-state counts rolled up over a subtree.
struct SyncCounts
{
    std::array<int, kSyncStateCount> n{};

    int& operator[](SyncState s) { return n[size_t(s)]; }
    int operator[](SyncState s) const { return n[size_t(s)]; }
    int differences() const; // Changed + OnlyFiles + OnlyKv + Unreadable + JsonEqual
    int oneSided() const;    // OnlyFiles + OnlyKv
    int compared() const;    // everything but Unknown and Unmapped
};

QString syncStateName(SyncState state); // translated, e.g. "only in files"
bool isDifference(SyncState state);
bool isOneSided(SyncState state);

} // namespace pmkv

Q_DECLARE_METATYPE(pmkv::SyncState)
Q_DECLARE_METATYPE(pmkv::SyncCounts)
