// Structural JSON diff: what it reports (table-driven), what it ignores, and the patch
// round-trip property apply(left, patch) == right over many generated documents.
#include "diff/jsonparser.h"
#include "diff/jsonpatch.h"
#include "diff/linediff.h"
#include "diff/structuraldiff.h"
#include "generate/documentfactory.h"

#include <QtTest>

using namespace pmkv;

namespace {

JsonValue parsed(const QByteArray& text)
{
    auto r = JsonParser::parse(text);
    if (!r)
        qFatal("test JSON does not parse: %s (%s)", text.constData(),
               qPrintable(r.error().message));
    return r.value();
}

QStringList describe(const StructuralDiff::Outcome& outcome)
{
    QStringList out;
    for (const FieldChange& c : outcome.changes) {
        QString line = QString::fromLatin1(fieldChangeKindName(c.kind)) + QLatin1Char(' ') +
                       QString::fromStdString(c.path);
        if (!c.from.empty())
            line += QStringLiteral(" from ") + QString::fromStdString(c.from);
        out << line;
    }
    return out;
}

DiffOptions options(const QStringList& ignore, const QStringList& sets, bool whitespace)
{
    DiffOptions o;
    QString error;
    if (!DiffOptions::fromLists(ignore, sets, whitespace, o, error))
        qFatal("bad options: %s", qPrintable(error));
    return o;
}

// The property every outcome must have: the patch turns left into right, as far as the
// options see (ignored fields are neither reported nor patched), and survives its JSON form.
void checkRoundTrip(const JsonValue& left, const JsonValue& right, const DiffOptions& opts,
                    const StructuralDiff::Outcome& outcome)
{
    auto applied = JsonPatch::apply(left, outcome.patch);
    QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
    if (opts.isDefault())
        QVERIFY2(applied.value() == right,
                 (applied.value().compact() + " != " + right.compact()).c_str());
    else
        QVERIFY2(StructuralDiff::compare(applied.value(), right, opts).same(),
                 applied.value().compact().c_str());

    auto reparsed =
        JsonParser::parse(QByteArray::fromStdString(JsonPatch::toJson(outcome.patch).compact()));
    QVERIFY(reparsed.ok());
    auto ops = JsonPatch::fromJson(reparsed.value());
    QVERIFY(ops.ok());
    auto again = JsonPatch::apply(left, ops.value());
    QVERIFY(again.ok());
    QCOMPARE(again.value(), applied.value());
}

} // namespace

class TestStructuralDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_data();
    void compare();
    void numbersAreExact_data();
    void numbersAreExact();
    void lineDiffInsideLongText();
    void patchSelection();
    void patchErrors();
    void roundTripOverGeneratedDocuments();
    void duplicateNamesInALargeObject();
    void prettyLinesNameWhereEachValueStarts();
};

// The diff view scrolls to a change by the line its pointer starts on in the pretty text.
void TestStructuralDiff::prettyLinesNameWhereEachValueStarts()
{
    const JsonValue doc = parsed(R"({"id":"S-1","a/b":{"~x":[1,{"deep":true},[]],"e":{}},)"
                                 R"("list":[],"last":null})");
    JsonValue::PointerLines lines;
    const std::string text = doc.pretty(2, lines);
    QCOMPARE(QString::fromStdString(text), QString::fromStdString(doc.pretty(2)));
    const QStringList textLines = QString::fromStdString(text).split(QLatin1Char('\n'));
    const QList<QPair<const char*, const char*>> expected{
        {"", "{"},
        {"/id", R"(  "id": "S-1",)"},
        {"/a~1b", R"(  "a/b": {)"},
        {"/a~1b/~0x", R"(    "~x": [)"},
        {"/a~1b/~0x/0", "      1,"},
        {"/a~1b/~0x/1", "      {"},
        {"/a~1b/~0x/1/deep", R"(        "deep": true)"},
        {"/a~1b/~0x/2", "      []"},
        {"/a~1b/e", R"(    "e": {})"},
        {"/list", R"(  "list": [],)"},
        {"/last", R"(  "last": null)"},
    };
    QCOMPARE(int(lines.size()), int(expected.size()));
    for (const auto& [pointer, line] : expected) {
        const auto it = lines.find(pointer);
        QVERIFY2(it != lines.end(), pointer);
        QVERIFY2(it->second < textLines.size(), pointer);
        QCOMPARE(textLines.at(it->second), QString::fromUtf8(line));
    }
}

