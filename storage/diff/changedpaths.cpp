#include "diff/changedpaths.h"

namespace pmkv {

QStringList ChangedPaths::of(const EntityDiff& diff, int limit)
{
    QStringList paths;
    for (const FieldChange& change : diff.changes) {
        if (paths.size() == limit) {
            paths << QStringLiteral("...");
            break;
        }
        paths << (change.path.empty() ? QStringLiteral("(whole value)")
                                      : QString::fromStdString(change.path));
    }
    return paths;
}

} // namespace pmkv
