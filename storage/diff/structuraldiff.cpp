#include "diff/structuraldiff.h"

#include "diff/sequencediff.h"

#include <algorithm>
#include <unordered_map>

namespace pmkv {
namespace {

bool looksLikeId(const std::string& s)
{
    if (s.empty() || s.size() > 100)
        return false;
    for (unsigned char c : s) {
        if (c <= 0x20 || c == 0x7F)
            return false;
    }
    return true;
}

// The identity of every item, or false when the array is not one of ids / objects with id.
bool identities(const JsonValue& array, std::vector<std::string>& keys, bool& objects)
{
    keys.clear();
    keys.reserve(array.items().size());
    for (const JsonValue& item : array.items()) {
        if (item.isString() && looksLikeId(item.text())) {
            if (!keys.empty() && objects)
                return false;
            objects = false;
            keys.push_back(item.text());
        } else if (item.isObject()) {
            if (!keys.empty() && !objects)
                return false;
            objects = true;
            const JsonValue* id = item.find("id");
            if (!id || !(id->isString() || id->type() == JsonValue::Type::Number))
                return false;
            keys.push_back((id->isString() ? "s:" : "n:") + id->text());
        } else {
            return false;
        }
    }
    std::vector<std::string> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
}

// Indices (into `seq`) of a longest strictly increasing subsequence.
std::vector<size_t> longestIncreasing(const std::vector<size_t>& seq)
{
    std::vector<size_t> tails; // indices into seq
    std::vector<size_t> parent(seq.size(), size_t(-1));
    for (size_t i = 0; i < seq.size(); ++i) {
        auto it = std::lower_bound(tails.begin(), tails.end(), seq[i],
                                   [&seq](size_t idx, size_t v) { return seq[idx] < v; });
        if (it != tails.begin())
            parent[i] = *(it - 1);
        if (it == tails.end())
            tails.push_back(i);
        else
            *it = i;
    }
    std::vector<size_t> out;
    for (size_t i = tails.empty() ? size_t(-1) : tails.back(); i != size_t(-1); i = parent[i])
        out.push_back(i);
    std::reverse(out.begin(), out.end());
    return out;
}

class Differ
{
public:
    explicit Differ(const DiffOptions& options) : m_options(options) {}

    StructuralDiff::Outcome run(const JsonValue& left, const JsonValue& right)
    {
        value(left, right, std::string(), std::string());
        return std::move(m_out);
    }

private:
    // Pushes a token for ignore matching; false (and nothing pushed) when it is ignored.
    bool enter(std::string token)
    {
        m_tokens.push_back(std::move(token));
        if (m_options.isIgnored(m_tokens)) {
            m_tokens.pop_back();
            return false;
        }
        return true;
    }
    void leave() { m_tokens.pop_back(); }

    void record(FieldChange::Kind kind, const std::string& path, const JsonValue* left,
                const JsonValue* right, std::string from = std::string())
    {
        FieldChange c;
        c.kind = kind;
        c.path = path;
        c.from = std::move(from);
        if (left) {
            c.hasLeft = true;
            c.left = *left;
        }
        if (right) {
            c.hasRight = true;
            c.right = *right;
        }
        if (kind == FieldChange::Kind::Changed && left && right && left->isString() &&
            right->isString() &&
            (left->text().find('\n') != std::string::npos ||
             right->text().find('\n') != std::string::npos))
            c.lines = LineDiff::diff(left->text(), right->text());
        m_out.changes.push_back(std::move(c));
    }

    void op(PatchOperation::Op kind, std::string path, const JsonValue* value = nullptr,
            std::string from = std::string())
    {
        PatchOperation o;
        o.op = kind;
        o.path = std::move(path);
        o.from = std::move(from);
        if (value)
            o.value = *value;
        m_out.patch.push_back(std::move(o));
    }

    void value(const JsonValue& l, const JsonValue& r, const std::string& dpath,
               const std::string& ppath)
    {
        if (l.type() == r.type()) {
            switch (l.type()) {
            case JsonValue::Type::Object:
                objects(l, r, dpath, ppath);
                return;
            case JsonValue::Type::Array:
                if (m_options.isSet(m_tokens))
                    sets(l, r, dpath, ppath);
                else if (!byId(l, r, dpath, ppath))
                    byAlignment(l, r, dpath, ppath);
                return;
            case JsonValue::Type::String:
                if (l.text() == r.text() ||
                    (m_options.ignoreWhitespace && DiffOptions::foldWhitespace(l.text()) ==
                                                       DiffOptions::foldWhitespace(r.text())))
                    return;
                break;
            default:
                if (l == r)
                    return;
                break;
            }
        }
        record(FieldChange::Kind::Changed, dpath, &l, &r);
        op(PatchOperation::Op::Replace, ppath, &r);
    }

