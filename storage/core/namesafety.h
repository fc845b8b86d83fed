#pragma once

#include <QString>

namespace pmkv {

// Whether a folder name or id can stand in a key, and so also whether a name taken from a
// key can stand in a path: no ':' (the separator), no glob characters (* ? [ ]) that would
// make SCAN MATCH patterns lie, no whitespace or control characters, no path separator
// ('/' or '\'), not "." or "..", not empty. A name a file could not have never comes back
// from a key either, so nothing built from a key leads out of the folder it is joined to.
class NameSafety final
{
public:
    // Empty when the name is safe; otherwise the reason, as a phrase ("contains ':'").
    static QString whyUnsafe(const QString& name);
};

} // namespace pmkv