// JSON.parse semantics past the parser's scan limit too: a repeated name keeps its first
// position and takes the last value; a 100,000-member object parses (once quadratic).
void TestStructuralDiff::duplicateNamesInALargeObject()
{
    for (int members : {5, 40, 100000}) {
        QByteArray text = "{\"first\":1";
        for (int i = 0; i < members; ++i)
            text += ",\"m" + QByteArray::number(i) + "\":" + QByteArray::number(i);
        text += ",\"first\":2,\"m3\":\"last\"}";
        const auto parsed = JsonParser::parse(text);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        const auto& m = parsed.value().members();
        QCOMPARE(m.size(), size_t(members + 1));
        QCOMPARE(m.front().first, std::string("first"));
        QCOMPARE(m.front().second.compact(), std::string("2"));
        QCOMPARE(parsed.value().find("m3")->compact(), std::string("\"last\""));
        QCOMPARE(m.at(4).first, std::string("m3"));
    }
}

void TestStructuralDiff::compare_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QByteArray>("right");
    QTest::addColumn<QStringList>("ignore");
    QTest::addColumn<QStringList>("sets");
    QTest::addColumn<bool>("whitespace");
    QTest::addColumn<QStringList>("expected");

    const QStringList none;
    auto row = [&](const char* name, const char* l, const char* r, QStringList expected,
                   QStringList ignore = {}, QStringList sets = {}, bool ws = false) {
        QTest::newRow(name) << QByteArray(l) << QByteArray(r) << ignore << sets << ws << expected;
    };

    // Objects
    row("identical", R"({"a":1,"b":[1,2]})", R"({"a":1,"b":[1,2]})", none);
    row("member order is not a change", R"({"a":1,"b":2})", R"({"b":2,"a":1})", none);
    row("scalar changed", R"({"a":1})", R"({"a":2})", {QStringLiteral("changed /a")});
    row("member added", R"({"a":1})", R"({"a":1,"b":"x"})", {QStringLiteral("added /b")});
    row("member removed", R"({"a":1,"b":"x"})", R"({"a":1})", {QStringLiteral("removed /b")});
    row("nested", R"({"m":{"c":{"x":1,"y":2}}})", R"({"m":{"c":{"x":1,"y":3}}})",
        {QStringLiteral("changed /m/c/y")});
    row("type changed", R"({"a":[1]})", R"({"a":{"0":1}})", {QStringLiteral("changed /a")});
    row("root type changed", R"([1])", R"({"a":1})", {QStringLiteral("changed ")});
    row("escaped member names", R"({"a/b":1,"c~d":1})", R"({"a/b":2,"c~d":2})",
        {QStringLiteral("changed /a~1b"), QStringLiteral("changed /c~0d")});
    row("empty member name", R"({"":1})", R"({"":2})", {QStringLiteral("changed /")});

    // Nulls
    row("nested null kept", R"({"a":{"b":null}})", R"({"a":{"b":null}})", none);
    row("null to value", R"({"a":{"b":null}})", R"({"a":{"b":0}})",
        {QStringLiteral("changed /a/b")});
    row("null to object", R"({"a":null})", R"({"a":{}})", {QStringLiteral("changed /a")});
    row("null member vs missing", R"({"a":null})", R"({})", {QStringLiteral("removed /a")});
    row("null item in array", R"({"d":[null,1]})", R"({"d":[null,2]})",
        {QStringLiteral("changed /d/1")});

    // Unicode
    row("escape equals raw", R"({"t":"\u00e9\ud83d\ude00"})",
        "{\"t\":\"\xc3\xa9\xf0\x9f\x98\x80\"}", none);
    row("unicode changed", "{\"t\":\"caf\xc3\xa9\"}", R"({"t":"cafe"})",
        {QStringLiteral("changed /t")});
    row("unicode member name", "{\"\xc3\xa9t\xc3\xa9\":1}", "{\"\xc3\xa9t\xc3\xa9\":2}",
        {QString::fromUtf8("changed /\xc3\xa9t\xc3\xa9")});

    // Arrays of ids
    row("ids same", R"({"s":["F-AI-001","F-AI-002"]})", R"({"s":["F-AI-001","F-AI-002"]})", none);
    row("id moved to front is one move", R"({"s":["A","B","C","D"]})", R"({"s":["D","A","B","C"]})",
        {QStringLiteral("moved /s/0 from /s/3")});
    row("id moved to end is one move", R"({"s":["A","B","C","D"]})", R"({"s":["B","C","D","A"]})",
        {QStringLiteral("moved /s/3 from /s/0")});
    row("ids swapped", R"({"s":["A","B"]})", R"({"s":["B","A"]})",
        {QStringLiteral("moved /s/1 from /s/0")});
    row("id removed and added", R"({"s":["A","B","C"]})", R"({"s":["A","C","D"]})",
        {QStringLiteral("removed /s/1"), QStringLiteral("added /s/2")});
    row("ids from empty", R"({"s":[]})", R"({"s":["A","B"]})",
        {QStringLiteral("added /s/0"), QStringLiteral("added /s/1")});
    row("ids to empty", R"({"s":["A","B"]})", R"({"s":[]})",
        {QStringLiteral("removed /s/0"), QStringLiteral("removed /s/1")});
    row("ids reversed", R"({"s":["A","B","C"]})", R"({"s":["C","B","A"]})",
        {QStringLiteral("moved /s/1 from /s/1"), QStringLiteral("moved /s/2 from /s/0")});
    row("duplicate ids fall back to positions", R"({"s":["A","A","B"]})", R"({"s":["A","B","B"]})",
        {QStringLiteral("changed /s/1")});

    // Arrays of objects with id
    row("objects by id: moved and changed", R"({"f":[{"id":1,"x":1},{"id":2,"x":2}]})",
        R"({"f":[{"id":2,"x":3},{"id":1,"x":1}]})",
        {QStringLiteral("changed /f/0/x"), QStringLiteral("moved /f/1 from /f/0")});
    row("objects by string id: inserted in the middle",
        R"({"p":[{"id":"a","n":"A"},{"id":"c","n":"C"}]})",
        R"({"p":[{"id":"a","n":"A"},{"id":"b","n":"B"},{"id":"c","n":"C2"}]})",
        {QStringLiteral("added /p/1"), QStringLiteral("changed /p/2/n")});
    row("objects by id: removed", R"({"p":[{"id":"a"},{"id":"b"},{"id":"c"}]})",
        R"({"p":[{"id":"a"},{"id":"c"}]})", {QStringLiteral("removed /p/1")});
    row("number id and string id differ", R"({"p":[{"id":1}]})", R"({"p":[{"id":"1"}]})",
        {QStringLiteral("removed /p/0"), QStringLiteral("added /p/0")});

    // Arrays by position
    row("criterion edited is one change",
        R"({"ac":["Given a user","When they log in","Then it works"]})",
        R"({"ac":["Given a user","When they sign in","Then it works"]})",
        {QStringLiteral("changed /ac/1")});
    row("criterion inserted", R"({"ac":["one thing","two things"]})",
        R"({"ac":["one thing","new thing here","two things"]})", {QStringLiteral("added /ac/1")});
    row("criterion removed", R"({"ac":["one thing","gone now","two things"]})",
        R"({"ac":["one thing","two things"]})", {QStringLiteral("removed /ac/1")});
    row("objects without id by position", R"({"files":[{"path":"a","role":"test"}]})",
        R"({"files":[{"path":"a","role":"primary"}]})", {QStringLiteral("changed /files/0/role")});
    row("numbers by position", R"({"n":[1,2,3]})", R"({"n":[1,3]})",
        {QStringLiteral("removed /n/1")});

    // Ignore rules
    row("ignored field", R"({"a":1,"updatedAt":"2025-01-01"})",
        R"({"a":1,"updatedAt":"2025-02-01"})", none, {QStringLiteral("/updatedAt")});
    row("ignored field added", R"({"a":1})", R"({"a":1,"updatedAt":"x"})", none,
        {QStringLiteral("/updatedAt")});
    row("ignore only matches its depth", R"({"m":{"updatedAt":1}})", R"({"m":{"updatedAt":2}})",
        {QStringLiteral("changed /m/updatedAt")}, {QStringLiteral("/updatedAt")});
    row("ignore with wildcard", R"({"files":[{"path":"a","at":1},{"path":"b","at":1}]})",
        R"({"files":[{"path":"a","at":2},{"path":"b","at":3}]})", none,
        {QStringLiteral("/files/*/at")});
    row("ignore keeps other changes", R"({"a":1,"updatedAt":1})", R"({"a":2,"updatedAt":2})",
        {QStringLiteral("changed /a")}, {QStringLiteral("/updatedAt")});
    row("whitespace-only ignored", R"({"d":"Hello  world\n"})", R"({"d":" Hello world"})", none, {},
        {}, true);
    row("whitespace-only reported by default", R"({"d":"Hello  world\n"})",
        R"({"d":" Hello world"})", {QStringLiteral("changed /d")});
    row("whitespace rule keeps real changes", R"({"d":"Hello world"})", R"({"d":"Hello there"})",
        {QStringLiteral("changed /d")}, {}, {}, true);
    row("set order ignored", R"({"tags":["ui","api","db"]})", R"({"tags":["db","ui","api"]})", none,
        {}, {QStringLiteral("/tags")});
    row("set member added", R"({"tags":["ui","api"]})", R"({"tags":["api","ui","db"]})",
        {QStringLiteral("added /tags/2")}, {}, {QStringLiteral("/tags")});
    row("set of objects", R"({"files":[{"path":"a"},{"path":"b"}]})",
        R"({"files":[{"path":"b"},{"path":"c"}]})",
        {QStringLiteral("removed /files/0"), QStringLiteral("added /files/1")}, {},
        {QStringLiteral("/files")});
    row("set order without the rule is moves", R"({"tags":["ui","api"]})",
        R"({"tags":["api","ui"]})", {QStringLiteral("moved /tags/1 from /tags/0")});
}

