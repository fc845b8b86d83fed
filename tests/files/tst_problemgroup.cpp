#include "files/problemgroup.h"

#include <QTest>

using namespace pmkv;

class TestProblemGroup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameCodeAndMessageOnManyFilesIsOneGroup()
    {
        const QString unknown = QStringLiteral("refers to person \"p-1\", not in people.json");
        QVector<Problem> problems;
        for (int i = 0; i < 300; ++i)
            problems << Problem::warning(QStringLiteral("a/F-%1.json").arg(i),
                                         QStringLiteral("ref.unknown-person"), unknown);
        problems.insert(1,
                        Problem::error(QStringLiteral("a/broken.json"),
                                       QStringLiteral("json.parse"), QStringLiteral("x"), 4, 17));
        problems << Problem::warning(
            QStringLiteral("b/F-1.json"), QStringLiteral("ref.unknown-person"),
            QStringLiteral("refers to person \"p-2\", not in people.json"));
        const QVector<ProblemGroup> groups = ProblemGroup::group(problems);
        QCOMPARE(groups.size(), 3);
        QCOMPARE(groups.at(0).code, QStringLiteral("ref.unknown-person"));
        QCOMPARE(groups.at(0).message, unknown);
        QCOMPARE(groups.at(0).count(), 300);
        QCOMPARE(groups.at(0).problems.at(299).path, QStringLiteral("a/F-299.json"));
        QCOMPARE(groups.at(1).severity, Severity::Error);
        QCOMPARE(groups.at(1).problems.first().line, 4);
        QCOMPARE(groups.at(2).count(), 1); // another person: another group
    }

    void theFilesOwnPathDoesNotSplitAGroup()
    {
        const QVector<Problem> problems{
            Problem::warning(QStringLiteral("a/x.json"), QStringLiteral("file.bom"),
                             QStringLiteral("a/x.json starts with a BOM")),
            Problem::warning(QStringLiteral("b/y.json"), QStringLiteral("file.bom"),
                             QStringLiteral("b/y.json starts with a BOM")),
            Problem::error(QStringLiteral("b/y.json"), QStringLiteral("file.bom"),
                           QStringLiteral("b/y.json starts with a BOM")),
        };
        const QVector<ProblemGroup> groups = ProblemGroup::group(problems);
        QCOMPARE(groups.size(), 2); // an error never joins warnings
        QCOMPARE(groups.at(0).count(), 2);
        QCOMPARE(groups.at(0).message, QStringLiteral("(file) starts with a BOM"));
    }
};

QTEST_GUILESS_MAIN(TestProblemGroup)
#include "tst_problemgroup.moc"
