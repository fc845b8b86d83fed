#include "diff/diffhtmlwriter.h"

#include "diff/jsonparser.h"
#include "diff/linediff.h"

namespace pmkv {
namespace {

QByteArray esc(const QByteArray& text)
{
    return QString::fromUtf8(text).toHtmlEscaped().toUtf8();
}

QByteArray esc(const QString& text)
{
    return text.toHtmlEscaped().toUtf8();
}

QByteArray esc(const std::string& text)
{
    return esc(QByteArray::fromStdString(text));
}

const char* kStyle = R"(
body{font:14px/1.4 system-ui,sans-serif;margin:0;display:flex;color:#222}
nav{width:320px;min-width:320px;height:100vh;overflow:auto;position:sticky;top:0;background:#f5f5f7;border-right:1px solid #ddd;padding:8px;box-sizing:border-box}
nav ul{list-style:none;padding-left:12px;margin:2px 0}
nav a{text-decoration:none;color:#0645ad}
main{flex:1;padding:12px 20px;min-width:0}
table{border-collapse:collapse}
td,th{border:1px solid #ddd;padding:2px 6px;vertical-align:top;text-align:left}
.meta td:first-child{font-weight:600}
.badge{display:inline-block;padding:0 6px;border-radius:8px;font-size:12px;color:#fff;background:#888}
.changed{background:#c77c00}.only-left{background:#b3261e}.only-right{background:#1e7b34}
.unreadable{background:#6a1b9a}.equal-json{background:#2962ff}.same{background:#777}
section{border-top:1px solid #ccc;margin-top:16px;padding-top:4px}
pre{margin:0;white-space:pre-wrap;word-break:break-all;font:12px/1.35 ui-monospace,monospace}
.sbs{width:100%;table-layout:fixed}.sbs td{padding:0 4px;border:none;border-left:1px solid #eee}
.del{background:#fde2e1}.ins{background:#dcf5e0}.fill{background:#f4f4f4}
.changes td pre{max-height:240px;overflow:auto}
.zero{color:#999}
)";

QByteArray badge(EntityDiff::State state)
{
    const QByteArray name = entityStateName(state);
    return "<span class=\"badge " + name + "\">" + name + "</span>";
}

QByteArray prettyOf(const QByteArray& bytes)
{
    auto parsed = JsonParser::parse(bytes);
    return parsed ? QByteArray::fromStdString(parsed.value().pretty(2)) : bytes;
}

QByteArray valueCell(const FieldChange& c, bool left)
{
    if (left ? !c.hasLeft : !c.hasRight)
        return "<td class=\"fill\"></td>";
    const JsonValue& v = left ? c.left : c.right;
    if (!c.lines.empty()) {
        QByteArray out = "<td><pre>";
        for (const LineEdit& e : c.lines) {
            if (e.op == SequenceDiff::Op::Keep)
                out += esc(e.text) + '\n';
            else if (left && e.op == SequenceDiff::Op::Delete)
                out += "<span class=\"del\">" + esc(e.text) + "</span>\n";
            else if (!left && e.op == SequenceDiff::Op::Insert)
                out += "<span class=\"ins\">" + esc(e.text) + "</span>\n";
        }
        return out + "</pre></td>";
    }
    return QByteArray("<td class=\"") + (left ? "del" : "ins") + "\"><pre>" +
           esc(v.isContainer() ? v.pretty(2) : v.compact()) + "</pre></td>";
}

// Both values as pretty JSON, line by line, deleted lines against inserted ones.
QByteArray sideBySide(const QByteArray& leftBytes, const QByteArray& rightBytes, bool hasLeft,
                      bool hasRight)
{
    const std::string l = hasLeft ? prettyOf(leftBytes).toStdString() : std::string();
    const std::string r = hasRight ? prettyOf(rightBytes).toStdString() : std::string();
    std::vector<LineEdit> edits;
    if (hasLeft && hasRight) {
        edits = LineDiff::diff(l, r);
    } else {
        for (const std::string& line : LineDiff::split(hasLeft ? l : r))
            edits.push_back({hasLeft ? SequenceDiff::Op::Delete : SequenceDiff::Op::Insert, line});
    }
    QByteArray out = "<table class=\"sbs\"><colgroup><col><col></colgroup>";
    std::vector<const std::string*> dels;
    std::vector<const std::string*> ins;
    auto flush = [&]() {
        const size_t rows = std::max(dels.size(), ins.size());
        for (size_t i = 0; i < rows; ++i) {
            out += i < dels.size() ? "<tr><td class=\"del\"><pre>" + esc(*dels[i]) + "</pre></td>"
                                   : QByteArray("<tr><td class=\"fill\"></td>");
            out += i < ins.size() ? "<td class=\"ins\"><pre>" + esc(*ins[i]) + "</pre></td></tr>"
                                  : QByteArray("<td class=\"fill\"></td></tr>");
        }
        dels.clear();
        ins.clear();
    };
    for (const LineEdit& e : edits) {
        if (e.op == SequenceDiff::Op::Keep) {
            flush();
            const QByteArray line = "<td><pre>" + esc(e.text) + "</pre></td>";
            out += "<tr>" + line + line + "</tr>";
        } else {
            (e.op == SequenceDiff::Op::Delete ? dels : ins).push_back(&e.text);
        }
    }
    flush();
    return out + "</table>";
}

QByteArray countsRow(const std::array<int, EntityDiff::stateCount>& counts, int typeOrTtl)
{
    QByteArray out;
    for (int s = 0; s < EntityDiff::stateCount; ++s) {
        const int n = counts[size_t(s)];
        out += QByteArray(n ? "<td>" : "<td class=\"zero\">") + QByteArray::number(n) + "</td>";
    }
    return out + (typeOrTtl ? "<td>" : "<td class=\"zero\">") + QByteArray::number(typeOrTtl) +
           "</td>";
}

QByteArray countsHeader()
{
    QByteArray out;
    for (int s = 0; s < EntityDiff::stateCount; ++s)
        out += QByteArray("<th>") + entityStateName(EntityDiff::State(s)) + "</th>";
    return out + "<th>type/TTL</th>";
}

QByteArray sideMeta(const char* label, const DiffReport::SideInfo& s)
{
    return QByteArray("<tr><td>") + label + "</td><td>" + esc(s.description) + " (" + esc(s.kind) +
           ", layout " + esc(s.layout) + ", " + QByteArray::number(s.entities) + " entities, " +
           QByteArray::number(s.valueBytes) + " bytes" +
           (s.unmappedKeys.isEmpty()
                ? QByteArray()
                : ", " + QByteArray::number(s.unmappedKeys.size()) + " unmapped keys") +
           ")</td></tr>";
}

} // namespace

QByteArray DiffHtmlWriter::write(const DiffReport& report, int maxDetailed)
{
    QByteArray out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                     "<title>pmkv diff: " +
                     esc(report.left.spec) + " vs " + esc(report.right.spec) + "</title><style>" +
                     kStyle + "</style></head><body>\n";

    // Navigation: roll-ups, then every entity.
    out += "<nav><b>Where the differences are</b><ul>";
    bool inProject = false;
    for (const DiffRollup& r : report.rollups) {
        const QByteArray label =
            r.epic.isEmpty()
                ? (r.project.isEmpty() ? QByteArray("(people, lists)") : esc(r.project))
                : esc(r.epic);
        const QByteArray text = label + " <small>" + QByteArray::number(r.different()) + " of " +
                                QByteArray::number(r.total()) + "</small>";
        if (r.epic.isEmpty()) {
            if (inProject)
                out += "</ul></li>";
            out += "<li><b>" + text + "</b><ul>";
            inProject = true;
        } else {
            out += "<li>" + text + "</li>";
        }
    }
    if (inProject)
        out += "</ul></li>";
    out += "</ul><b>Entities</b><ul>";
    for (qsizetype i = 0; i < report.entities.size(); ++i) {
        const EntityDiff& d = report.entities[i];
        out += "<li><a href=\"#e" + QByteArray::number(i) + "\">" + esc(entityTitle(d.ref)) +
               "</a> " + badge(d.state) + "</li>";
    }
    out += "</ul></nav>\n<main>";

    out += "<h1>pmkv diff</h1><table class=\"meta\">";
    out += "<tr><td>started</td><td>" + esc(report.startedAt.toString(Qt::ISODate)) + "</td></tr>";
    out += "<tr><td>comparison time</td><td>" + QByteArray::number(report.seconds, 'f', 3) +
           " s</td></tr>";
    out += sideMeta("left", report.left) + sideMeta("right", report.right);
    out += "<tr><td>ignored fields</td><td>" + esc(report.ignore.join(QStringLiteral(", "))) +
           "</td></tr><tr><td>set arrays</td><td>" + esc(report.sets.join(QStringLiteral(", "))) +
           "</td></tr><tr><td>whitespace-only changes</td><td>" +
           (report.ignoreWhitespace ? "ignored" : "reported") + "</td></tr></table>";
    out += "<h2>Summary: " +
           QByteArray(report.hasDifferences() ? "the sides differ" : "the sides are the same") +
           "</h2><table><tr><th>where</th>" + countsHeader() + "</tr>";
    out += "<tr><td><b>all</b></td>" + countsRow(report.counts, report.typeOrTtl) + "</tr>";
    for (const DiffRollup& r : report.rollups) {
        const QByteArray where = r.project.isEmpty() ? QByteArray("(people, lists)")
                                 : r.epic.isEmpty()  ? QByteArray("<b>" + esc(r.project) + "</b>")
                                                     : QByteArray("&nbsp;&nbsp;" + esc(r.epic));
        out += "<tr><td>" + where + "</td>" + countsRow(r.counts, r.typeOrTtl) + "</tr>";
    }
    out += "</table>";
    for (const auto* side : {&report.left, &report.right}) {
        if (side->unmappedKeys.isEmpty())
            continue;
        out += "<h3>Keys of " + esc(side->description) + " that match no role of layout " +
               esc(side->layout) + "</h3><ul>";
        for (const QString& k : side->unmappedKeys)
            out += "<li><code>" + esc(k) + "</code></li>";
        out += "</ul>";
    }

    for (qsizetype i = 0; i < report.entities.size(); ++i) {
        const EntityDiff& d = report.entities[i];
        out += "<section id=\"e" + QByteArray::number(i) + "\"><h3>" + esc(entityTitle(d.ref)) +
               " " + badge(d.state) + "</h3><table class=\"meta\">";
        if (d.state != EntityDiff::State::OnlyRight)
            out += "<tr><td>left</td><td><code>" + esc(d.leftLocation) + "</code>" +
                   (d.leftType.isEmpty() ? QByteArray() : " type " + esc(d.leftType)) +
                   (d.leftTtl ? " TTL " + QByteArray::number(*d.leftTtl) : QByteArray()) +
                   "</td></tr>";
        if (d.state != EntityDiff::State::OnlyLeft)
            out += "<tr><td>right</td><td><code>" + esc(d.rightLocation) + "</code>" +
                   (d.rightType.isEmpty() ? QByteArray() : " type " + esc(d.rightType)) +
                   (d.rightTtl ? " TTL " + QByteArray::number(*d.rightTtl) : QByteArray()) +
                   "</td></tr>";
        if (!d.leftUnreadable.isEmpty())
            out += "<tr><td>left unreadable</td><td>" + esc(d.leftUnreadable) + "</td></tr>";
        if (!d.rightUnreadable.isEmpty())
            out += "<tr><td>right unreadable</td><td>" + esc(d.rightUnreadable) + "</td></tr>";
        if (d.typeDiffers)
            out += "<tr><td>type</td><td>differs</td></tr>";
        if (d.ttlDiffers)
            out += "<tr><td>TTL</td><td>differs</td></tr>";
        out += "</table>";
        if (!d.changes.empty()) {
            out += "<table class=\"changes\"><tr><th>change</th><th>field</th><th>left</th>"
                   "<th>right</th></tr>";
            for (const FieldChange& c : d.changes) {
                out += QByteArray("<tr><td>") + fieldChangeKindName(c.kind) + "</td><td><code>" +
                       esc(c.path.empty() ? std::string("(whole value)") : c.path) + "</code>" +
                       (c.from.empty() ? QByteArray() : " from <code>" + esc(c.from) + "</code>") +
                       "</td>" + valueCell(c, true) + valueCell(c, false) + "</tr>";
            }
            out += "</table>";
        }
        const bool readable = d.state != EntityDiff::State::Unreadable;
        if (readable && i < maxDetailed && d.state != EntityDiff::State::Same)
            out += "<p>Values side by side (left | right):</p>" +
                   sideBySide(d.leftValue, d.rightValue, d.state != EntityDiff::State::OnlyRight,
                              d.state != EntityDiff::State::OnlyLeft);
        out += "</section>\n";
    }
    if (report.entities.isEmpty())
        out += "<p>No entity differs.</p>";
    return out + "</main></body></html>\n";
}

} // namespace pmkv
