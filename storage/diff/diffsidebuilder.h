#pragma once

#include "core/result.h"
#include "diff/diffside.h"
#include "layout/keylayout.h"

#include <QVector>

namespace pmkv {

// Producers of DiffSides. Every kind of side goes through one of these, so the comparison
// never knows where the entities came from:
// * a pm/ folder: read with PmReader, mapped with KeyMapper; the value bytes are the exact
//   JSON.stringify bytes the application would write, so a file and a key compare equal
//   when the application would see the same thing. A data file that cannot be mapped (not
//   JSON, not UTF-8, unsafe name...) becomes an unreadable entry carrying the reason.
// * KV items (from a live store or a snapshot file, read elsewhere): each key is turned into
//   its EntityRef by the layout; keys that match no role are listed as unmapped. Two KV
//   sides with different layouts line up because alignment is on EntityRef.
class DiffSideBuilder final
{
public:
    struct KvItem
    {
        QString key;
        QByteArray value;
        QString type;              // "string", "hash", ...; empty when unknown
        std::optional<qint64> ttl; // seconds, -1 for none; empty when unknown
    };

    static Result<DiffSide> fromFolder(const QString& root, const KeyLayout& layout);
    static DiffSide fromKvItems(const QString& spec, const QString& description,
                                const QVector<KvItem>& items, const KeyLayout& layout);
};

} // namespace pmkv
