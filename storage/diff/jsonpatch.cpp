#include "diff/jsonpatch.h"

#include "diff/jsonpointer.h"

namespace pmkv {
namespace {

Error opError(size_t index, const PatchOperation& op, const std::string& why)
{
    return makeError(QStringLiteral("patch.apply"),
                     QStringLiteral("patch operation %1 (%2 %3) cannot apply: %4")
                         .arg(index)
                         .arg(QString::fromLatin1(patchOpName(op.op)),
                              QString::fromStdString(op.path.empty() ? "\"\"" : op.path),
                              QString::fromStdString(why)));
}

// An array index token: digits without a leading zero ("-" handled by callers).
bool arrayIndex(const std::string& token, size_t& index)
{
    if (token.empty() || token.size() > 18 || (token.size() > 1 && token[0] == '0'))
        return false;
    index = 0;
    for (char c : token) {
        if (c < '0' || c > '9')
            return false;
        index = index * 10 + size_t(c - '0');
    }
    return true;
}

// The value at `tokens`, or null when there is none.
JsonValue* resolve(JsonValue& root, const std::vector<std::string>& tokens, size_t count)
{
    JsonValue* node = &root;
    for (size_t i = 0; i < count; ++i) {
        if (node->isObject()) {
            node = node->find(tokens[i]);
        } else if (node->isArray()) {
            size_t index = 0;
            if (!arrayIndex(tokens[i], index) || index >= node->items().size())
                return nullptr;
            node = &node->items()[index];
        } else {
            return nullptr;
        }
        if (!node)
            return nullptr;
    }
    return node;
}

class Applier
{
public:
    explicit Applier(JsonValue document) : m_doc(std::move(document)) {}

    Result<void> run(const std::vector<PatchOperation>& ops)
    {
        for (size_t i = 0; i < ops.size(); ++i) {
            const std::string why = step(ops[i]);
            if (!why.empty())
                return opError(i, ops[i], why);
        }
        return {};
    }
    JsonValue& document() { return m_doc; }

private:
    std::string step(const PatchOperation& op)
    {
        switch (op.op) {
        case PatchOperation::Op::Add:
            return add(op.path, op.value);
        case PatchOperation::Op::Remove: {
            JsonValue removed;
            return take(op.path, removed);
        }
        case PatchOperation::Op::Replace: {
            std::vector<std::string> tokens;
            if (!JsonPointer::split(op.path, tokens))
                return "not a JSON Pointer";
            JsonValue* target = resolve(m_doc, tokens, tokens.size());
            if (!target)
                return "nothing at the path to replace";
            *target = op.value; // in place: a member keeps its position
            return {};
        }
        case PatchOperation::Op::Move: {
            if (op.path != op.from && JsonPointer::isWithin(op.path, op.from))
                return "a value cannot move into itself";
            JsonValue moved;
            const std::string why = take(op.from, moved);
            return why.empty() ? add(op.path, std::move(moved)) : why;
        }
        case PatchOperation::Op::Copy: {
            std::vector<std::string> tokens;
            if (!JsonPointer::split(op.from, tokens))
                return "\"from\" is not a JSON Pointer";
            const JsonValue* source = resolve(m_doc, tokens, tokens.size());
            if (!source)
                return "nothing at \"from\"";
            return add(op.path, JsonValue(*source));
        }
        case PatchOperation::Op::Test: {
            std::vector<std::string> tokens;
            if (!JsonPointer::split(op.path, tokens))
                return "not a JSON Pointer";
            const JsonValue* target = resolve(m_doc, tokens, tokens.size());
            if (!target)
                return "nothing at the path";
            return *target == op.value ? std::string() : "test failed: the value differs";
        }
        }
        return "unknown operation";
    }

    std::string add(const std::string& path, JsonValue value)
    {
        std::vector<std::string> tokens;
        if (!JsonPointer::split(path, tokens))
            return "not a JSON Pointer";
        if (tokens.empty()) {
            m_doc = std::move(value);
            return {};
        }
        JsonValue* parent = resolve(m_doc, tokens, tokens.size() - 1);
        if (!parent)
            return "the parent does not exist";
        const std::string& last = tokens.back();
        if (parent->isObject()) {
            parent->insert(last, std::move(value));
            return {};
        }
        if (!parent->isArray())
            return "the parent is neither an object nor an array";
        auto& items = parent->items();
        if (last == "-") {
            items.push_back(std::move(value));
            return {};
        }
        size_t index = 0;
        if (!arrayIndex(last, index) || index > items.size())
            return "array index out of range";
        items.insert(items.begin() + std::ptrdiff_t(index), std::move(value));
        return {};
    }

