#pragma once

#include "files/entity.h"
#include "files/problem.h"

#include <QByteArrayView>
#include <QVector>

namespace pmkv {

// Checks one document (the compact text JsStringify wrote for the file) against the field rules of
// pm-format.md and extracts the fields the tree needs (ids, title, child ids, person references)
// into the Entity.
//
// Errors: the top level is not the required object/array, a required field is missing or
// has the wrong type. Warnings: optional fields of the wrong type, values outside the known
// enumerations, story ids that do not fit the pattern or differ from the file name.
class DocumentValidator final
{
public:
    static void validate(Entity& entity, QByteArrayView compactJson, QVector<Problem>& problems);

    // `(F|NFR)-[A-Z]{2,6}-\d{3}` (current) or `STORY-\d+` (older data).
    static bool isKnownStoryIdPattern(const QString& id);
};

} // namespace pmkv
