#include "files/pmindex.h"

#include "core/permutationsort.h"

#include <algorithm>

namespace pmkv {

int PmIndex::count(EntityKind kind) const
{
    return int(std::count_if(entities.cbegin(), entities.cend(),
                             [kind](const Entity& e) { return e.kind == kind; }));
}

int PmIndex::errorCount() const
{
    return int(std::count_if(problems.cbegin(), problems.cend(),
                             [](const Problem& p) { return p.severity == Severity::Error; }));
}

int PmIndex::warningCount() const
{
    return int(problems.size()) - errorCount();
}

QVector<Problem> PmIndex::problemsFor(const QString& relativePath) const
{
    QVector<Problem> result;
    for (int i : m_problemsByPath.value(relativePath))
        result.append(problems.at(i));
    return result;
}

const Entity* PmIndex::findByPath(const QString& relativePath) const
{
    const auto it = m_entityByPath.constFind(relativePath);
    return it == m_entityByPath.cend() ? nullptr : &entities.at(*it);
}

void PmIndex::finish()
{
    sortThroughPermutation(
        entities, [](const Entity& a, const Entity& b) { return a.relativePath < b.relativePath; });
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        if (a.path != b.path)
            return a.path < b.path;
        return a.line < b.line;
    });
    m_entityByPath.clear();
    m_entityByPath.reserve(entities.size());
    for (int i = 0; i < entities.size(); ++i)
        m_entityByPath.insert(entities.at(i).relativePath, i);
    m_problemsByPath.clear();
    for (int i = 0; i < problems.size(); ++i)
        m_problemsByPath[problems.at(i).path].append(i);
}

} // namespace pmkv
