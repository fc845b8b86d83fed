#pragma once

#include "diff/sideentry.h"
#include "files/problem.h"

#include <QStringList>
#include <QVector>

namespace pmkv {

// One side of a comparison: a set of entities keyed by EntityRef, whatever produced them
// (a pm/ folder, a KV store, a snapshot). Entities are sorted with entityRefLess and unique.
struct DiffSide
{
    QString spec;        // what the user named: a path, a connection
    QString kind;        // "folder", "kv", ...
    QString description; // for reports: "folder /work/pm", "redis://localhost:6379"
    QString layout;      // the key layout's name
    QVector<SideEntry> entries;
    QStringList unmappedKeys;  // KV keys that match no role of the layout
    QVector<Problem> problems; // what the producer noticed (warnings included)
    qint64 valueBytes = 0;

    // Sorts entries, drops later duplicates (each gets a problem) and sums valueBytes.
    void finish();
};

} // namespace pmkv
