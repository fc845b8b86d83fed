#include "layout/keylayout.h"
#include "testtree.h"

#include <QTest>

using namespace pmkv;

Q_DECLARE_METATYPE(pmkv::KeyRole)

class TestKeyLayout final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetKeys_data();
    void presetKeys();
    void strategyHasNoEpicsList();
    void unknownKeysMapToNothing_data();
    void unknownKeysMapToNothing();
    void unsafeNamesAreRefused_data();
    void unsafeNamesAreRefused();
    void customLayout();
    void badCustomLayouts_data();
    void badCustomLayouts();
    void layoutFromFile();
    void prefixChangesEveryKey();
};

void TestKeyLayout::presetKeys_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<KeyRole>("role");
    QTest::addColumn<QString>("key");
    // Exactly the table of pm-format.md, for project "p", epic "e", story "S-1".
    const auto row = [](const char* layout, KeyRole role, const char* key) {
        QTest::addRow("%s %s", layout, qPrintable(keyRoleName(role)))
            << QString::fromLatin1(layout) << role << QString::fromLatin1(key);
    };
    row("repository", KeyRole::Project, "pm:project:p");
    row("repository", KeyRole::Epic, "pm:project:p:epic:e");
    row("repository", KeyRole::Story, "pm:project:p:epic:e:story:S-1");
    row("repository", KeyRole::People, "pm:people");
    row("repository", KeyRole::ProjectsList, "pm:projects:list");
    row("repository", KeyRole::EpicsList, "pm:project:p:epics:list");
    row("repository", KeyRole::StoriesList, "pm:project:p:epic:e:stories:list");
    row("strategy", KeyRole::Project, "pm:project:p");
    row("strategy", KeyRole::Epic, "pm:epic:p:e");
    row("strategy", KeyRole::Story, "pm:story:p:e:S-1");
    row("strategy", KeyRole::People, "pm:people:global");
    row("strategy", KeyRole::ProjectsList, "pm:projects:list");
    row("strategy", KeyRole::StoriesList, "pm:epic:p:e:stories");
}

void TestKeyLayout::presetKeys()
{
    QFETCH(QString, layout);
    QFETCH(KeyRole, role);
    QFETCH(QString, key);
    const auto l = KeyLayout::preset(layout);
    QVERIFY(l.ok());
    EntityRef ref{role, QStringLiteral("p"), QStringLiteral("e"), QStringLiteral("S-1")};
    // Only the placeholders a role uses survive the round trip.
    if (role == KeyRole::People || role == KeyRole::ProjectsList)
        ref.project.clear();
    if (role != KeyRole::Epic && role != KeyRole::StoriesList && role != KeyRole::Story)
        ref.epic.clear();
    if (role != KeyRole::Story)
        ref.story.clear();
    const auto k = l.value().keyFor(ref);
    QVERIFY(k.ok());
    QCOMPARE(k.value(), key);
    const auto back = l.value().entityFor(key);
    QVERIFY(back.has_value());
    QCOMPARE(back->role, role);
    QVERIFY(*back == ref);
}

void TestKeyLayout::strategyHasNoEpicsList()
{
    const auto l = KeyLayout::preset(QStringLiteral("strategy"));
    QVERIFY(!l.value().has(KeyRole::EpicsList));
    QVERIFY(!l.value().keyFor(EntityRef{KeyRole::EpicsList, QStringLiteral("p"), {}, {}}).ok());
}

void TestKeyLayout::unknownKeysMapToNothing_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("other prefix") << QStringLiteral("other:project:p");
    QTest::newRow("extra segment") << QStringLiteral("pm:project:p:x");
    QTest::newRow("empty segment") << QStringLiteral("pm:project:");
    QTest::newRow("epics vs epic") << QStringLiteral("pm:project:p:epics:e");
    QTest::newRow("session key") << QStringLiteral("pm:session:abc");
    // Names a file could never have: a key holding them maps to no entity, so nothing builds
    // a path from them (issue #21: sync wrote three folders above pm/).
    QTest::newRow("dot dot story")
        << QStringLiteral("pm:project:atlas:epic:../../../..:story:pwned-e");
    QTest::newRow("slashes in project") << QStringLiteral("pm:project:../../../pwned-p");
    QTest::newRow("dot epic") << QStringLiteral("pm:project:p:epic:.");
    QTest::newRow("space in story") << QStringLiteral("pm:project:p:epic:e:story:a b");
}

void TestKeyLayout::unknownKeysMapToNothing()
{
    QFETCH(QString, key);
    QVERIFY(!KeyLayout::preset(QStringLiteral("repository")).value().entityFor(key).has_value());
}

void TestKeyLayout::unsafeNamesAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("colon") << QStringLiteral("a:b") << QStringLiteral("':'");
    QTest::newRow("star") << QStringLiteral("a*") << QStringLiteral("glob");
    QTest::newRow("question") << QStringLiteral("a?") << QStringLiteral("glob");
    QTest::newRow("bracket") << QStringLiteral("a[1]") << QStringLiteral("glob");
    QTest::newRow("space") << QStringLiteral("a b") << QStringLiteral("whitespace");
    QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("whitespace");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("whitespace");
    QTest::newRow("control") << QStringLiteral("a\x01") << QStringLiteral("U+0001");
    QTest::newRow("zero-width") << QString(QChar(0x200B)) << QStringLiteral("U+200b");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
}