void TestStructuralDiff::compare()
{
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, right);
    QFETCH(QStringList, ignore);
    QFETCH(QStringList, sets);
    QFETCH(bool, whitespace);
    QFETCH(QStringList, expected);

    const JsonValue l = parsed(left);
    const JsonValue r = parsed(right);
    const DiffOptions opts = options(ignore, sets, whitespace);
    const StructuralDiff::Outcome outcome = StructuralDiff::compare(l, r, opts);
    QCOMPARE(describe(outcome), expected);
    QCOMPARE(outcome.same(), expected.isEmpty());
    checkRoundTrip(l, r, opts, outcome);
    if (QTest::currentTestFailed())
        return;
    // The reverse direction is just as exact.
    const StructuralDiff::Outcome back = StructuralDiff::compare(r, l, opts);
    QCOMPARE(back.same(), expected.isEmpty());
    checkRoundTrip(r, l, opts, back);
}

void TestStructuralDiff::numbersAreExact_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QByteArray>("right");
    QTest::addColumn<bool>("equal");

    QTest::newRow("2^53+1 vs 2^53")
        << QByteArray("9007199254740993") << QByteArray("9007199254740992") << false;
    QTest::newRow("2^64+1 vs 2^64")
        << QByteArray("18446744073709551617") << QByteArray("18446744073709551616") << false;
    QTest::newRow("huge equal") << QByteArray("123456789012345678901234567890")
                                << QByteArray("123456789012345678901234567890") << true;
    QTest::newRow("negative big") << QByteArray("-9007199254740993")
                                  << QByteArray("-9007199254740995") << false;
    QTest::newRow("1 vs 1.0") << QByteArray("1") << QByteArray("1.0") << true;
    QTest::newRow("1 vs 1e0") << QByteArray("1") << QByteArray("1e0") << true;
    QTest::newRow("-0 vs 0") << QByteArray("-0") << QByteArray("0") << true;
    QTest::newRow("0.1 vs 0.10") << QByteArray("0.1") << QByteArray("0.10") << true;
    QTest::newRow("0.1 vs 0.2") << QByteArray("0.1") << QByteArray("0.2") << false;
    QTest::newRow("1.5 vs 1.50000000000000001")
        << QByteArray("1.5") << QByteArray("1.50000000000000001") << true;
}

