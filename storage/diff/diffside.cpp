#include "diff/diffside.h"

#include <algorithm>

namespace pmkv {

void DiffSide::finish()
{
    std::stable_sort(entries.begin(), entries.end(), [](const SideEntry& a, const SideEntry& b) {
        return entityRefLess(a.ref, b.ref);
    });
    QVector<SideEntry> unique;
    unique.reserve(entries.size());
    valueBytes = 0;
    for (SideEntry& e : entries) {
        if (!unique.isEmpty() && unique.constLast().ref == e.ref) {
            problems.append(Problem::error(
                e.location, QStringLiteral("diff.duplicate"),
                QStringLiteral("%1 stands for the same entity as %2; only the first is compared")
                    .arg(e.location, unique.constLast().location)));
            continue;
        }
        valueBytes += e.value.size();
        unique.append(std::move(e));
    }
    entries = std::move(unique);
}

} // namespace pmkv
