#include "files/documentvalidator.h"

#include "files/compactjson.h"

#include <QRegularExpression>

#include <initializer_list>

namespace pmkv {
namespace {

using Json = CompactJson;
using Members = std::vector<CompactJson::Member>;

enum TypeMask : unsigned {
    String = CompactJson::String,
    Number = CompactJson::Number,
    Boolean = CompactJson::Boolean,
    Null = CompactJson::Null,
    Array = CompactJson::Array,
    Object = CompactJson::Object,
};

struct FieldRule
{
    const char* name;
    unsigned types;
    bool required;
    std::initializer_list<const char*> allowedValues = {};
};

const std::initializer_list<const char*> kStatuses = {"todo", "in_progress", "blocked", "done"};
const std::initializer_list<const char*> kPriorities = {"low", "medium", "high", "critical"};

const FieldRule kProjectRules[] = {
    {"name", String, true},
    {"summary", String | Null, false},
    {"description", String | Null, false},
    {"epicIds", Array, false},
    {"defaultStatuses", Array | Object, false},
    {"defaultPriorities", Array | Object, false},
    {"createdAt", String | Null, false},
    {"updatedAt", String | Null, false},
    {"metadata", Object, false},
};

const FieldRule kEpicRules[] = {
    {"id", String, true},
    {"title", String, true},
    {"summary", String | Null, false},
    {"description", String | Null, false},
    {"status", String, false, kStatuses},
    {"priority", String, false, kPriorities},
    {"manager", String | Null, false},
    {"createdAt", String | Null, false},
    {"updatedAt", String | Null, false},
    {"targetRelease", String | Null, false},
    {"storyIds", Array, false},
    {"metrics", Object | Null, false},
    {"metadata", Object | Null, false},
};

const FieldRule kStoryRules[] = {
    {"id", String, true},
    {"title", String, true},
    {"requirementType", String, false, {"functional", "non-functional"}},
    {"epicId", String, false},
    {"summary", String | Null, false},
    {"description", String | Null, false},
    {"acceptanceCriteria", Array, false},
    {"status", String, false, kStatuses},
    {"priority", String, false, kPriorities},
    {"manager", String | Null, false},
    {"createdAt", String | Null, false},
    {"updatedAt", String | Null, false},
    {"plannedStartDate", String | Null, false},
    {"plannedDueDate", String | Null, false},
    {"actualStartDate", String | Null, false},
    {"actualDueDate", String | Null, false},
    {"dueDate", String | Number | Null, false},
    {"tags", Array, false},
    {"estimate", Object | Null, false},
    {"relatedStories", Array, false},
    {"mentions", Array, false},
    {"files", Array, false},
    {"metadata", Object | Null, false},
    {"deleted", Boolean, false},
    {"archived", Boolean, false},
};

const FieldRule kPersonRules[] = {
    {"id", String, true},
    {"name", String, true},
    {"email", String | Null, false},
    {"designation", String | Null, false},
    {"roleInProject", String | Null, false},
};

QString describeTypes(unsigned types)
{
    QStringList names;
    if (types & String)
        names << QStringLiteral("a string");
    if (types & Number)
        names << QStringLiteral("a number");
    if (types & Boolean)
        names << QStringLiteral("true/false");
    if (types & Array)
        names << QStringLiteral("an array");
    if (types & Object)
        names << QStringLiteral("an object");
    if (types & Null)
        names << QStringLiteral("null");
    return names.join(QStringLiteral(" or "));
}

template <size_t N>
void checkFields(const Members& object, const FieldRule (&rules)[N], const QString& path,
                 const QString& where, QVector<Problem>& problems)
{
    for (const FieldRule& rule : rules) {
        const QString field = QString::fromLatin1(rule.name);
        const Json* it = CompactJson::find(object, rule.name);
        if (!it) {
            if (rule.required)
                problems.append(
                    Problem::error(path, QStringLiteral("field.missing"),
                                   QStringLiteral("%1missing required field \"%2\" (%3); add it")
                                       .arg(where, field, describeTypes(rule.types))));
            continue;
        }
        if (!(it->type() & rule.types)) {
            const QString message = QStringLiteral("%1field \"%2\" should be %3")
                                        .arg(where, field, describeTypes(rule.types));
            problems.append(rule.required
                                ? Problem::error(path, QStringLiteral("field.type"), message)
                                : Problem::warning(path, QStringLiteral("field.type"), message));
            continue;
        }
        if (rule.allowedValues.size() > 0 && it->isString()) {
            // Allowed values are plain ASCII: the written text compares as is.
            const QByteArrayView value = it->text().sliced(1, it->text().size() - 2);
            bool known = false;
            for (const char* v : rule.allowedValues)
                known = known || value == QByteArrayView(v);
            if (!known) {
                QStringList allowed;
                for (const char* v : rule.allowedValues)
                    allowed << QString::fromLatin1(v);
                problems.append(Problem::warning(
                    path, QStringLiteral("field.value"),
                    QStringLiteral("%1field \"%2\" is \"%3\", expected one of %4")
                        .arg(where, field, it->toString(), allowed.join(QStringLiteral(", ")))));
            }
        }
    }
}

QString stringField(const Members& object, const char* name)
{
    const Json* it = CompactJson::find(object, name);
    return it && it->isString() ? it->toString() : QString();
}

QStringList stringArray(const Members& object, const char* name, const QString& path,
                        QVector<Problem>& problems)
{
    QStringList result;
    const Json* it = CompactJson::find(object, name);
    if (!it || !it->isArray())
        return result;
    for (const Json& item : it->elements()) {
        if (item.isString()) {
            result << item.toString();
        } else {
            problems.append(Problem::warning(
                path, QStringLiteral("field.type"),
                QStringLiteral("\"%1\" holds a non-string item (%2); it is ignored")
                    .arg(QString::fromLatin1(name), QString::fromUtf8(item.text()).left(40))));
        }
    }
    return result;
}

void validatePeople(Entity& entity, const Json& document, QVector<Problem>& problems)
{
    const QString& path = entity.relativePath;
    const std::vector<Json> people = document.elements();
    for (size_t i = 0; i < people.size(); ++i) {
        const Json& item = people[i];
        const QString where = QStringLiteral("person #%1: ").arg(i + 1);
        if (!item.isObject()) {
            problems.append(Problem::error(path, QStringLiteral("person.type"),
                                           where + QStringLiteral("is not an object")));
            continue;
        }
        const Members person = item.members();
        checkFields(person, kPersonRules, path, where, problems);
        const QString id = stringField(person, "id");
        if (id.isEmpty())
            continue;
        if (entity.personIds.contains(id))
            problems.append(Problem::warning(
                path, QStringLiteral("person.duplicate"),
                where + QStringLiteral("id \"%1\" appears more than once").arg(id)));
        entity.personIds << id;
    }
}

void addPersonRef(Entity& entity, const Members& object, const char* name)
{
    const QString id = stringField(object, name);
    if (!id.isEmpty())
        entity.personRefs << id;
}

} // namespace

bool DocumentValidator::isKnownStoryIdPattern(const QString& id)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:(?:F|NFR)-[A-Z]{2,6}-\\d{3}|STORY-\\d+)$"));
    return pattern.match(id).hasMatch();
}