void TestKeyLayout::unsafeNamesAreRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);
    const auto l = KeyLayout::preset(QStringLiteral("repository")).value();
    const auto k =
        l.keyFor(EntityRef{KeyRole::Story, QStringLiteral("p"), QStringLiteral("e"), name});
    QVERIFY(!k.ok());
    QCOMPARE(k.error().code, QStringLiteral("name.unsafe"));
    QVERIFY2(k.error().message.contains(reason), qPrintable(k.error().message));
    QVERIFY(k.error().message.contains(QStringLiteral("story")));
}

void TestKeyLayout::customLayout()
{
    const auto l = KeyLayout::custom(
        QStringLiteral("flat"), QStringLiteral("app"),
        {{QStringLiteral("project"), QStringLiteral("{prefix}:p:{project}")},
         {QStringLiteral("epic"), QStringLiteral("{prefix}:e:{project}:{epic}")},
         {QStringLiteral("story"), QStringLiteral("{prefix}:s:{project}:{epic}:{story}")}});
    QVERIFY2(l.ok(), qPrintable(l.ok() ? QString() : l.error().message));
    const EntityRef ref{KeyRole::Story, QStringLiteral("p"), QStringLiteral("e"),
                        QStringLiteral("S-1")};
    QCOMPARE(l.value().keyFor(ref).value(), QStringLiteral("app:s:p:e:S-1"));
    QVERIFY(*l.value().entityFor(QStringLiteral("app:s:p:e:S-1")) == ref);
    QVERIFY(!l.value().has(KeyRole::People));
    QCOMPARE(l.value().scanPattern(), QStringLiteral("app:*"));
}

void TestKeyLayout::badCustomLayouts_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("templateText");
    QTest::addColumn<QString>("message");
    QTest::newRow("placeholder glued to text")
        << QStringLiteral("story") << QStringLiteral("pm:s{story}")
        << QStringLiteral("between ':'");
    QTest::newRow("two placeholders glued")
        << QStringLiteral("story") << QStringLiteral("pm:{epic}{story}")
        << QStringLiteral("between ':'");
    QTest::newRow("placeholder not allowed")
        << QStringLiteral("epic") << QStringLiteral("pm:{epic}:{story}")
        << QStringLiteral("may not use {story}");
    QTest::newRow("unknown placeholder")
        << QStringLiteral("story") << QStringLiteral("pm:{user}:{story}")
        << QStringLiteral("may not use {user}");
    QTest::newRow("missing own placeholder")
        << QStringLiteral("story") << QStringLiteral("pm:{project}:{epic}")
        << QStringLiteral("needs {story}");
    QTest::newRow("unknown role") << QStringLiteral("sprint") << QStringLiteral("pm:{project}")
                                  << QStringLiteral("unknown template");
}

void TestKeyLayout::badCustomLayouts()
{
    QFETCH(QString, role);
    QFETCH(QString, templateText);
    QFETCH(QString, message);
    QMap<QString, QString> templates{
        {QStringLiteral("project"), QStringLiteral("pm:p:{project}")},
        {QStringLiteral("epic"), QStringLiteral("pm:e:{project}:{epic}")},
        {QStringLiteral("story"), QStringLiteral("pm:s:{project}:{epic}:{story}")}};
    templates[role] = templateText;
    const auto l = KeyLayout::custom(QStringLiteral("mine"), QStringLiteral("pm"), templates);
    QVERIFY(!l.ok());
    QVERIFY2(l.error().message.contains(message), qPrintable(l.error().message));
    QVERIFY(l.error().message.contains(QStringLiteral("mine")));
}

void TestKeyLayout::layoutFromFile()
{
    test::TestTree dir;
    dir.write(QStringLiteral("layout.json"),
              R"({"name": "team", "prefix": "t", "templates": {"project": "{prefix}:{project}",
                  "epic": "{prefix}:{project}:{epic}", "story": "{prefix}:{project}:{epic}:{story}",
                  "people": "{prefix}:people"}})");
    const auto l = KeyLayout::fromSpec(dir.path(QStringLiteral("layout.json")));
    QVERIFY2(l.ok(), qPrintable(l.ok() ? QString() : l.error().message));
    QCOMPARE(l.value().name(), QStringLiteral("team"));
    // "t:people" is both the people key and what project "people" would map to: the literal wins.
    QCOMPARE(l.value().entityFor(QStringLiteral("t:people"))->role, KeyRole::People);
    QCOMPARE(l.value().entityFor(QStringLiteral("t:a:b"))->role, KeyRole::Epic);
    dir.write(QStringLiteral("broken.json"), "{nope");
    const auto broken = KeyLayout::fromSpec(dir.path(QStringLiteral("broken.json")));
    QVERIFY(!broken.ok());
    QVERIFY(broken.error().message.contains(QStringLiteral("broken.json")));
    QVERIFY(!KeyLayout::fromSpec(QStringLiteral("no-such-layout")).ok());
}

void TestKeyLayout::prefixChangesEveryKey()
{
    const auto l = KeyLayout::preset(QStringLiteral("repository"), QStringLiteral("staging"));
    QCOMPARE(l.value().keyFor(EntityRef{KeyRole::People, {}, {}, {}}).value(),
             QStringLiteral("staging:people"));
    QVERIFY(!KeyLayout::preset(QStringLiteral("repository"), QStringLiteral("bad prefix")).ok());
}

QTEST_GUILESS_MAIN(TestKeyLayout)
#include "tst_keylayout.moc"
