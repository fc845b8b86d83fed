#pragma once

#include "layout/entityref.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace pmkv {

// One write a sync will make on its target: put `value` at `location` (a key, or a file path
// relative to the target folder). `expected` is the target's value when the plan was made
// (empty and !targetExists for a create), so execution can refuse a target that changed
// underneath. `ttl` (seconds, KV targets) is set with the value when positive.
struct SyncAction
{
    enum class Kind : unsigned char { Create, Update };

    Kind kind = Kind::Create;
    EntityRef ref;
    QString location;
    QByteArray value;
    bool targetExists = false;
    QByteArray expected;
    std::optional<qint64> ttl;
    QString fields; // "" for the whole entity, else the JSON Pointers copied, comma-separated
};

const char* syncActionKindName(SyncAction::Kind kind);

} // namespace pmkv
