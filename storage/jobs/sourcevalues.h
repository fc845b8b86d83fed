#pragma once

#include "core/result.h"
#include "jobs/migrationplan.h"

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QVector>

class QThreadPool;

namespace pmkv {

// The value bytes of plan items whose plan holds only their hash (Planner::Params::holdValues
// false): each made again from its file under the plan's root, as the planner made it
// (JsStringify of the file), and checked against the item's SHA-256. A file that changed since
// the plan was made, or can no longer be read, is an error naming it and its key (plan.stale,
// plan.source), which the caller completes with what to do.
class SourceValues final
{
public:
    // One value per item, in their order: the item's own bytes where it holds them, else read.
    static Result<QVector<QByteArray>> of(const QString& root,
                                          const QVector<const PlanItem*>& items);
    // The same, on `pool`: the items in parts, one per thread of the pool, read side by side.
    // The first error of the parts, in item order, is the result's.
    static QFuture<Result<QVector<QByteArray>>>
    start(const QString& root, const QVector<const PlanItem*>& items, QThreadPool* pool);
};

} // namespace pmkv