    std::string take(const std::string& path, JsonValue& removed)
    {
        std::vector<std::string> tokens;
        if (!JsonPointer::split(path, tokens))
            return "not a JSON Pointer";
        if (tokens.empty()) {
            removed = std::move(m_doc);
            m_doc = JsonValue();
            return {};
        }
        JsonValue* parent = resolve(m_doc, tokens, tokens.size() - 1);
        if (!parent)
            return "the parent does not exist";
        const std::string& last = tokens.back();
        if (parent->isObject()) {
            JsonValue* member = parent->find(last);
            if (!member)
                return "no such member";
            removed = std::move(*member);
            parent->remove(last);
            return {};
        }
        if (!parent->isArray())
            return "the parent is neither an object nor an array";
        auto& items = parent->items();
        size_t index = 0;
        if (!arrayIndex(last, index) || index >= items.size())
            return "array index out of range";
        removed = std::move(items[index]);
        items.erase(items.begin() + std::ptrdiff_t(index));
        return {};
    }

    JsonValue m_doc;
};

} // namespace

Result<JsonValue> JsonPatch::apply(const JsonValue& document, const Operations& operations)
{
    Applier applier(document);
    const Result<void> done = applier.run(operations);
    if (!done)
        return done.error();
    return std::move(applier.document());
}

JsonPatch::Operations JsonPatch::select(const Operations& operations,
                                        const std::vector<std::string>& pointers)
{
    Operations out;
    for (const PatchOperation& op : operations) {
        for (const std::string& p : pointers) {
            const bool fromOk =
                op.op != PatchOperation::Op::Move || JsonPointer::isWithin(op.from, p);
            if (JsonPointer::isWithin(op.path, p) && fromOk) {
                out.push_back(op);
                break;
            }
        }
    }
    return out;
}

JsonValue JsonPatch::toJson(const Operations& operations)
{
    JsonValue array = JsonValue::array();
    for (const PatchOperation& op : operations) {
        JsonValue o = JsonValue::object();
        o.insert("op", JsonValue::string(patchOpName(op.op)));
        if (op.op == PatchOperation::Op::Move || op.op == PatchOperation::Op::Copy)
            o.insert("from", JsonValue::string(op.from));
        o.insert("path", JsonValue::string(op.path));
        if (op.op == PatchOperation::Op::Add || op.op == PatchOperation::Op::Replace ||
            op.op == PatchOperation::Op::Test)
            o.insert("value", op.value);
        array.append(std::move(o));
    }
    return array;
}

Result<JsonPatch::Operations> JsonPatch::fromJson(const JsonValue& patch)
{
    auto bad = [](size_t i, const char* why) {
        return makeError(QStringLiteral("patch.invalid"),
                         QStringLiteral("patch operation %1 is invalid: %2")
                             .arg(i)
                             .arg(QString::fromLatin1(why)));
    };
    if (!patch.isArray())
        return makeError(QStringLiteral("patch.invalid"),
                         QStringLiteral("a JSON Patch must be an array of operations"));
    Operations ops;
    for (size_t i = 0; i < patch.items().size(); ++i) {
        const JsonValue& o = patch.items()[i];
        if (!o.isObject())
            return bad(i, "not an object");
        const JsonValue* name = o.find("op");
        const JsonValue* path = o.find("path");
        if (!name || !name->isString() || !path || !path->isString())
            return bad(i, "\"op\" and \"path\" must be strings");
        PatchOperation op;
        op.path = path->text();
        static const std::pair<const char*, PatchOperation::Op> names[] = {
            {"add", PatchOperation::Op::Add},         {"remove", PatchOperation::Op::Remove},
            {"replace", PatchOperation::Op::Replace}, {"move", PatchOperation::Op::Move},
            {"copy", PatchOperation::Op::Copy},       {"test", PatchOperation::Op::Test}};
        bool known = false;
        for (const auto& [text, value] : names) {
            if (name->text() == text) {
                op.op = value;
                known = true;
            }
        }
        if (!known)
            return bad(i, "unknown \"op\"");
        if (op.op == PatchOperation::Op::Move || op.op == PatchOperation::Op::Copy) {
            const JsonValue* from = o.find("from");
            if (!from || !from->isString())
                return bad(i, "\"from\" must be a string");
            op.from = from->text();
        }
        if (op.op == PatchOperation::Op::Add || op.op == PatchOperation::Op::Replace ||
            op.op == PatchOperation::Op::Test) {
            const JsonValue* value = o.find("value");
            if (!value)
                return bad(i, "\"value\" is missing");
            op.value = *value;
        }
        ops.push_back(std::move(op));
    }
    return ops;
}

} // namespace pmkv
