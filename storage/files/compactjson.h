#pragma once

#include <QByteArrayView>
#include <QString>

#include <utility>
#include <vector>

namespace pmkv {

// A read-only view of one JSON value in the compact text JsStringify writes (no whitespace,
// already checked, duplicate members merged): what the document checks need (types, a few
// strings, arrays of strings) without building a tree. The text must come from JsStringify;
// on anything else the results are unspecified (but never out of bounds).
class CompactJson final
{
public:
    enum Type : unsigned {
        String = 1,
        Number = 2,
        Boolean = 4,
        Null = 8,
        Array = 16,
        Object = 32,
    };
    using Member = std::pair<QByteArrayView, CompactJson>; // the name as written, unquoted

    CompactJson() = default;
    explicit CompactJson(QByteArrayView text) : m_text(text) {}

    Type type() const;
    // "string", "number", "boolean", "null", "array", "object" (as nlohmann's type_name()).
    const char* typeName() const;
    bool isString() const { return type() == String; }
    bool isArray() const { return type() == Array; }
    bool isObject() const { return type() == Object; }
    bool isTrue() const { return m_text == "true"; }
    QByteArrayView text() const { return m_text; }

    // An object's members in order; empty for anything else.
    std::vector<Member> members() const;
    // An array's elements in order; empty for anything else.
    std::vector<CompactJson> elements() const;
    // A string's text (escapes decoded; a lone surrogate becomes U+FFFD); empty otherwise.
    QString toString() const;

    // The member named `name` in `members`, or an empty view (type() of which is Null).
    static const CompactJson* find(const std::vector<Member>& members, QByteArrayView name);

private:
    // One past the end of the value starting at `pos`.
    qsizetype skipValue(qsizetype pos) const;
    qsizetype skipString(qsizetype pos) const;
    // Splits the container's contents into its items; `withNames` for an object.
    template <typename Visit> void forEachItem(bool withNames, Visit visit) const;

    QByteArrayView m_text;
};

} // namespace pmkv
