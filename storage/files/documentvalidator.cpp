#include "files/documentvalidator.h"

#include <QRegularExpression>

#include <initializer_list>

namespace pmkv {
namespace {

using Json = nlohmann::ordered_json;

enum TypeMask : unsigned {
    String = 1,
    Number = 2,
    Boolean = 4,
    Null = 8,
    Array = 16,
    Object = 32,
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

unsigned typeOf(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::string:
        return String;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return Number;
    case Json::value_t::boolean:
        return Boolean;
    case Json::value_t::null:
        return Null;
    case Json::value_t::array:
        return Array;
    case Json::value_t::object:
        return Object;
    default:
        return 0;
    }
}

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

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

template <size_t N>
void checkFields(const Json& object, const FieldRule (&rules)[N], const QString& path,
                 const QString& where, QVector<Problem>& problems)
{
    for (const FieldRule& rule : rules) {
        const QString field = QString::fromLatin1(rule.name);
        const auto it = object.find(rule.name);
        if (it == object.end()) {
            if (rule.required)
                problems.append(
                    Problem::error(path, QStringLiteral("field.missing"),
                                   QStringLiteral("%1missing required field \"%2\" (%3); add it")
                                       .arg(where, field, describeTypes(rule.types))));
            continue;
        }
        if (!(typeOf(*it) & rule.types)) {
            const QString message = QStringLiteral("%1field \"%2\" should be %3")
                                        .arg(where, field, describeTypes(rule.types));
            problems.append(rule.required
                                ? Problem::error(path, QStringLiteral("field.type"), message)
                                : Problem::warning(path, QStringLiteral("field.type"), message));
            continue;
        }
        if (rule.allowedValues.size() > 0 && it->is_string()) {
            const std::string& value = it->get_ref<const std::string&>();
            bool known = false;
            QStringList allowed;
            for (const char* v : rule.allowedValues) {
                known = known || value == v;
                allowed << QString::fromLatin1(v);
            }
            if (!known)
                problems.append(Problem::warning(
                    path, QStringLiteral("field.value"),
                    QStringLiteral("%1field \"%2\" is \"%3\", expected one of %4")
                        .arg(where, field, q(value), allowed.join(QStringLiteral(", ")))));
        }
    }
}

QString stringField(const Json& object, const char* name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? q(it->get_ref<const std::string&>()) : QString();
}

QStringList stringArray(const Json& object, const char* name, const QString& path,
                        QVector<Problem>& problems)
{
    QStringList result;
    const auto it = object.find(name);
    if (it == object.end() || !it->is_array())
        return result;
    for (const Json& item : *it) {
        if (item.is_string()) {
            result << q(item.get_ref<const std::string&>());
        } else {
            problems.append(Problem::warning(
                path, QStringLiteral("field.type"),
                QStringLiteral("\"%1\" holds a non-string item (%2); it is ignored")
                    .arg(QString::fromLatin1(name), q(item.dump()).left(40))));
        }
    }
    return result;
}

void validatePeople(Entity& entity, const Json& document, QVector<Problem>& problems)
{
    const QString& path = entity.relativePath;
    for (size_t i = 0; i < document.size(); ++i) {
        const Json& person = document[i];
        const QString where = QStringLiteral("person #%1: ").arg(i + 1);
        if (!person.is_object()) {
            problems.append(Problem::error(path, QStringLiteral("person.type"),
                                           where + QStringLiteral("is not an object")));
            continue;
        }
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

void addPersonRef(Entity& entity, const Json& object, const char* name)
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

void DocumentValidator::validate(Entity& entity, const nlohmann::ordered_json& document,
                                 QVector<Problem>& problems)
{
    const QString& path = entity.relativePath;
    if (entity.kind == EntityKind::People) {
        if (!document.is_array()) {
            problems.append(
                Problem::error(path, QStringLiteral("document.type"),
                               QStringLiteral("people.json must hold a JSON array of people")));
            return;
        }
        entity.parsed = true;
        validatePeople(entity, document, problems);
        return;
    }
    if (!document.is_object()) {
        problems.append(Problem::error(path, QStringLiteral("document.type"),
                                       QStringLiteral("must hold a JSON object, found %1")
                                           .arg(QString::fromLatin1(document.type_name()))));
        return;
    }
    entity.parsed = true;
    const QString none;
    switch (entity.kind) {
    case EntityKind::Project: {
        checkFields(document, kProjectRules, path, none, problems);
        entity.title = stringField(document, "name");
        entity.childIds = stringArray(document, "epicIds", path, problems);
        const auto metadata = document.find("metadata");
        if (metadata != document.end() && metadata->is_object()) {
            addPersonRef(entity, *metadata, "manager");
            entity.personRefs += stringArray(*metadata, "contributors", path, problems);
        }
        break;
    }
    case EntityKind::Epic:
        checkFields(document, kEpicRules, path, none, problems);
        entity.documentId = stringField(document, "id");
        entity.title = stringField(document, "title");
        entity.childIds = stringArray(document, "storyIds", path, problems);
        addPersonRef(entity, document, "manager");
        break;
    case EntityKind::Story: {
        checkFields(document, kStoryRules, path, none, problems);
        entity.documentId = stringField(document, "id");
        entity.title = stringField(document, "title");
        entity.epicIdField = stringField(document, "epicId");
        const auto deleted = document.find("deleted");
        entity.deleted = deleted != document.end() && deleted->is_boolean() && deleted->get<bool>();
        addPersonRef(entity, document, "manager");
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
