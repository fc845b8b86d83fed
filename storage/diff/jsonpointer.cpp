#include "diff/jsonpointer.h"

namespace pmkv {

std::string JsonPointer::escape(const std::string& token)
{
    if (token.find_first_of("~/") == std::string::npos)
        return token;
    std::string out;
    out.reserve(token.size() + 2);
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string JsonPointer::unescape(const std::string& token)
{
    if (token.find('~') == std::string::npos)
        return token;
    std::string out;
    out.reserve(token.size());
    for (size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() &&
            (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

std::string JsonPointer::append(const std::string& pointer, const std::string& token)
{
    return pointer + '/' + escape(token);
}

std::string JsonPointer::append(const std::string& pointer, size_t index)
{
    return pointer + '/' + std::to_string(index);
}

bool JsonPointer::split(const std::string& pointer, std::vector<std::string>& tokens)
{
    tokens.clear();
    if (pointer.empty())
        return true;
    if (pointer.front() != '/')
        return false;
    size_t start = 1;
    for (;;) {
        const size_t slash = pointer.find('/', start);
        tokens.push_back(unescape(pointer.substr(start, slash - start)));
        if (slash == std::string::npos)
            return true;
        start = slash + 1;
    }
}

bool JsonPointer::isWithin(const std::string& pointer, const std::string& prefix)
{
    if (prefix.empty())
        return true;
    if (pointer.size() < prefix.size() || pointer.compare(0, prefix.size(), prefix) != 0)
        return false;
    return pointer.size() == prefix.size() || pointer[prefix.size()] == '/';
}

bool PointerPattern::parse(const std::string& text, PointerPattern& out, std::string& error)
{
    if (text.empty() || text.front() != '/') {
        error = "\"" + text + "\" is not a JSON Pointer: it must start with '/' (e.g. /updatedAt)";
        return false;
    }
    out.m_text = text;
    JsonPointer::split(text, out.m_tokens);
    return true;
}

bool PointerPattern::matches(const std::vector<std::string>& tokens) const
{
    if (tokens.size() != m_tokens.size())
        return false;
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (m_tokens[i] != "*" && m_tokens[i] != tokens[i])
            return false;
    }
    return true;
}

} // namespace pmkv
