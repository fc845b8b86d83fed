#pragma once

#include <QMetaType>
#include <QStringView>

#include <array>
#include <optional>

namespace pmkv {

// How one entity (or key) compares between two sides: the one vocabulary of the validator,
// the diff and the GUI's sync states.
// * Same: identical value bytes;
// * EqualJson: other bytes, the same JSON document (member order, spacing, escapes), or a
//   difference only in what a diff's ignore rules leave out;
// * Changed: a different document;
// * OnlyLeft / OnlyRight: the other side has no such entity (folder against key space:
//   only in the files / only in the key space);
// * Unreadable: a side has it but it cannot be compared (not JSON, not a string key).
enum class Comparison : quint8 { Same, EqualJson, Changed, OnlyLeft, OnlyRight, Unreadable };
constexpr int kComparisonCount = 6;

// How the one-sided outcomes are named: a diff of any two sides says left and right; the
// validator, which always compares a folder (left) with a key space (right), says files and kv.
enum class ComparisonSides : quint8 { LeftRight, FilesKv };

// The machine name scripts read in JSON and reports: "same", "equal-json", "changed",
// "only-left" / "only-files", "only-right" / "only-kv", "unreadable".
const char* comparisonKey(Comparison comparison,
                          ComparisonSides sides = ComparisonSides::LeftRight);
// The comparison a machine name stands for, in either side spelling.
std::optional<Comparison> comparisonFromKey(QStringView key);
// Anything but Same (EqualJson counts: the bytes differ).
bool differsInBytes(Comparison comparison);
// Changed, one-sided or unreadable: the documents are not the same.
bool differsInContent(Comparison comparison);

// How many entities (or keys) compared each way.
struct ComparisonCounts
{
    std::array<qint64, kComparisonCount> n{};

    qint64& operator[](Comparison c) { return n[size_t(c)]; }
    qint64 operator[](Comparison c) const { return n[size_t(c)]; }
    qint64 total() const;
    qint64 differing() const; // differsInContent
    ComparisonCounts& operator+=(const ComparisonCounts& other);
};

} // namespace pmkv

Q_DECLARE_METATYPE(pmkv::Comparison)