void TestStructuralDiff::numbersAreExact()
{
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, right);
    QFETCH(bool, equal);
    const JsonValue l = parsed("{\"n\":" + left + "}");
    const JsonValue r = parsed("{\"n\":" + right + "}");
    const auto outcome = StructuralDiff::compare(l, r);
    QCOMPARE(outcome.same(), equal);
    if (!equal) {
        QCOMPARE(outcome.patch.size(), size_t(1));
        // The patch carries the exact number, so applying it yields the right side exactly.
        QCOMPARE(outcome.patch.front().value.text(), r.find("n")->text());
        QVERIFY(JsonPatch::toJson(outcome.patch).compact().find(r.find("n")->text()) !=
                std::string::npos);
    }
    checkRoundTrip(l, r, DiffOptions{}, outcome);
}

void TestStructuralDiff::lineDiffInsideLongText()
{
    std::string left = "# Title\n\nIntro paragraph.\n\n";
    for (int i = 0; i < 200; ++i)
        left += "- item " + std::to_string(i) + "\n";
    std::string right = left;
    right.replace(right.find("- item 100\n"), 11, "- item one hundred\n");
    right.insert(right.find("Intro"), "A new line\n");

    JsonValue l = JsonValue::object();
    l.insert("description", JsonValue::string(left));
    JsonValue r = JsonValue::object();
    r.insert("description", JsonValue::string(right));
    const auto outcome = StructuralDiff::compare(l, r);
    QCOMPARE(describe(outcome), QStringList{QStringLiteral("changed /description")});
    const FieldChange& change = outcome.changes.front();
    QVERIFY(!change.lines.empty());
    QStringList edits;
    int kept = 0;
    for (const LineEdit& e : change.lines) {
        if (e.op == SequenceDiff::Op::Keep)
            ++kept;
        else
            edits << (e.op == SequenceDiff::Op::Insert ? QStringLiteral("+")
                                                       : QStringLiteral("-")) +
                         QString::fromStdString(e.text);
    }
    QCOMPARE(edits, (QStringList{QStringLiteral("+A new line"), QStringLiteral("-- item 100"),
                                 QStringLiteral("+- item one hundred")}));
    QCOMPARE(kept, int(LineDiff::split(left).size()) - 1);

    // A single-line text carries no line diff.
    JsonValue a = JsonValue::object();
    a.insert("title", JsonValue::string("one"));
    JsonValue b = JsonValue::object();
    b.insert("title", JsonValue::string("two"));
    QVERIFY(StructuralDiff::compare(a, b).changes.front().lines.empty());
}

