#include "files/compactjson.h"
#include "files/jsstringify.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pmkv;

namespace {

// CompactJson reads what JsStringify writes: every case starts from a file's text.
QByteArray compact(const char* json)
{
    auto value = JsStringify::fromJsonText(QByteArray(json));
    return value ? value.value() : QByteArray();
}

} // namespace

class TestCompactJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void types_data();
    void types();
    void strings_data();
    void strings();
    void members();
    void elementsSkipNestedValues();
    void duplicateMembersKeepTheLastValue();
    void longStringsSkipToTheirEnd();
};

void TestCompactJson::types_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("name");
    QTest::newRow("object") << QByteArray("{ \"a\": 1 }") << int(CompactJson::Object)
                            << QStringLiteral("object");
    QTest::newRow("array") << QByteArray("[1, 2]") << int(CompactJson::Array)
                           << QStringLiteral("array");
    QTest::newRow("string") << QByteArray("\"x\"") << int(CompactJson::String)
                            << QStringLiteral("string");
    QTest::newRow("negative") << QByteArray("-1.5e3") << int(CompactJson::Number)
                              << QStringLiteral("number");
    QTest::newRow("true") << QByteArray("true") << int(CompactJson::Boolean)
                          << QStringLiteral("boolean");
    QTest::newRow("false") << QByteArray("false") << int(CompactJson::Boolean)
                           << QStringLiteral("boolean");
    QTest::newRow("null") << QByteArray("null") << int(CompactJson::Null) << QStringLiteral("null");
}

void TestCompactJson::types()
{
    QFETCH(QByteArray, json);
    QFETCH(int, type);
    QFETCH(QString, name);
    const QByteArray text = compact(json.constData());
    QVERIFY(!text.isEmpty());
    const CompactJson value(text);
    QCOMPARE(int(value.type()), type);
    QCOMPARE(QString::fromLatin1(value.typeName()), name);
}

void TestCompactJson::strings_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QByteArray("\"F-AI-001\"") << QStringLiteral("F-AI-001");
    QTest::newRow("quote and backslash")
        << QByteArray(R"("a \"b\" c\\d")") << QStringLiteral("a \"b\" c\\d");
    QTest::newRow("control escapes")
        << QByteArray(R"("tab\tnl\ncr\rff\fbs\b")") << QStringLiteral("tab\tnl\ncr\rff\fbs\b");
    QTest::newRow("other control") << QByteArray(R"("x\u0001y")")
                                   << QString(QStringLiteral("x") + QChar(1) + QStringLiteral("y"));
    QTest::newRow("escaped non-ASCII")
        << QByteArray(R"("caf\u00e9 \u2028")")
        << QString(QStringLiteral("caf") + QChar(0xe9) + QLatin1Char(' ') + QChar(0x2028));
    QTest::newRow("raw UTF-8") << QByteArray("\"\xc3\xa9t\xc3\xa9\"")
                               << QString(QChar(0xe9) + QStringLiteral("t") + QChar(0xe9));
    QTest::newRow("slash") << QByteArray(R"("a\/b")") << QStringLiteral("a/b");
    QTest::newRow("pair") << QByteArray(R"("\ud83d\ude00")")
                          << QString::fromUtf8("\xf0\x9f\x98\x80");
    QTest::newRow("lone surrogate")
        << QByteArray(R"("a\ud800b")")
        << QString(QStringLiteral("a") + QChar(0xfffd) + QStringLiteral("b"));
}

void TestCompactJson::strings()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QByteArray text = compact(json.constData());
    QVERIFY(!text.isEmpty());
    QCOMPARE(CompactJson(text).toString(), expected);
}

void TestCompactJson::members()
{
    const QByteArray text = compact(R"({
      "id": "F-AI-001", "tags": ["a", "b,]}"], "estimate": {"storyPoints": 3},
      "title": "x \"}\" y", "deleted": true, "due": null, "n": -2 })");
    const auto members = CompactJson(text).members();
    QCOMPARE(int(members.size()), 7);
    QCOMPARE(members.at(0).first, QByteArrayView("id"));
    QCOMPARE(members.at(0).second.toString(), QStringLiteral("F-AI-001"));
    QCOMPARE(members.at(1).second.text(), QByteArrayView(R"(["a","b,]}"])"));
    QCOMPARE(members.at(2).second.text(), QByteArrayView(R"({"storyPoints":3})"));
    QCOMPARE(members.at(3).second.toString(), QStringLiteral("x \"}\" y"));
    QVERIFY(members.at(4).second.isTrue());
    QCOMPARE(members.at(5).second.type(), CompactJson::Null);
    QCOMPARE(members.at(6).second.text(), QByteArrayView("-2"));
    const CompactJson* estimate = CompactJson::find(members, "estimate");
    QVERIFY(estimate && estimate->isObject());
    QCOMPARE(CompactJson::find(estimate->members(), "storyPoints")->text(), QByteArrayView("3"));
    QVERIFY(!CompactJson::find(members, "missing"));
    QVERIFY(CompactJson(compact("{}")).members().empty());
    QVERIFY(CompactJson(compact("[1]")).members().empty()); // not an object
}

void TestCompactJson::elementsSkipNestedValues()
{
    const QByteArray text = compact(R"([ "a", {"b": [1, {"c": "]"}]}, [], "d\"", 12.5, false ])");
    const auto elements = CompactJson(text).elements();
    QCOMPARE(int(elements.size()), 6);
    QCOMPARE(elements.at(0).toString(), QStringLiteral("a"));
    QCOMPARE(elements.at(1).text(), QByteArrayView(R"({"b":[1,{"c":"]"}]})"));
    QCOMPARE(elements.at(2).text(), QByteArrayView("[]"));
    QCOMPARE(elements.at(3).toString(), QStringLiteral("d\""));
    QCOMPARE(elements.at(4).type(), CompactJson::Number);
    QCOMPARE(elements.at(5).type(), CompactJson::Boolean);
    QVERIFY(!elements.at(5).isTrue());
    QVERIFY(CompactJson(compact("[]")).elements().empty());
}

void TestCompactJson::duplicateMembersKeepTheLastValue()
{
    // As JavaScript: first position, last value (JsStringify merges them).
    // The text outlives the members, which are views into it.
    const QByteArray text = compact(R"({"id": "old", "x": 1, "id": "new"})");
    const auto members = CompactJson(text).members();
    QCOMPARE(int(members.size()), 2);
    QCOMPARE(CompactJson::find(members, "id")->toString(), QStringLiteral("new"));
}

void TestCompactJson::longStringsSkipToTheirEnd()
{
    // Strings are skipped 16 bytes at a time: quotes and escapes before, at and past that.
    const QString longText = QStringLiteral("0123456789abcdef0123456789 \"}], \\\" x\\");
    for (int cut = 0; cut <= 40; ++cut) {
        const QString text = longText.left(cut);
        const QByteArray json = compact(
            QJsonDocument(QJsonObject{{QStringLiteral("t"), text}, {QStringLiteral("n"), 1}})
                .toJson()
                .constData());
        const auto members = CompactJson(json).members();
        QCOMPARE(int(members.size()), 2);
        QCOMPARE(CompactJson::find(members, "t")->toString(), text);
        QCOMPARE(CompactJson::find(members, "n")->text(), QByteArrayView("1"));
    }
}

QTEST_GUILESS_MAIN(TestCompactJson)
#include "tst_compactjson.moc"
