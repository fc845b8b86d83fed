#include "layout/entityref.h"

namespace pmkv {

QString keyRoleName(KeyRole role)
{
    switch (role) {
    case KeyRole::People:
        return QStringLiteral("people");
    case KeyRole::ProjectsList:
        return QStringLiteral("projectsList");
    case KeyRole::Project:
        return QStringLiteral("project");
    case KeyRole::EpicsList:
        return QStringLiteral("epicsList");
    case KeyRole::Epic:
        return QStringLiteral("epic");
    case KeyRole::StoriesList:
        return QStringLiteral("storiesList");
    case KeyRole::Story:
        return QStringLiteral("story");
    }
    return {};
}

} // namespace pmkv
