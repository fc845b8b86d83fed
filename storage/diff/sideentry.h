#pragma once

#include "layout/entityref.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace pmkv {

// One entity of a side: its layout-independent identity, where it lives on that side (the
// file or the key), and either its value bytes or why it could not be read. KV producers
// also fill the Redis type ("string", "hash", ...) and the TTL in seconds (-1: none).
struct SideEntry
{
    EntityRef ref;
    QString location; // file path (relative to the side's root) or key
    QString key;      // the key under the side's layout (files: the key it would get)
    QByteArray value;
    QString kvType;            // empty when the side has no types (files)
    std::optional<qint64> ttl; // empty when the side has no TTLs (files)
    QString unreadable;        // non-empty: why there is no value
    bool isReadable() const { return unreadable.isEmpty(); }
};

// Orders entities the same way on every side: people, projects list, then per project the
// project, its epics list, then per epic the epic, its stories list and its stories.
bool entityRefLess(const EntityRef& a, const EntityRef& b);

} // namespace pmkv