void TestStructuralDiff::patchSelection()
{
    const JsonValue l = parsed(R"({"title":"a","status":"todo","tags":["x","y"],"m":{"k":1}})");
    const JsonValue r = parsed(R"({"title":"b","status":"done","tags":["y","x","z"],"m":{"k":2}})");
    const auto outcome = StructuralDiff::compare(l, r);
    const auto only = JsonPatch::select(outcome.patch, {"/status", "/tags"});
    auto applied = JsonPatch::apply(l, only);
    QVERIFY(applied.ok());
    QCOMPARE(applied.value(),
             parsed(R"({"title":"a","status":"done","tags":["y","x","z"],"m":{"k":1}})"));
    const auto m = JsonPatch::select(outcome.patch, {"/m"});
    QCOMPARE(JsonPatch::apply(l, m).value(),
             parsed(R"({"title":"a","status":"todo","tags":["x","y"],"m":{"k":2}})"));
    QVERIFY(JsonPatch::select(outcome.patch, {"/nothing"}).empty());
}

void TestStructuralDiff::patchErrors()
{
    const JsonValue doc = parsed(R"({"a":[1,2]})");
    auto ops = JsonPatch::fromJson(parsed(R"([{"op":"remove","path":"/a/5"}])"));
    QVERIFY(ops.ok());
    auto r = JsonPatch::apply(doc, ops.value());
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("/a/5")));
    auto t = JsonPatch::fromJson(parsed(R"([{"op":"test","path":"/a/0","value":1},
                                            {"op":"add","path":"/a/-","value":3}])"));
    QVERIFY(t.ok());
    QCOMPARE(JsonPatch::apply(doc, t.value()).value(), parsed(R"({"a":[1,2,3]})"));
    QVERIFY(!JsonPatch::fromJson(parsed(R"([{"op":"jump","path":"/a"}])")).ok());
    QVERIFY(!JsonPatch::fromJson(parsed(R"({"op":"add"})")).ok());
}

