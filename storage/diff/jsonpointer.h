#pragma once

#include <string>
#include <vector>

namespace pmkv {

// RFC 6901 JSON Pointers: "" is the whole document, "/a/b~1c/0" is member "a", then member
// "b/c", then item 0. '~' is written "~0" and '/' is written "~1".
class JsonPointer final
{
public:
    static std::string escape(const std::string& token);
    static std::string unescape(const std::string& token);
    static std::string append(const std::string& pointer, const std::string& token);
    static std::string append(const std::string& pointer, size_t index);
    // The unescaped tokens; false when the text is not a pointer (non-empty, no leading '/').
    static bool split(const std::string& pointer, std::vector<std::string>& tokens);
    // Whether `pointer` is `prefix` or lies below it.
    static bool isWithin(const std::string& pointer, const std::string& prefix);
};

// A pointer pattern for ignore and set rules: a JSON Pointer whose tokens may be "*" (any
// one member name or array index), e.g. "/updatedAt", "/metadata/*/lastEditedBy",
// "/files/*/role". A pattern matches a pointer with exactly as many tokens.
class PointerPattern final
{
public:
    PointerPattern() = default;
    // False (and the reason in `error`) when the text is not a pointer.
    static bool parse(const std::string& text, PointerPattern& out, std::string& error);

    bool matches(const std::vector<std::string>& tokens) const;
    const std::string& text() const { return m_text; }

private:
    std::string m_text;
    std::vector<std::string> m_tokens; // unescaped; "*" is the wildcard
};

} // namespace pmkv
