#pragma once

#include "files/entity.h"

#include <QColor>
#include <QIcon>

namespace pmkv {

// Small icons drawn in code (no image plugins needed): a shape per kind, and problem badges
// that differ in shape as well as colour (round for errors, triangle for warnings), so they
// read without colour vision.
class EntityIcons final
{
public:
    static QIcon forKind(EntityKind kind, bool isFolder);
    static QIcon list(); // a list key: the projects, epics or stories list
    // What a badge stands for, for its tooltip: "S: a story" ... (translated).
    static QString badgeText(EntityKind kind, bool isFolder);
    static QString listBadgeText();
    static QIcon error();
    static QIcon warning();
    static QColor errorColor();
    static QColor warningColor();
};

} // namespace pmkv
