#include "diff/sideentry.h"

#include <tuple>

namespace pmkv {
namespace {

int roleRank(KeyRole role)
{
    switch (role) {
    case KeyRole::People:
        return 0;
    case KeyRole::ProjectsList:
        return 1;
    case KeyRole::Project:
        return 2;
    case KeyRole::EpicsList:
        return 3;
    case KeyRole::Epic:
        return 4;
    case KeyRole::StoriesList:
        return 5;
    case KeyRole::Story:
        return 6;
    }
    return 7;
}

// Entities above the project level sort first; within a project, project-level entities
// sort before the epics; within an epic, epic-level ones before the stories.
int levelRank(const EntityRef& r)
{
    switch (r.role) {
    case KeyRole::People:
    case KeyRole::ProjectsList:
        return 0;
    case KeyRole::Project:
    case KeyRole::EpicsList:
        return 1;
    default:
        return 2;
    }
}

} // namespace

bool entityRefLess(const EntityRef& a, const EntityRef& b)
{
    const int la = levelRank(a);
    const int lb = levelRank(b);
    if (la == 0 || lb == 0) {
        if (la != lb)
            return la < lb;
        return roleRank(a.role) < roleRank(b.role);
    }
    if (int c = a.project.compare(b.project))
        return c < 0;
    if (la != lb)
        return la < lb;
    if (la == 1)
        return roleRank(a.role) < roleRank(b.role);
    if (int c = a.epic.compare(b.epic))
        return c < 0;
    const bool sa = a.role == KeyRole::Story;
    const bool sb = b.role == KeyRole::Story;
    if (sa != sb)
        return !sa;
    if (!sa)
        return roleRank(a.role) < roleRank(b.role);
    return a.story < b.story;
}

} // namespace pmkv
