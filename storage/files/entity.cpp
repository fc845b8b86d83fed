#include "files/entity.h"

namespace pmkv {

QString entityKindName(EntityKind kind)
{
    switch (kind) {
    case EntityKind::People:
        return QStringLiteral("people");
    case EntityKind::Project:
        return QStringLiteral("project");
    case EntityKind::Epic:
        return QStringLiteral("epic");
    case EntityKind::Story:
        return QStringLiteral("story");
    case EntityKind::NonData:
        return QStringLiteral("non-data");
    }
    return {};
}

nlohmann::ordered_json Entity::document() const
{
    return nlohmann::ordered_json::parse(raw.constBegin(), raw.constEnd(), nullptr, false);
}

} // namespace pmkv