void DocumentValidator::validate(Entity& entity, QByteArrayView compactJson,
                                 QVector<Problem>& problems)
{
    const CompactJson document(compactJson);
    const QString& path = entity.relativePath;
    if (entity.kind == EntityKind::People) {
        if (!document.isArray()) {
            problems.append(
                Problem::error(path, QStringLiteral("document.type"),
                               QStringLiteral("people.json must hold a JSON array of people")));
            return;
        }
        entity.parsed = true;
        validatePeople(entity, document, problems);
        return;
    }
    if (!document.isObject()) {
        problems.append(Problem::error(path, QStringLiteral("document.type"),
                                       QStringLiteral("must hold a JSON object, found %1")
                                           .arg(QString::fromLatin1(document.typeName()))));
        return;
    }
    entity.parsed = true;
    const Members members = document.members();
    const QString none;
    switch (entity.kind) {
    case EntityKind::Project: {
        checkFields(members, kProjectRules, path, none, problems);
        entity.title = stringField(members, "name");
        entity.childIds = stringArray(members, "epicIds", path, problems);
        const Json* metadata = CompactJson::find(members, "metadata");
        if (metadata && metadata->isObject()) {
            const Members fields = metadata->members();
            addPersonRef(entity, fields, "manager");
            entity.personRefs += stringArray(fields, "contributors", path, problems);
        }
        break;
    }
    case EntityKind::Epic:
        checkFields(members, kEpicRules, path, none, problems);
        entity.documentId = stringField(members, "id");
        entity.title = stringField(members, "title");
        entity.childIds = stringArray(members, "storyIds", path, problems);
        addPersonRef(entity, members, "manager");
        break;
    case EntityKind::Story: {
        checkFields(members, kStoryRules, path, none, problems);
        entity.documentId = stringField(members, "id");
        entity.title = stringField(members, "title");
        entity.epicIdField = stringField(members, "epicId");
        // The usual story repeats its file name and folder: one copy each, not three.
        if (entity.documentId == entity.story)
            entity.documentId = entity.story;
        if (entity.epicIdField == entity.epic)
            entity.epicIdField = entity.epic;
        const Json* deleted = CompactJson::find(members, "deleted");
        entity.deleted = deleted && deleted->isTrue();
        addPersonRef(entity, members, "manager");
        if (!entity.documentId.isEmpty() && entity.documentId != entity.story)
            problems.append(Problem::warning(
                path, QStringLiteral("story.id-mismatch"),
                QStringLiteral("id \"%1\" differs from the file name \"%2.json\"; the key uses the "
                               "file name")
                    .arg(entity.documentId, entity.story)));
        if (!isKnownStoryIdPattern(entity.story))
            problems.append(Problem::warning(
                path, QStringLiteral("story.id-pattern"),
                QStringLiteral("story id \"%1\" fits neither (F|NFR)-XX-000 nor STORY-000")
                    .arg(entity.story)));
        break;
    }
    case EntityKind::People:
    case EntityKind::NonData:
        break;
    }
}

} // namespace pmkv
