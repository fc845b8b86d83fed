#include "diff/diffoptions.h"

namespace pmkv {
namespace {

bool matchesAny(const std::vector<PointerPattern>& patterns, const std::vector<std::string>& tokens)
{
    for (const PointerPattern& p : patterns) {
        if (p.matches(tokens))
            return true;
    }
    return false;
}

bool parseAll(const QStringList& texts, std::vector<PointerPattern>& out, QString& error)
{
    for (const QString& text : texts) {
        PointerPattern pattern;
        std::string why;
        if (!PointerPattern::parse(text.toStdString(), pattern, why)) {
            error = QString::fromStdString(why);
            return false;
        }
        out.push_back(std::move(pattern));
    }
    return true;
}

} // namespace

bool DiffOptions::fromLists(const QStringList& ignore, const QStringList& sets,
                            bool ignoreWhitespace, DiffOptions& out, QString& error)
{
    out = DiffOptions{};
    out.ignoreWhitespace = ignoreWhitespace;
    return parseAll(ignore, out.ignore, error) && parseAll(sets, out.sets, error);
}

bool DiffOptions::isIgnored(const std::vector<std::string>& tokens) const
{
    return !ignore.empty() && matchesAny(ignore, tokens);
}

bool DiffOptions::isSet(const std::vector<std::string>& tokens) const
{
    return !sets.empty() && matchesAny(sets, tokens);
}

std::string DiffOptions::foldWhitespace(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

} // namespace pmkv
