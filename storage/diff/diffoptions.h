#pragma once

#include "diff/jsonpointer.h"

#include <QStringList>

#include <string>
#include <vector>

namespace pmkv {

// What a comparison leaves out:
// * `ignore`: fields whose pointer matches a pattern are neither compared nor patched;
// * `ignoreWhitespace`: two strings equal once every run of whitespace is one space and
//   the ends are trimmed (like `diff -b`, plus line-end spaces) count as equal;
// * `sets`: arrays whose pointer matches a pattern are compared as multisets (order ignored).
struct DiffOptions
{
    std::vector<PointerPattern> ignore;
    std::vector<PointerPattern> sets;
    bool ignoreWhitespace = false;

    // Parses the command-line form; false with a message naming the bad pattern.
    static bool fromLists(const QStringList& ignore, const QStringList& sets, bool ignoreWhitespace,
                          DiffOptions& out, QString& error);

    bool isIgnored(const std::vector<std::string>& tokens) const;
    bool isSet(const std::vector<std::string>& tokens) const;
    bool isDefault() const { return ignore.empty() && sets.empty() && !ignoreWhitespace; }
    // `text` with whitespace runs folded to one space and the ends trimmed.
    static std::string foldWhitespace(const std::string& text);
};

} // namespace pmkv
