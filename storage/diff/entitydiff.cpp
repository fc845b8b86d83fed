#include "diff/entitydiff.h"

namespace pmkv {

QString entityTitle(const EntityRef& ref)
{
    switch (ref.role) {
    case KeyRole::People:
        return QStringLiteral("people");
    case KeyRole::ProjectsList:
        return QStringLiteral("projects list");
    case KeyRole::Project:
        return QStringLiteral("project ") + ref.project;
    case KeyRole::EpicsList:
        return QStringLiteral("epics list ") + ref.project;
    case KeyRole::Epic:
        return QStringLiteral("epic ") + ref.project + QLatin1Char('/') + ref.epic;
    case KeyRole::StoriesList:
        return QStringLiteral("stories list ") + ref.project + QLatin1Char('/') + ref.epic;
    case KeyRole::Story:
        return QStringLiteral("story ") + ref.project + QLatin1Char('/') + ref.epic +
               QLatin1Char('/') + ref.story;
    }
    return QString();
}

} // namespace pmkv
