#include "diff/jsonvalue.h"

#include "diff/jsonpointer.h"

#include <unordered_map>

namespace pmkv {

JsonValue JsonValue::boolean(bool value)
{
    JsonValue v;
    v.m_type = Type::Bool;
    v.m_bool = value;
    return v;
}

JsonValue JsonValue::number(std::string canonicalText)
{
    JsonValue v;
    v.m_type = Type::Number;
    v.m_text = std::move(canonicalText);
    return v;
}

JsonValue JsonValue::integer(qint64 value)
{
    return number(std::to_string(value));
}

JsonValue JsonValue::string(std::string utf8)
{
    JsonValue v;
    v.m_type = Type::String;
    v.m_text = std::move(utf8);
    return v;
}

JsonValue JsonValue::array()
{
    JsonValue v;
    v.m_type = Type::Array;
    return v;
}

JsonValue JsonValue::object()
{
    JsonValue v;
    v.m_type = Type::Object;
    return v;
}

const JsonValue* JsonValue::find(const std::string& key) const
{
    for (const Member& m : m_members) {
        if (m.first == key)
            return &m.second;
    }
    return nullptr;
}

JsonValue* JsonValue::find(const std::string& key)
{
    for (Member& m : m_members) {
        if (m.first == key)
            return &m.second;
    }
    return nullptr;
}

void JsonValue::insert(std::string key, JsonValue value)
{
    if (JsonValue* existing = find(key)) {
        *existing = std::move(value);
        return;
    }
    m_members.emplace_back(std::move(key), std::move(value));
}

bool JsonValue::remove(const std::string& key)
{
    for (auto it = m_members.begin(); it != m_members.end(); ++it) {
        if (it->first == key) {
            m_members.erase(it);
            return true;
        }
    }
    return false;
}

bool JsonValue::operator==(const JsonValue& other) const
{
    if (m_type != other.m_type)
        return false;
    switch (m_type) {
    case Type::Null:
        return true;
    case Type::Bool:
        return m_bool == other.m_bool;
    case Type::Number:
    case Type::String:
        return m_text == other.m_text;
    case Type::Array:
        return m_items == other.m_items;
    case Type::Object:
        break;
    }
    if (m_members.size() != other.m_members.size())
        return false;
    if (m_members.size() <= 16) {
        for (const Member& m : m_members) {
            const JsonValue* o = other.find(m.first);
            if (!o || *o != m.second)
                return false;
        }
        return true;
    }
    std::unordered_map<std::string, const JsonValue*> byKey;
    for (const Member& m : other.m_members)
        byKey.emplace(m.first, &m.second);
    for (const Member& m : m_members) {
        auto it = byKey.find(m.first);
        if (it == byKey.end() || *it->second != m.second)
            return false;
    }
    return true;
}

void appendJsonString(std::string& out, const std::string& utf8)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
    const size_t n = utf8.size();
    for (size_t i = 0; i < n; ++i) {
        const unsigned char c = s[i];
        switch (c) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\b':
            out += "\\b";
            continue;
        case '\t':
            out += "\\t";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\f':
            out += "\\f";
            continue;
        case '\r':
            out += "\\r";
            continue;
        default:
            break;
        }
        if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else if (c == 0xED && i + 2 < n && s[i + 1] >= 0xA0) {
            // A lone surrogate kept from a "\udXXX" escape (WTF-8): written back as the escape.
            const unsigned cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            out += "\\u";
            out += hex[(cp >> 12) & 15];
            out += hex[(cp >> 8) & 15];
            out += hex[(cp >> 4) & 15];
            out += hex[cp & 15];
            i += 2;
        } else {
            out += char(c);
        }
    }
    out += '"';
}

struct JsonValue::LineTrace
{
    PointerLines& lines;
    std::string pointer;
    int line = 0;
};

void JsonValue::write(std::string& out, int indent, int depth, LineTrace* trace) const
{
    if (trace)
        trace->lines.emplace(trace->pointer, trace->line);
    auto newline = [&](int level) {
        if (indent <= 0)
            return;
        out += '\n';
        out.append(size_t(indent * level), ' ');
        if (trace)
            ++trace->line;
    };
    // Writes a member or item, its pointer `token` below this value's while it is written.
    auto child = [&](const JsonValue& value, const auto& token) {
        if (!trace) {
            value.write(out, indent, depth + 1);
            return;
        }
        const size_t parentLength = trace->pointer.size();
        trace->pointer = JsonPointer::append(trace->pointer, token);
        value.write(out, indent, depth + 1, trace);
        trace->pointer.resize(parentLength);
    };
    switch (m_type) {
    case Type::Null:
        out += "null";
        return;
    case Type::Bool:
        out += m_bool ? "true" : "false";
        return;
    case Type::Number:
        out += m_text;
        return;
    case Type::String:
        appendJsonString(out, m_text);
        return;
    case Type::Array:
        out += '[';
        for (size_t i = 0; i < m_items.size(); ++i) {
            if (i)
                out += ',';
            newline(depth + 1);
            child(m_items[i], i);
        }
        if (!m_items.empty())
            newline(depth);
        out += ']';
        return;
    case Type::Object:
        out += '{';
        for (size_t i = 0; i < m_members.size(); ++i) {
            if (i)
                out += ',';
            newline(depth + 1);
            appendJsonString(out, m_members[i].first);
            out += indent > 0 ? ": " : ":";
            child(m_members[i].second, m_members[i].first);
        }
        if (!m_members.empty())
            newline(depth);
        out += '}';
        return;
    }
}

std::string JsonValue::compact() const
{
    std::string out;
    write(out, 0, 0);
    return out;
}

std::string JsonValue::pretty(int indent) const
{
    std::string out;
    write(out, indent, 0);
    return out;
}

std::string JsonValue::pretty(int indent, PointerLines& lines) const
{
    std::string out;
    LineTrace trace{lines, {}, 0};
    write(out, indent, 0, &trace);
    return out;
}

} // namespace pmkv
