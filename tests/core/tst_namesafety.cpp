// NameSafety: the one rule every name that becomes a key, or comes from one, passes.
#include "core/namesafety.h"

#include <QTest>

using namespace pmkv;

class TestNameSafety final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void safeNames_data();
    void safeNames();
    void unsafeNames_data();
    void unsafeNames();
};

void TestNameSafety::safeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("story id") << QStringLiteral("F-AI-001");
    QTest::newRow("kebab folder") << QStringLiteral("clinical-decision-support");
    QTest::newRow("dots inside") << QStringLiteral("v1.2.json");
    QTest::newRow("three dots") << QStringLiteral("...");
    QTest::newRow("accented") << QStringLiteral("caf\u00e9");
}

void TestNameSafety::safeNames()
{
    QFETCH(QString, name);
    QVERIFY2(NameSafety::whyUnsafe(name).isEmpty(), qPrintable(NameSafety::whyUnsafe(name)));
}

void TestNameSafety::unsafeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("colon") << QStringLiteral("a:b") << QStringLiteral("':'");
    QTest::newRow("glob") << QStringLiteral("a*") << QStringLiteral("glob");
    QTest::newRow("space") << QStringLiteral("a b") << QStringLiteral("whitespace");
    QTest::newRow("control") << QStringLiteral("a\u0001") << QStringLiteral("control");
    QTest::newRow("nul") << QString(QChar(0)) << QStringLiteral("control");
    // A name taken from a key must never lead out of a folder it is joined to.
    QTest::newRow("dot") << QStringLiteral(".") << QStringLiteral("folder");
    QTest::newRow("dot dot") << QStringLiteral("..") << QStringLiteral("folder");
    QTest::newRow("slash") << QStringLiteral("../../../pwned-p") << QStringLiteral("'/'");
    QTest::newRow("leading slash") << QStringLiteral("/etc") << QStringLiteral("'/'");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("'\\'");
}

void TestNameSafety::unsafeNames()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);
    const QString why = NameSafety::whyUnsafe(name);
    QVERIFY2(why.contains(reason), qPrintable(name + QStringLiteral(": ") + why));
}

QTEST_APPLESS_MAIN(TestNameSafety)
#include "tst_namesafety.moc"