    void objects(const JsonValue& l, const JsonValue& r, const std::string& dpath,
                 const std::string& ppath)
    {
        std::unordered_map<std::string, const JsonValue*> rightIndex;
        const bool big = r.members().size() > 24;
        if (big) {
            for (const auto& m : r.members())
                rightIndex.emplace(m.first, &m.second);
        }
        auto inRight = [&](const std::string& key) -> const JsonValue* {
            if (!big)
                return r.find(key);
            auto it = rightIndex.find(key);
            return it == rightIndex.end() ? nullptr : it->second;
        };
        std::unordered_map<std::string, bool> leftKeys;
        for (const auto& [key, lv] : l.members()) {
            leftKeys.emplace(key, true);
            if (!enter(key))
                continue;
            const std::string dchild = JsonPointer::append(dpath, key);
            const std::string pchild = JsonPointer::append(ppath, key);
            if (const JsonValue* rv = inRight(key)) {
                value(lv, *rv, dchild, pchild);
            } else {
                record(FieldChange::Kind::Removed, dchild, &lv, nullptr);
                op(PatchOperation::Op::Remove, pchild);
            }
            leave();
        }
        for (const auto& [key, rv] : r.members()) {
            if (leftKeys.count(key) || !enter(key))
                continue;
            record(FieldChange::Kind::Added, JsonPointer::append(dpath, key), nullptr, &rv);
            op(PatchOperation::Op::Add, JsonPointer::append(ppath, key), &rv);
            leave();
        }
    }

    bool byId(const JsonValue& l, const JsonValue& r, const std::string& dpath,
              const std::string& ppath)
    {
        std::vector<std::string> lk;
        std::vector<std::string> rk;
        bool objects = false;
        if (l.items().empty() && r.items().empty())
            return true;
        if (!l.items().empty() && !identities(l, lk, objects))
            return false;
        bool rightObjects = objects;
        if (!r.items().empty() && !identities(r, rk, rightObjects))
            return false;
        if (!l.items().empty() && !r.items().empty() && objects != rightObjects)
            return false;

        std::unordered_map<std::string, size_t> rightPos;
        for (size_t j = 0; j < rk.size(); ++j)
            rightPos.emplace(rk[j], j);
        std::unordered_map<std::string, size_t> leftPos;
        std::vector<size_t> commonLeft;  // left indices of common items, in left order
        std::vector<size_t> commonRight; // their right indices
        std::vector<size_t> removed;
        for (size_t i = 0; i < lk.size(); ++i) {
            leftPos.emplace(lk[i], i);
            auto it = rightPos.find(lk[i]);
            if (it == rightPos.end()) {
                removed.push_back(i);
            } else {
                commonLeft.push_back(i);
                commonRight.push_back(it->second);
            }
        }
        std::vector<bool> stays(rk.size(), false);
        for (size_t idx : longestIncreasing(commonRight))
            stays[commonRight[idx]] = true;

        // Removals, from the end so that earlier indices stay valid.
        for (size_t i : removed)
            record(FieldChange::Kind::Removed, JsonPointer::append(dpath, i), &l.items()[i],
                   nullptr);
        for (auto it = removed.rbegin(); it != removed.rend(); ++it)
            op(PatchOperation::Op::Remove, JsonPointer::append(ppath, *it));

        std::vector<const std::string*> work; // keys in the order the patch leaves them
        for (size_t i : commonLeft)
            work.push_back(&lk[i]);
        for (size_t j = 0; j < rk.size(); ++j) {
            const std::string dchild = JsonPointer::append(dpath, j);
            const std::string pchild = JsonPointer::append(ppath, j);
            auto left = leftPos.find(rk[j]);
            if (left == leftPos.end()) {
                record(FieldChange::Kind::Added, dchild, nullptr, &r.items()[j]);
                op(PatchOperation::Op::Add, pchild, &r.items()[j]);
                work.insert(work.begin() + std::ptrdiff_t(j), &rk[j]);
                continue;
            }
            const size_t i = left->second;
            if (!stays[j])
                record(FieldChange::Kind::Moved, dchild, nullptr, &r.items()[j],
                       JsonPointer::append(dpath, i));
            size_t k = j;
            while (k < work.size() && *work[k] != rk[j])
                ++k;
            if (k != j) {
                op(PatchOperation::Op::Move, pchild, nullptr, JsonPointer::append(ppath, k));
                const std::string* moved = work[k];
                work.erase(work.begin() + std::ptrdiff_t(k));
                work.insert(work.begin() + std::ptrdiff_t(j), moved);
            }
            if (objects) {
                m_tokens.push_back(std::to_string(j));
                value(l.items()[i], r.items()[j], dchild, pchild);
                m_tokens.pop_back();
            }
        }
        return true;
    }

