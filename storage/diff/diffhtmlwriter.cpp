#include "diff/diffhtmlwriter.h"

#include "diff/jsonparser.h"
#include "diff/linediff.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <optional>

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
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#6e7781;--line:#d0d7de;--soft:#f6f8fa;
--link:#0550ae;--del:#ffebe9;--ins:#dafbe1;--delw:#ff818266;--insw:#4ac26b66;--fill:#f3f4f6}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#8b949e;--line:#30363d;
--soft:#161b22;--link:#58a6ff;--del:#4b1d21;--ins:#12361f;--delw:#da363399;--insw:#2ea04399;--fill:#1c2128}}
body{font:14px/1.45 system-ui,sans-serif;margin:0;display:flex;color:var(--fg);background:var(--bg)}
nav{width:300px;min-width:300px;height:100vh;overflow:auto;position:sticky;top:0;background:var(--soft);border-right:1px solid var(--line);padding:8px 10px;box-sizing:border-box;font-size:13px}
nav ul{list-style:none;padding-left:12px;margin:2px 0}
nav>ul{padding-left:0}
nav li{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
nav .legend{white-space:nowrap}
nav .grp{font-weight:600;margin-top:4px}
nav .grp small,.zero{color:var(--muted);font-weight:400}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
main{flex:1;padding:12px 24px;min-width:0}
h1{margin:4px 0 8px}
table{border-collapse:collapse}
td,th{border:1px solid var(--line);padding:2px 6px;vertical-align:top;text-align:left}
th{background:var(--soft)}
.meta td:first-child{font-weight:600;white-space:nowrap}
.badge{display:inline-block;padding:0 6px;border-radius:8px;font-size:12px;font-weight:600;color:#fff;background:#888;vertical-align:1px}
nav .badge{padding:0 4px;min-width:10px;text-align:center;margin-right:4px}
.changed{background:#bc6c00}.only-left{background:#b3261e}.only-right{background:#1a7f37}
.unreadable{background:#8250df}.equal-json{background:#0969da}.same{background:#6e7781}
.verdict{font-size:16px;margin:8px 0 12px;padding:8px 12px;border:1px solid var(--line);border-radius:6px;background:var(--soft)}
.verdict .badge{font-size:13px;margin-right:4px}
section{border-top:2px solid var(--line);margin-top:20px;padding-top:2px}
section h3{margin:8px 0 6px}
section h3 .top{float:right;font-size:12px;font-weight:400}
code{font:12px ui-monospace,monospace}
pre{margin:0;white-space:pre-wrap;word-break:break-all;font:12px/1.35 ui-monospace,monospace}
.sbs{width:100%;table-layout:fixed;margin-top:4px;border:1px solid var(--line)}
.sbs td{padding:0 4px;border:none;border-left:1px solid var(--line)}
.sbs td.n{width:3.5em;text-align:right;color:var(--muted);font:11px/1.5 ui-monospace,monospace;user-select:none;padding-right:6px}
.sbs tr.skip td{background:var(--soft);color:var(--muted);text-align:center;font-size:12px;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
.del{background:var(--del)}.ins{background:var(--ins)}.fill{background:var(--fill)}
.del mark{background:var(--delw);color:inherit}.ins mark{background:var(--insw);color:inherit}
.changes{width:100%;table-layout:fixed}
.changes col.k{width:6.5em}.changes col.f{width:22%}
.changes td pre{max-height:320px;overflow:auto}
.changes td.text{padding:0}.changes td.text .sbs{margin:0;border:none}
.changes td.text .sbs pre{max-height:none}
.changes td.kind{font-weight:600}
)";

// How many unchanged lines are shown around each change in the side-by-side view.
constexpr size_t kContext = 3;

QByteArray badge(EntityDiff::State state)
{
    const QByteArray name = comparisonKey(state);
    return "<span class=\"badge " + name + "\">" + name + "</span>";
}

// A one-character badge for the navigation pane (the legend above it names them).
QByteArray smallBadge(EntityDiff::State state)
{
    static const char* const symbols[] = {"=", "&asymp;", "~", "&minus;", "+", "!"};
    const QByteArray name = comparisonKey(state);
    return "<span class=\"badge " + name + "\" title=\"" + name + "\">" + symbols[size_t(state)] +
           "</span>";
}

// The entity's name inside its project/epic group in the navigation pane.
QByteArray shortTitle(const EntityRef& ref)
{
    switch (ref.role) {
    case KeyRole::Story:
        return esc(ref.story);
    case KeyRole::Epic:
        return "epic";
    case KeyRole::StoriesList:
        return "stories list";
    case KeyRole::Project:
        return "project";
    case KeyRole::EpicsList:
        return "epics list";
    default:
        return esc(entityTitle(ref));
    }
}

// Byte offset at or before `at` that does not split a UTF-8 sequence.
size_t utf8Boundary(const std::string& s, size_t at)
{
    while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80)
        --at;
    return at;
}

// `text` escaped, with the part that differs from `other` (between their common prefix and
// common suffix) wrapped in <mark>, so a one-word edit in a long line stands out.
QByteArray marked(const std::string& text, const std::string& other)
{
    const size_t limit = std::min(text.size(), other.size());
    size_t pre = 0;
    while (pre < limit && text[pre] == other[pre])
        ++pre;
    pre = utf8Boundary(text, pre);
    size_t suf = 0;
    while (suf < limit - pre && text[text.size() - 1 - suf] == other[other.size() - 1 - suf])
        ++suf;
    size_t end = text.size() - suf;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        ++end;
    if (pre == 0 && end == text.size())
        return esc(text);
    if (pre >= end)
        return esc(text);
    return esc(text.substr(0, pre)) + "<mark>" + esc(text.substr(pre, end - pre)) + "</mark>" +
           esc(text.substr(end));
}

QByteArray prettyOf(const QByteArray& bytes)
{
    auto parsed = JsonParser::parse(bytes);
    return parsed ? QByteArray::fromStdString(parsed.value().pretty(2)) : bytes;
}

QByteArray valueCell(const FieldChange& c, bool left)
{
    if (left && c.kind == FieldChange::Kind::Moved && !c.hasLeft && !c.from.empty())
        return "<td class=\"fill\"><pre>(was at " + esc(c.from) + ")</pre></td>";
    if (left ? !c.hasLeft : !c.hasRight)
        return "<td class=\"fill\"></td>";
    const JsonValue& v = left ? c.left : c.right;
    const std::string text = v.isContainer() ? v.pretty(2) : v.compact();
    QByteArray body = esc(text);
    if (c.hasLeft && c.hasRight && !c.left.isContainer() && !c.right.isContainer())
        body = marked(text, left ? c.right.compact() : c.left.compact());
    return QByteArray("<td class=\"") + (left ? "del" : "ins") + "\"><pre>" + body + "</pre></td>";
}

// A key's TTL in words: files have none, -1 is a key that does not expire.
QByteArray ttlText(const std::optional<qint64>& ttl)
{
    if (!ttl)
        return QByteArray();
    return *ttl < 0 ? QByteArray(", no expiry") : ", expires in " + QByteArray::number(*ttl) + " s";
}

QByteArray numCell(size_t n)
{
    return "<td class=\"n\">" + QByteArray::number(qulonglong(n)) + "</td>";
}

// A line diff side by side with line numbers (pretty JSON values, or the lines of a changed
// text), deleted lines against inserted ones (the changed part of a paired line marked). Unchanged
// runs longer than twice the context are folded to one row saying how many lines they hold.
QByteArray sideBySide(const std::vector<LineEdit>& edits)
{
    QByteArray out = "<table class=\"sbs\"><colgroup><col style=\"width:3.5em\"><col>"
                     "<col style=\"width:3.5em\"><col></colgroup>";
    size_t ln = 0;
    size_t rn = 0;
    std::vector<const std::string*> dels;
    std::vector<const std::string*> ins;
    auto flush = [&]() {
        const size_t rows = std::max(dels.size(), ins.size());
        for (size_t i = 0; i < rows; ++i) {
            const bool pair = i < dels.size() && i < ins.size();
            out += i < dels.size()
                       ? "<tr>" + numCell(++ln) + "<td class=\"del\"><pre>" +
                             (pair ? marked(*dels[i], *ins[i]) : esc(*dels[i])) + "</pre></td>"
                       : QByteArray("<tr><td class=\"n\"></td><td class=\"fill\"></td>");
            out += i < ins.size()
                       ? numCell(++rn) + "<td class=\"ins\"><pre>" +
                             (pair ? marked(*ins[i], *dels[i]) : esc(*ins[i])) + "</pre></td></tr>"
                       : QByteArray("<td class=\"n\"></td><td class=\"fill\"></td></tr>");
        }
        dels.clear();
        ins.clear();
    };
    auto keepRow = [&](const std::string& text) {
        const QByteArray line = "<td><pre>" + esc(text) + "</pre></td>";
        out += "<tr>" + numCell(++ln) + line + numCell(++rn) + line + "</tr>";
    };
    for (size_t i = 0; i < edits.size();) {
        if (edits[i].op != SequenceDiff::Op::Keep) {
            (edits[i].op == SequenceDiff::Op::Delete ? dels : ins).push_back(&edits[i].text);
            ++i;
            continue;
        }
        flush();
        size_t j = i;
        while (j < edits.size() && edits[j].op == SequenceDiff::Op::Keep)
            ++j;
        const size_t head = i == 0 ? 0 : kContext;            // context after a change
        const size_t tail = j == edits.size() ? 0 : kContext; // context before a change
        if (j - i > head + tail + 1) {
            for (size_t k = i; k < i + head; ++k)
                keepRow(edits[k].text);
            const size_t hidden = j - i - head - tail;
            out += "<tr class=\"skip\"><td colspan=\"4\">&#8942; " +
                   QByteArray::number(qulonglong(hidden)) + " unchanged line" +
                   (hidden == 1 ? "" : "s") + "</td></tr>";
            ln += hidden;
            rn += hidden;
            for (size_t k = j - tail; k < j; ++k)
                keepRow(edits[k].text);
        } else {
            for (size_t k = i; k < j; ++k)
                keepRow(edits[k].text);
        }
        i = j;
    }
    flush();
    return out + "</table>";
}

// The values as pretty JSON: side by side when both sides have the entity, else the one
// value across the page.
QByteArray values(const QByteArray& leftBytes, const QByteArray& rightBytes, bool hasLeft,
                  bool hasRight)
{
    if (hasLeft && hasRight)
        return "<p>Values side by side (left | right, unchanged runs folded):</p>" +
               sideBySide(LineDiff::diff(prettyOf(leftBytes).toStdString(),
                                         prettyOf(rightBytes).toStdString()));
    QByteArray out = QByteArray("<p>Value (only on the ") + (hasLeft ? "left" : "right") +
                     "):</p><table class=\"sbs\"><colgroup><col style=\"width:3.5em\"><col>"
                     "</colgroup>";
    const QByteArray cls = hasLeft ? "del" : "ins";
    size_t n = 0;
    for (const std::string& line :
         LineDiff::split(prettyOf(hasLeft ? leftBytes : rightBytes).toStdString()))
        out += "<tr>" + numCell(++n) + "<td class=\"" + cls + "\"><pre>" + esc(line) +
               "</pre></td></tr>";
    return out + "</table>";
}

QByteArray countsRow(const ComparisonCounts& counts, int typeOrTtl)
{
    QByteArray out;
    for (int s = 0; s < EntityDiff::stateCount; ++s) {
        const qint64 n = counts.n[size_t(s)];
        out += QByteArray(n ? "<td>" : "<td class=\"zero\">") + QByteArray::number(n) + "</td>";
    }
    return out + (typeOrTtl ? "<td>" : "<td class=\"zero\">") + QByteArray::number(typeOrTtl) +
           "</td>";
}

QByteArray countsHeader()
{
    QByteArray out;
    for (int s = 0; s < EntityDiff::stateCount; ++s)
        out += QByteArray("<th>") + comparisonKey(EntityDiff::State(s)) + "</th>";
    return out + "<th>type/TTL</th>";
}

QByteArray sideMeta(const char* label, const DiffReport::SideInfo& s)
{
    return QByteArray("<tr><td>") + label + "</td><td>" + esc(s.description) + " (" +
           (s.description.startsWith(s.kind) ? QByteArray() : esc(s.kind) + ", ") + "layout " +
           esc(s.layout) + ", " + QByteArray::number(s.entities) + " entities, " +
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
                     "<title>Diff: " +
                     esc(report.left.spec) + " vs " + esc(report.right.spec) + "</title><style>" +
                     kStyle + "</style></head><body>\n";

    // Navigation: per project and epic (with their roll-up counts), a link to every entity
    // listed in the report. Entities are grouped by where they belong, in report order.
    QHash<QString, QList<qsizetype>> groups;
    QStringList groupOrder;
    for (qsizetype i = 0; i < report.entities.size(); ++i) {
        const EntityRef& ref = report.entities[i].ref;
        const QString key = ref.project + QLatin1Char('\n') + ref.epic;
        if (!groups.contains(key))
            groupOrder.append(key);
        groups[key].append(i);
    }
    auto entityLinks = [&](const QString& key) {
        QByteArray links;
        for (qsizetype i : groups.value(key))
            links += "<li>" + smallBadge(report.entities[i].state) + "<a href=\"#e" +
                     QByteArray::number(i) + "\" title=\"" +
                     esc(entityTitle(report.entities[i].ref)) + "\">" +
                     shortTitle(report.entities[i].ref) + "</a></li>";
        return links;
    };
    out += "<nav><a href=\"#top\"><b>Summary</b></a><br><small>";
    for (int s = 1; s < EntityDiff::stateCount; ++s)
        out += "<span class=\"legend\">" + smallBadge(EntityDiff::State(s)) +
               comparisonKey(EntityDiff::State(s)) + "</span> ";
    out += "</small><ul>";
    QSet<QString> listed;
    bool inProject = false;
    for (const DiffRollup& r : report.rollups) {
        const QString key = r.project + QLatin1Char('\n') + r.epic;
        listed.insert(key);
        const QByteArray label =
            r.epic.isEmpty()
                ? (r.project.isEmpty() ? QByteArray("(people, lists)") : esc(r.project))
                : esc(r.epic);
        const QList<qsizetype> members = groups.value(key);
        const QByteArray name =
            members.isEmpty()
                ? label
                : "<a href=\"#e" + QByteArray::number(members.first()) + "\">" + label + "</a>";
        const QByteArray text = "<div class=\"grp\">" + name + " <small>" +
                                QByteArray::number(r.different()) + " of " +
                                QByteArray::number(r.total()) + " differ</small></div>";
        if (r.epic.isEmpty()) {
            if (inProject)
                out += "</ul></li>";
            out += "<li>" + text + "<ul>" + entityLinks(key);
            inProject = !r.project.isEmpty();
            if (!inProject)
                out += "</ul></li>";
        } else {
            out += "<li>" + text + "<ul>" + entityLinks(key) + "</ul></li>";
        }
    }
    if (inProject)
        out += "</ul></li>";
    for (const QString& key : groupOrder) {
        if (!listed.contains(key))
            out += "<li><div class=\"grp\">" +
                   esc(QString(key).replace(QLatin1Char('\n'), QLatin1Char('/'))) + "</div><ul>" +
                   entityLinks(key) + "</ul></li>";
    }
    out += "</ul></nav>\n<main id=\"top\">";

    out += "<h1>Diff</h1><p class=\"verdict\"><b>" +
           QByteArray(report.hasDifferences() ? "The sides differ" : "The sides are the same") +
           ":</b> ";
    for (int s = 0; s < EntityDiff::stateCount; ++s) {
        const qint64 n = report.counts.n[size_t(s)];
        if (n || s == int(EntityDiff::State::Same))
            out += QByteArray::number(n) + "&nbsp;" + badge(EntityDiff::State(s)) + " ";
    }
    if (report.typeOrTtl)
        out += QByteArray::number(report.typeOrTtl) + " with a different type/TTL";
    const qsizetype unmapped = report.left.unmappedKeys.size() + report.right.unmappedKeys.size();
    if (unmapped)
        out += "<a href=\"#unmapped\">" + QByteArray::number(unmapped) + " unmapped key" +
               (unmapped == 1 ? "" : "s") + "</a>";
    out += "</p><table class=\"meta\">";
    out += "<tr><td>started</td><td>" + esc(report.startedAt.toString(Qt::ISODate)) + "</td></tr>";
    out += "<tr><td>comparison time</td><td>" + QByteArray::number(report.seconds, 'f', 3) +
           " s</td></tr>";
    out += sideMeta("left", report.left) + sideMeta("right", report.right);
    out += "<tr><td>ignored fields</td><td>" + esc(report.ignore.join(QStringLiteral(", "))) +
           "</td></tr><tr><td>set arrays</td><td>" + esc(report.sets.join(QStringLiteral(", "))) +
           "</td></tr><tr><td>whitespace-only changes</td><td>" +
           (report.ignoreWhitespace ? "ignored" : "reported") + "</td></tr></table>";
    out +=
        "<h2>Counts per project and epic</h2><table><tr><th>where</th>" + countsHeader() + "</tr>";
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
        out += QByteArray(side == &report.left || report.left.unmappedKeys.isEmpty()
                              ? "<h3 id=\"unmapped\">"
                              : "<h3>") +
               "Keys of " + esc(side->description) + " that match no role of layout " +
               esc(side->layout) + "</h3><ul>";
        for (const QString& k : side->unmappedKeys)
            out += "<li><code>" + esc(k) + "</code></li>";
        out += "</ul>";
    }

    for (qsizetype i = 0; i < report.entities.size(); ++i) {
        const EntityDiff& d = report.entities[i];
        out += "<section id=\"e" + QByteArray::number(i) + "\"><h3>" + esc(entityTitle(d.ref)) +
               " " + badge(d.state) + " <a class=\"top\" href=\"#top\">&uarr; summary</a></h3>" +
               "<table class=\"meta\">";
        if (d.state != EntityDiff::State::OnlyRight)
            out += "<tr><td>left</td><td><code>" + esc(d.leftLocation) + "</code>" +
                   (d.leftType.isEmpty() ? QByteArray() : ", type " + esc(d.leftType)) +
                   ttlText(d.leftTtl) + "</td></tr>";
        if (d.state != EntityDiff::State::OnlyLeft)
            out += "<tr><td>right</td><td><code>" + esc(d.rightLocation) + "</code>" +
                   (d.rightType.isEmpty() ? QByteArray() : ", type " + esc(d.rightType)) +
                   ttlText(d.rightTtl) + "</td></tr>";
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
            out += "<table class=\"changes\"><colgroup><col class=\"k\"><col class=\"f\"><col>"
                   "<col></colgroup><tr><th>change</th><th>field</th><th>left</th>"
                   "<th>right</th></tr>";
            for (const FieldChange& c : d.changes) {
                out += QByteArray("<tr><td class=\"kind\">") + fieldChangeKindName(c.kind) +
                       "</td><td><code>" +
                       esc(c.path.empty() ? std::string("(whole value)") : c.path) + "</code>" +
                       (c.from.empty() ? QByteArray() : " from <code>" + esc(c.from) + "</code>") +
                       "</td>" +
                       (c.lines.empty() ? QByteArray(valueCell(c, true) + valueCell(c, false))
                                        : QByteArray("<td colspan=\"2\" class=\"text\">" +
                                                     sideBySide(c.lines) + "</td>")) +
                       "</tr>";
            }
            out += "</table>";
        }
        const bool readable = d.state != EntityDiff::State::Unreadable;
        if (readable && i < maxDetailed && d.state != EntityDiff::State::Same)
            out += values(d.leftValue, d.rightValue, d.state != EntityDiff::State::OnlyRight,
                          d.state != EntityDiff::State::OnlyLeft);
        else if (readable && d.state != EntityDiff::State::Same)
            out += "<p class=\"zero\">Values left out: this page shows them for the first " +
                   QByteArray::number(maxDetailed) +
                   " entities only (the JSON report has all of them).</p>";
        out += "</section>\n";
    }
    if (report.entities.isEmpty())
        out += "<p>No entity differs.</p>";
    return out + "</main></body></html>\n";
}

} // namespace pmkv
