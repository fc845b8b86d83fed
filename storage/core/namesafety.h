#pragma once

#include <QString>

namespace pmkv {

// Whether a folder name or id can stand in a key: no ':' (the separator), no glob
// characters (* ? [ ]) that would make SCAN MATCH patterns lie, no whitespace or control
// characters, not empty.
class NameSafety final
{
public:
    // Empty when the name is safe; otherwise the reason, as a phrase ("contains ':'").
    static QString whyUnsafe(const QString& name);
};

} // namespace pmkv
