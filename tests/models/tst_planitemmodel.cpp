#include "planfiltermodel.h"
#include "planitemmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace pmkv;

// The migrate wizard's plan table: the items as rows, filtered by action and by text.
class TstPlanItemModel final : public QObject
{
    Q_OBJECT

    static std::shared_ptr<const MigrationPlan> plan()
    {
        auto p = std::make_shared<MigrationPlan>();
        const struct
        {
            const char* key;
            const char* source;
            PlanItem::Action action;
        } items[] = {
            {"pm:project:a", "a/project.json", PlanItem::Action::Create},
            {"pm:project:a:epic:e", "a/e/epic.json", PlanItem::Action::Update},
            {"pm:project:a:epic:e:story:S-1", "a/e/S-1.json", PlanItem::Action::Skip},
            {"pm:project:a:epic:e:story:S-2", "a/e/S-2.json", PlanItem::Action::Conflict},
            {"pm:project:b", "b/project.json", PlanItem::Action::Create},
        };
        for (const auto& i : items) {
            PlanItem item;
            item.key = QString::fromLatin1(i.key);
            item.source = QString::fromLatin1(i.source);
            item.action = i.action;
            item.size = 10;
            p->items.append(item);
        }
        return p;
    }

private Q_SLOTS:
    void rowsAndFilters()
    {
        PlanItemModel model;
        PlanFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester modelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setPlan(plan());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(1, PlanItemModel::ActionColumn).data().toString(),
                 QStringLiteral("update"));
        QCOMPARE(model.index(1, PlanItemModel::KeyColumn).data().toString(),
                 QStringLiteral("pm:project:a:epic:e"));
        filter.setAction(PlanItem::Action::Create);
        QCOMPARE(filter.rowCount(), 2);
        filter.setText(QStringLiteral("b/"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setAction(std::nullopt);
        filter.setText(QStringLiteral("S-"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setText(QString());
        QCOMPARE(filter.rowCount(), 5);
        model.setPlan(nullptr);
        QCOMPARE(filter.rowCount(), 0);
    }
};

QTEST_MAIN(TstPlanItemModel)
#include "tst_planitemmodel.moc"
