#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace pmkv {

// What the Type, TTL and Size columns show of a key (TYPE, PTTL, MEMORY USAGE), fetched
// lazily for the rows a view asks about.
struct KvKeyMeta
{
    QByteArray key;
    QByteArray type;   // empty: not known
    qint64 ttlMs = -1; // PTTL: -1 no expiry, -2 gone
    qint64 bytes = -1; // MEMORY USAGE; -1 not known (a server that does not answer it)
};

} // namespace pmkv
