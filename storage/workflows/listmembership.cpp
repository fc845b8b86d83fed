#include "workflows/listmembership.h"

#include "diff/jsonparser.h"

#include <algorithm>

namespace pmkv {
namespace {

Error notAList(const ListMembership::List& list)
{
    return makeError(QStringLiteral("list-not-array"),
                     list.field.isEmpty()
                         ? QStringLiteral("%1 holds no JSON array; the list was not changed and "
                                          "nothing was written")
                               .arg(list.name)
                         : QStringLiteral("%1 has no array \"%2\"; the list was not changed and "
                                          "nothing was written")
                               .arg(list.name, list.field));
}

// The array the list is in `document` (created as an empty field when a document lacks it).
Result<JsonValue*> arrayIn(JsonValue& document, const ListMembership::List& list)
{
    if (list.field.isEmpty())
        return document.isArray() ? &document : Result<JsonValue*>(notAList(list));
    if (!document.isObject())
        return notAList(list);
    const std::string field = list.field.toStdString();
    if (!document.find(field))
        document.insert(field, JsonValue::array());
    JsonValue* array = document.find(field);
    if (!array->isArray())
        return notAList(list);
    return array;
}

qsizetype indexOf(const JsonValue& array, const std::string& member)
{
    const auto& items = array.items();
    const auto it = std::find_if(items.begin(), items.end(), [&](const JsonValue& v) {
        return v.isString() && v.text() == member;
    });
    return it == items.end() ? -1 : qsizetype(it - items.begin());
}

QByteArray written(const JsonValue& document, bool pretty)
{
    return QByteArray::fromStdString(pretty ? document.pretty(2) : document.compact());
}

} // namespace

Result<QByteArray> ListMembership::join(const QByteArray& document, const List& list,
                                        const QString& member, const QStringList& order)
{
    JsonValue doc = list.field.isEmpty() ? JsonValue::array() : JsonValue::object();
    if (!document.isNull()) {
        auto parsed = JsonParser::parse(document);
        if (!parsed)
            return notAList(list);
        doc = std::move(parsed).value();
    }
    auto array = arrayIn(doc, list);
    if (!array)
        return array.error();
    const std::string name = member.toStdString();
    if (indexOf(*array.value(), name) >= 0)
        return document;
    qsizetype at = array.value()->items().size(); // not placed by the folder's order: last
    if (const qsizetype mine = order.indexOf(member); mine >= 0) {
        at = 0;
        for (qsizetype i = mine - 1; i >= 0; --i) {
            if (const qsizetype found = indexOf(*array.value(), order.at(i).toStdString());
                found >= 0) {
                at = found + 1;
                break;
            }
        }
    }
    auto& items = array.value()->items();
    items.insert(items.begin() + at, JsonValue::string(name));
    return written(doc, list.pretty);
}

Result<QByteArray> ListMembership::leave(const QByteArray& document, const List& list,
                                         const QString& member)
{
    auto parsed = JsonParser::parse(document);
    if (!parsed)
        return notAList(list);
    JsonValue doc = std::move(parsed).value();
    auto array = arrayIn(doc, list);
    if (!array)
        return array.error();
    const qsizetype at = indexOf(*array.value(), member.toStdString());
    if (at < 0)
        return document;
    auto& items = array.value()->items();
    items.erase(items.begin() + at);
    return written(doc, list.pretty);
}

} // namespace pmkv
