#include "diff/diffjsonwriter.h"

#include "diff/jsonparser.h"

namespace pmkv {
namespace {

JsonValue str(const QString& s)
{
    return JsonValue::string(s.toStdString());
}

JsonValue strings(const QStringList& list)
{
    JsonValue a = JsonValue::array();
    for (const QString& s : list)
        a.append(str(s));
    return a;
}

JsonValue sideInfo(const DiffReport::SideInfo& side)
{
    JsonValue o = JsonValue::object();
    o.insert("spec", str(side.spec));
    o.insert("kind", str(side.kind));
    o.insert("description", str(side.description));
    o.insert("layout", str(side.layout));
    o.insert("entities", JsonValue::integer(side.entities));
    o.insert("valueBytes", JsonValue::integer(side.valueBytes));
    o.insert("unmappedKeys", strings(side.unmappedKeys));
    JsonValue problems = JsonValue::array();
    for (const Problem& p : side.problems) {
        JsonValue po = JsonValue::object();
        po.insert("severity", str(severityName(p.severity)));
        po.insert("path", str(p.path));
        po.insert("code", str(p.code));
        po.insert("message", str(p.message));
        problems.append(std::move(po));
    }
    o.insert("problems", std::move(problems));
    return o;
}

JsonValue counts(const ComparisonCounts& c, int typeOrTtl)
{
    JsonValue o = JsonValue::object();
    for (int s = 0; s < EntityDiff::stateCount; ++s)
        o.insert(comparisonKey(EntityDiff::State(s)), JsonValue::integer(c.n[size_t(s)]));
    o.insert("typeOrTtl", JsonValue::integer(typeOrTtl));
    return o;
}

JsonValue sideOf(const QString& location, const QString& type, const std::optional<qint64>& ttl,
                 const QString& unreadable)
{
    JsonValue o = JsonValue::object();
    o.insert("location", str(location));
    if (!type.isEmpty())
        o.insert("type", str(type));
    if (ttl)
        o.insert("ttl", JsonValue::integer(*ttl));
    if (!unreadable.isEmpty())
        o.insert("unreadable", str(unreadable));
    return o;
}

JsonValue change(const FieldChange& c)
{
    JsonValue o = JsonValue::object();
    o.insert("kind", JsonValue::string(fieldChangeKindName(c.kind)));
    o.insert("path", JsonValue::string(c.path));
    if (!c.from.empty())
        o.insert("from", JsonValue::string(c.from));
    if (c.hasLeft)
        o.insert("left", c.left);
    if (c.hasRight)
        o.insert("right", c.right);
    if (!c.lines.empty()) {
        JsonValue lines = JsonValue::array();
        for (const LineEdit& e : c.lines) {
            const char* mark = e.op == SequenceDiff::Op::Keep     ? " "
                               : e.op == SequenceDiff::Op::Delete ? "-"
                                                                  : "+";
            lines.append(JsonValue::string(mark + e.text));
        }
        o.insert("lines", std::move(lines));
    }
    return o;
}

JsonValue entity(const EntityDiff& d)
{
    JsonValue o = JsonValue::object();
    o.insert("entity", str(entityTitle(d.ref)));
    o.insert("role", str(keyRoleName(d.ref.role)));
    if (!d.ref.project.isEmpty())
        o.insert("project", str(d.ref.project));
    if (!d.ref.epic.isEmpty())
        o.insert("epic", str(d.ref.epic));
    if (!d.ref.story.isEmpty())
        o.insert("story", str(d.ref.story));
    o.insert("state", JsonValue::string(comparisonKey(d.state)));
    if (d.state != EntityDiff::State::OnlyRight)
        o.insert("left", sideOf(d.leftLocation, d.leftType, d.leftTtl, d.leftUnreadable));
    if (d.state != EntityDiff::State::OnlyLeft)
        o.insert("right", sideOf(d.rightLocation, d.rightType, d.rightTtl, d.rightUnreadable));
    if (d.typeDiffers)
        o.insert("typeDiffers", JsonValue::boolean(true));
    if (d.ttlDiffers)
        o.insert("ttlDiffers", JsonValue::boolean(true));
    if (d.state == EntityDiff::State::Changed) {
        JsonValue changes = JsonValue::array();
        for (const FieldChange& c : d.changes)
            changes.append(change(c));
        o.insert("changes", std::move(changes));
        o.insert("patch", JsonPatch::toJson(d.patch));
    } else if (d.state == EntityDiff::State::OnlyRight || d.state == EntityDiff::State::OnlyLeft) {
        // The value itself, so a reader can act on it (an add or a remove of the whole entity).
        const QByteArray& bytes =
            d.state == EntityDiff::State::OnlyLeft ? d.leftValue : d.rightValue;
        if (auto v = JsonParser::parse(bytes))
            o.insert("value", v.value());
    }
    return o;
}

} // namespace

QByteArray DiffJsonWriter::write(const DiffReport& report)
{
    JsonValue root = JsonValue::object();
    root.insert("report", JsonValue::string("pmkv-diff-1"));
    root.insert("startedAt", str(report.startedAt.toString(Qt::ISODateWithMs)));
    root.insert("comparisonMs", JsonValue::integer(qint64(report.seconds * 1000)));
    root.insert("different", JsonValue::boolean(report.hasDifferences()));
    root.insert("left", sideInfo(report.left));
    root.insert("right", sideInfo(report.right));
    JsonValue rules = JsonValue::object();
    rules.insert("ignore", strings(report.ignore));
    rules.insert("sets", strings(report.sets));
    rules.insert("ignoreWhitespace", JsonValue::boolean(report.ignoreWhitespace));
    root.insert("rules", std::move(rules));
    root.insert("counts", counts(report.counts, report.typeOrTtl));
    JsonValue rollups = JsonValue::array();
    for (const DiffRollup& r : report.rollups) {
        JsonValue o = JsonValue::object();
        o.insert("project", str(r.project));
        if (!r.epic.isEmpty())
            o.insert("epic", str(r.epic));
        o.insert("different", JsonValue::integer(r.different()));
        o.insert("counts", counts(r.counts, r.typeOrTtl));
        rollups.append(std::move(o));
    }
    root.insert("rollups", std::move(rollups));
    JsonValue entities = JsonValue::array();
    for (const EntityDiff& d : report.entities)
        entities.append(entity(d));
    root.insert("entities", std::move(entities));
    return QByteArray::fromStdString(root.pretty(2)) + '\n';
}

} // namespace pmkv