namespace {

// Random edits of the kinds people make: change a scalar, edit text, add or drop a member,
// insert, remove or move array items, replace a subtree, swap members.
void mutate(JsonValue& v, SplitMix64& rnd, DocumentFactory& words, int depth)
{
    if (v.isObject() && !v.members().empty()) {
        auto& members = v.members();
        const int edits = 1 + int(rnd.below(3));
        for (int e = 0; e < edits && !members.empty(); ++e) {
            const size_t i = rnd.below(members.size());
            switch (rnd.below(6)) {
            case 0:
                members.erase(members.begin() + std::ptrdiff_t(i));
                break;
            case 1:
                v.insert("new" + std::to_string(rnd.below(5)),
                         JsonValue::string(words.words(3).toStdString()));
                break;
            case 2:
                if (members.size() > 1)
                    std::swap(members[i], members[rnd.below(members.size())]);
                break;
            default:
                mutate(members[i].second, rnd, words, depth + 1);
                break;
            }
        }
        return;
    }
    if (v.isArray()) {
        auto& items = v.items();
        switch (rnd.below(5)) {
        case 0:
            if (!items.empty())
                items.erase(items.begin() + std::ptrdiff_t(rnd.below(items.size())));
            break;
        case 1: {
            JsonValue add = items.empty() ? JsonValue::string(words.words(1).toStdString())
                                          : items[rnd.below(items.size())];
            if (add.isString())
                add = JsonValue::string(add.text() + "-" + std::to_string(rnd.below(1000)));
            items.insert(items.begin() + std::ptrdiff_t(rnd.below(items.size() + 1)), add);
            break;
        }
        case 2:
            if (items.size() > 1) {
                const size_t from = rnd.below(items.size());
                JsonValue moved = items[from];
                items.erase(items.begin() + std::ptrdiff_t(from));
                items.insert(items.begin() + std::ptrdiff_t(rnd.below(items.size() + 1)), moved);
            }
            break;
        default:
            if (!items.empty())
                mutate(items[rnd.below(items.size())], rnd, words, depth + 1);
            break;
        }
        return;
    }
    switch (rnd.below(5)) {
    case 0:
        v = JsonValue();
        break;
    case 1:
        v = JsonValue::number(std::to_string(rnd.next()) + "123456789"); // beyond 2^64
        break;
    case 2:
        v = JsonValue::boolean(rnd.below(2) == 1);
        break;
    case 3:
        if (v.isString() && v.text().find('\n') != std::string::npos) {
            std::string t = v.text();
            t.insert(rnd.below(t.size()), "\nan added line\n");
            v = JsonValue::string(t);
            break;
        }
        [[fallthrough]];
    default:
        v = JsonValue::string(words.sentence().toStdString() + " \xe2\x9c\x93");
        break;
    }
}

} // namespace

void TestStructuralDiff::roundTripOverGeneratedDocuments()
{
    DocumentFactory factory(42);
    SplitMix64 rnd(7);
    const QStringList siblings = {QStringLiteral("F-AI-001"), QStringLiteral("F-AI-002"),
                                  QStringLiteral("F-AI-003")};
    const QStringList epics = {QStringLiteral("alpha"), QStringLiteral("beta"),
                               QStringLiteral("gamma"), QStringLiteral("delta")};
    int changed = 0;
    for (int n = 0; n < 400; ++n) {
        nlohmann::ordered_json doc;
        switch (n % 4) {
        case 0:
        case 1:
            doc = factory.story(QStringLiteral("F-AI-%1").arg(n, 3, 10, QLatin1Char('0')),
                                QStringLiteral("alpha"), QStringLiteral("person-1"), siblings);
            break;
        case 2:
            doc = factory.epic(QStringLiteral("AI"), QStringLiteral("alpha"), siblings,
                               QStringLiteral("person-1"));
            break;
        default:
            doc = factory.project(QStringLiteral("demo"), epics, QStringLiteral("person-1"),
                                  {QStringLiteral("person-2")});
            break;
        }
        const JsonValue left = parsed(toPrettyJson(doc));
        JsonValue right = left;
        const int rounds = 1 + int(rnd.below(4));
        for (int k = 0; k < rounds; ++k)
            mutate(right, rnd, factory, 0);
        const auto outcome = StructuralDiff::compare(left, right);
        if (!outcome.same())
            ++changed;
        QCOMPARE(outcome.same(), left == right);
        checkRoundTrip(left, right, DiffOptions{}, outcome);
        if (QTest::currentTestFailed()) {
            qWarning("document %d\nleft:  %s\nright: %s", n, left.compact().c_str(),
                     right.compact().c_str());
            return;
        }
        const auto back = StructuralDiff::compare(right, left);
        checkRoundTrip(right, left, DiffOptions{}, back);
        if (QTest::currentTestFailed())
            return;
        // With ignore rules the property holds for what the rules leave.
        const DiffOptions opts =
            options({QStringLiteral("/updatedAt"), QStringLiteral("/metadata/*")},
                    {QStringLiteral("/tags")}, true);
        checkRoundTrip(left, right, opts, StructuralDiff::compare(left, right, opts));
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY2(changed > 350, qPrintable(QString::number(changed)));
}

QTEST_GUILESS_MAIN(TestStructuralDiff)
#include "tst_structuraldiff.moc"
