#pragma once

#include "diff/diffrollup.h"
#include "diff/entitydiff.h"
#include "files/problem.h"

#include <QDateTime>
#include <QStringList>
#include <QVector>

#include <array>

namespace pmkv {

// The outcome of comparing two sides: run metadata, one EntityDiff per entity that differs
// (and per identical one when asked), counts per state and roll-ups per project and epic.
// Entities are in entityRefLess order, so two runs over the same data give the same report.
struct DiffReport
{
    struct SideInfo
    {
        QString spec;
        QString kind;
        QString description;
        QString layout;
        int entities = 0;
        qint64 valueBytes = 0;
        QStringList unmappedKeys;
        QVector<Problem> problems;
    };

    QDateTime startedAt;
    double seconds = 0;
    SideInfo left;
    SideInfo right;
    QStringList ignore;
    QStringList sets;
    bool ignoreWhitespace = false;

    QVector<EntityDiff> entities;
    ComparisonCounts counts;
    int typeOrTtl = 0;
    QVector<DiffRollup> rollups; // per project, then its epics, in order

    int count(EntityDiff::State state) const { return int(counts[state]); }
    int total() const;
    // Anything a user would want to know: a changed, missing or unreadable entity, a type
    // or TTL difference, or a KV key that matches no role of its layout.
    bool hasDifferences() const;
};

} // namespace pmkv
