#pragma once

#include <QtGlobal>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pmkv {

// A JSON value for comparing and patching documents without losing anything a document
// holds: object members keep their order (duplicates keep the first position and the last
// value, as JSON.parse does), strings are UTF-8 with every escape decoded (so "\u00e9" and
// "é" are the same string), and a number is kept as its canonical text: an integer literal
// digit for digit (any size, "-0" as "0"), any other number as JavaScript's Number#toString
// of its double. Two numbers are equal when their canonical texts are, so 1, 1.0 and 1e0 are
// equal and 2^64+1 never collapses into 2^64.
class JsonValue final
{
public:
    enum class Type : quint8 { Null, Bool, Number, String, Array, Object };
    using Member = std::pair<std::string, JsonValue>;

    JsonValue() = default;
    static JsonValue boolean(bool value);
    static JsonValue number(std::string canonicalText);
    static JsonValue integer(qint64 value);
    static JsonValue string(std::string utf8);
    static JsonValue array();
    static JsonValue object();

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }
    bool isContainer() const { return isArray() || isObject(); }
    bool boolValue() const { return m_bool; }
    // The string's UTF-8 or the number's canonical text.
    const std::string& text() const { return m_text; }

    const std::vector<JsonValue>& items() const { return m_items; }
    std::vector<JsonValue>& items() { return m_items; }
    const std::vector<Member>& members() const { return m_members; }
    std::vector<Member>& members() { return m_members; }

    const JsonValue* find(const std::string& key) const;
    JsonValue* find(const std::string& key);
    // Replaces the member's value in place, or appends the member.
    void insert(std::string key, JsonValue value);
    bool remove(const std::string& key);
    void append(JsonValue value) { m_items.push_back(std::move(value)); }

    // Semantic equality: object member order does not matter, array order does.
    bool operator==(const JsonValue& other) const;
    bool operator!=(const JsonValue& other) const { return !(*this == other); }

    // JSON.stringify(value) and JSON.stringify(value, null, indent).
    std::string compact() const;
    std::string pretty(int indent = 2) const;
    // The same pretty text, and in `lines` the line (from 0) on which each value starts, by
    // its JSON Pointer ("" the whole document): where a side-by-side view shows a change.
    using PointerLines = std::unordered_map<std::string, int>;
    std::string pretty(int indent, PointerLines& lines) const;

private:
    struct LineTrace; // the pointer being written and the line it is on
    void write(std::string& out, int indent, int depth, LineTrace* trace = nullptr) const;

    Type m_type = Type::Null;
    bool m_bool = false;
    std::string m_text;
    std::vector<JsonValue> m_items;
    std::vector<Member> m_members;
};

// Appends `utf8` as a JSON string literal, escaped as JSON.stringify does.
void appendJsonString(std::string& out, const std::string& utf8);

} // namespace pmkv
