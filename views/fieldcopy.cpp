#include "fieldcopy.h"

#include "diff/jsonpatch.h"
#include "diff/jsonpointer.h"
#include "diff/structuraldiff.h"

#include <vector>

namespace pmkv {
namespace {

// The value at the first `count` tokens, or null.
const JsonValue* at(const JsonValue& root, const std::vector<std::string>& tokens, size_t count)
{
    const JsonValue* node = &root;
    for (size_t i = 0; i < count && node; ++i) {
        if (node->isObject()) {
            node = node->find(tokens[i]);
        } else if (node->isArray()) {
            const std::string& t = tokens[i];
            if (t.empty() || t.size() > 18 ||
                t.find_first_not_of("0123456789") != std::string::npos ||
                std::stoull(t) >= node->items().size())
                return nullptr;
            node = &node->items()[size_t(std::stoull(t))];
        } else {
            return nullptr;
        }
    }
    return node;
}

Error copyError(const std::string& pointer, const QString& why)
{
    return makeError(
        QStringLiteral("field.copy"),
        QStringLiteral("the field %1 cannot be copied: %2")
            .arg(QString::fromStdString(pointer.empty() ? "(the document)" : pointer), why));
}

} // namespace

std::string FieldCopy::pointerFor(const FieldChange& change, const JsonValue& source,
                                  const JsonValue& target)
{
    std::vector<std::string> tokens;
    if (!JsonPointer::split(change.path, tokens))
        return change.path;
    // Cut at the first array on either side: its items are addressed by index.
    std::string pointer;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const JsonValue* s = at(source, tokens, i);
        const JsonValue* t = at(target, tokens, i);
        if ((s && s->isArray()) || (t && t->isArray()))
            return pointer;
        pointer = JsonPointer::append(pointer, tokens[i]);
    }
    return pointer;
}

Result<JsonValue> FieldCopy::apply(const JsonValue& source, const JsonValue& target,
                                   const std::string& pointer, const DiffOptions& options)
{
    std::vector<std::string> tokens;
    if (!JsonPointer::split(pointer, tokens))
        return copyError(pointer, QStringLiteral("not a JSON pointer"));
    const JsonValue* from = at(source, tokens, tokens.size());
    const JsonValue* to = at(target, tokens, tokens.size());
    if (!tokens.empty() && !at(target, tokens, tokens.size() - 1))
        return copyError(pointer, QStringLiteral("its parent is missing on the other side; "
                                                 "copy the parent (or the whole entity)"));
    PatchOperation op;
    op.path = pointer;
    if (from) {
        op.op = to ? PatchOperation::Op::Replace : PatchOperation::Op::Add;
        op.value = *from;
    } else if (to) {
        op.op = PatchOperation::Op::Remove;
    } else {
        return target; // absent on both sides: nothing to copy
    }
    auto patched = JsonPatch::apply(target, {op});
    if (!patched)
        return copyError(pointer, patched.error().message);
    // The field now reads the same on both sides.
    const auto after = StructuralDiff::compare(source, patched.value(), options);
    for (const FieldChange& c : after.changes) {
        if (JsonPointer::isWithin(c.path, pointer) ||
            (c.kind == FieldChange::Kind::Moved && JsonPointer::isWithin(c.from, pointer)))
            return copyError(pointer, QStringLiteral("it still differs after the copy (%1)")
                                          .arg(QString::fromStdString(c.path)));
    }
    return patched;
}

} // namespace pmkv