    static std::vector<int> itemIds(const JsonValue& array,
                                    std::unordered_map<std::string, int>& ids)
    {
        std::vector<int> out;
        out.reserve(array.items().size());
        for (const JsonValue& item : array.items())
            out.push_back(ids.emplace(item.compact(), int(ids.size())).first->second);
        return out;
    }

    void byAlignment(const JsonValue& l, const JsonValue& r, const std::string& dpath,
                     const std::string& ppath)
    {
        std::unordered_map<std::string, int> ids;
        const std::vector<int> a = itemIds(l, ids);
        const std::vector<int> b = itemIds(r, ids);
        const std::vector<SequenceDiff::Op> script = SequenceDiff::diff(a, b);
        size_t li = 0;
        size_t ri = 0;
        size_t w = 0; // index in the array as the patch has left it so far
        std::vector<size_t> dels;
        std::vector<size_t> ins;
        auto flush = [&]() {
            const size_t pairs = std::min(dels.size(), ins.size());
            for (size_t p = 0; p < pairs; ++p) {
                m_tokens.push_back(std::to_string(ins[p]));
                value(l.items()[dels[p]], r.items()[ins[p]], JsonPointer::append(dpath, ins[p]),
                      JsonPointer::append(ppath, w));
                m_tokens.pop_back();
                ++w;
            }
            for (size_t p = pairs; p < dels.size(); ++p) {
                record(FieldChange::Kind::Removed, JsonPointer::append(dpath, dels[p]),
                       &l.items()[dels[p]], nullptr);
                op(PatchOperation::Op::Remove, JsonPointer::append(ppath, w));
            }
            for (size_t p = pairs; p < ins.size(); ++p) {
                record(FieldChange::Kind::Added, JsonPointer::append(dpath, ins[p]), nullptr,
                       &r.items()[ins[p]]);
                op(PatchOperation::Op::Add, JsonPointer::append(ppath, w), &r.items()[ins[p]]);
                ++w;
            }
            dels.clear();
            ins.clear();
        };
        for (SequenceDiff::Op step : script) {
            switch (step) {
            case SequenceDiff::Op::Keep:
                flush();
                ++li;
                ++ri;
                ++w;
                break;
            case SequenceDiff::Op::Delete:
                dels.push_back(li++);
                break;
            case SequenceDiff::Op::Insert:
                ins.push_back(ri++);
                break;
            }
        }
        flush();
    }

    void sets(const JsonValue& l, const JsonValue& r, const std::string& dpath,
              const std::string& ppath)
    {
        std::unordered_map<std::string, std::vector<size_t>> rightByValue;
        for (size_t j = 0; j < r.items().size(); ++j)
            rightByValue[r.items()[j].compact()].push_back(j);
        std::vector<bool> matched(r.items().size(), false);
        std::vector<size_t> removed;
        for (size_t i = 0; i < l.items().size(); ++i) {
            auto it = rightByValue.find(l.items()[i].compact());
            if (it == rightByValue.end() || it->second.empty()) {
                removed.push_back(i);
                continue;
            }
            matched[it->second.back()] = true;
            it->second.pop_back();
        }
        for (size_t i : removed)
            record(FieldChange::Kind::Removed, JsonPointer::append(dpath, i), &l.items()[i],
                   nullptr);
        for (auto it = removed.rbegin(); it != removed.rend(); ++it)
            op(PatchOperation::Op::Remove, JsonPointer::append(ppath, *it));
        for (size_t j = 0; j < r.items().size(); ++j) {
            if (matched[j])
                continue;
            record(FieldChange::Kind::Added, JsonPointer::append(dpath, j), nullptr, &r.items()[j]);
            op(PatchOperation::Op::Add, ppath + "/-", &r.items()[j]);
        }
    }

    const DiffOptions& m_options;
    std::vector<std::string> m_tokens;
    StructuralDiff::Outcome m_out;
};

} // namespace

StructuralDiff::Outcome StructuralDiff::compare(const JsonValue& left, const JsonValue& right,
                                                const DiffOptions& options)
{
    return Differ(options).run(left, right);
}

} // namespace pmkv
