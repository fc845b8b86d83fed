// The one exit rule (issue #20): the key space decides, the files' warnings only with strict.
#include "workflows/verdict.h"

#include <QTest>

using namespace pmkv;

namespace {

Problem warning()
{
    return Problem::warning(QStringLiteral("a/F-1.json"), QStringLiteral("ref.unknown-person"),
                            QStringLiteral("refers to person \"p\", not in people.json"));
}

Problem fileError()
{
    return Problem::error(QStringLiteral("a/F-2.json"), QStringLiteral("json.parse"),
                          QStringLiteral("unexpected end"), 3, 1);
}

} // namespace

class TestVerdict final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aMatchingKeySpaceIsCleanWhateverTheWarnings()
    {
        Validator::Outcome v;
        v.problems = {warning(), warning()};
        QCOMPARE(Verdict::ofValidation(v, false), Verdict::Clean);
        QCOMPARE(Verdict::ofValidation(v, true), Verdict::Differences);
        v.problems << fileError();
        QCOMPARE(Verdict::ofValidation(v, false), Verdict::Errors);
    }

    void differencesAndExpiringKeysAreOne()
    {
        Validator::Outcome v;
        v.problems = {warning()};
        v.findings.append({QStringLiteral("pm:x"), Comparison::OnlyLeft, {}, {}, {}, false});
        QCOMPARE(Verdict::ofValidation(v, false), Verdict::Differences);
        Validator::Outcome ttl;
        ttl.withTtl = 1;
        QCOMPARE(Verdict::ofValidation(ttl, false), Verdict::Differences);
    }

    void aMigrationThatWroteEverythingIsClean()
    {
        MigrationPlan plan;
        plan.problems = {warning()};
        Migrator::Outcome run;
        QCOMPARE(Verdict::ofMigration(run, &plan, false), Verdict::Clean);
        QCOMPARE(Verdict::ofMigration(run, &plan, true), Verdict::Differences);
        QCOMPARE(Verdict::ofMigration(run, nullptr, false), Verdict::Clean); // a resume
        run.cancelled = true;
        QCOMPARE(Verdict::ofMigration(run, &plan, false), Verdict::Errors);
        plan.problems << fileError();
        QCOMPARE(Verdict::ofPlan(plan, false), Verdict::Errors);
    }

    void theLinterCountsWarnings()
    {
        QCOMPARE(Verdict::ofLint({}), Verdict::Clean);
        QCOMPARE(Verdict::ofLint({warning()}), Verdict::Differences);
        QCOMPARE(Verdict::ofLint({warning(), fileError()}), Verdict::Errors);
    }

    void aDiffOfEqualSidesIsCleanUnlessStrict()
    {
        DiffReport report;
        report.left.problems = {warning()};
        QCOMPARE(Verdict::ofDiff(report, false), Verdict::Clean);
        QCOMPARE(Verdict::ofDiff(report, true), Verdict::Differences);
    }

    void aSyncWithNothingSkippedIsCleanUnlessStrict()
    {
        SyncPlanner::Plan plan;
        SyncRunner::Outcome run;
        QCOMPARE(Verdict::ofSync(plan, &run, {warning()}, false), Verdict::Clean);
        QCOMPARE(Verdict::ofSync(plan, &run, {warning()}, true), Verdict::Differences);
        run.conflicts << QStringLiteral("story x: changed since");
        QCOMPARE(Verdict::ofSync(plan, &run, {}, false), Verdict::Differences);
    }
};

QTEST_GUILESS_MAIN(TestVerdict)
#include "tst_verdict.moc"
