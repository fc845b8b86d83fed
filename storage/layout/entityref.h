#pragma once

#include <QString>

namespace pmkv {

// What a key stands for. List roles hold JSON arrays of names derived from the tree.
enum class KeyRole { People, ProjectsList, Project, EpicsList, Epic, StoriesList, Story };

QString keyRoleName(KeyRole role);

// An entity (or list) named by folder names and story id, independent of any layout.
struct EntityRef
{
    KeyRole role = KeyRole::Project;
    QString project;
    QString epic;
    QString story;

    bool operator==(const EntityRef& other) const
    {
        return role == other.role && project == other.project && epic == other.epic &&
               story == other.story;
    }
    bool operator!=(const EntityRef& other) const { return !(*this == other); }
};

} // namespace pmkv
