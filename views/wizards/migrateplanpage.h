#pragma once

#include "jobs/migrationplan.h"

#include <QWizardPage>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace pmkv {

class DiffView;
class MigrateWizard;
class PlanFilterModel;
class PlanItemModel;

// The plan of the migration before anything is written: a dry run of MigrationWorkflow on
// the wizard's runner, shown as a table that filters by action (create, update, skip,
// conflict) and by text; the field diff of an update (the file against the key's value now)
// is one click away. Planning that fails says why and offers Try Again. The run page executes
// exactly this plan.
class MigratePlanPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit MigratePlanPage(MigrateWizard* wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    std::shared_ptr<const MigrationPlan> plan() const { return m_plan; }
    QString countsText() const;
    QTableView* table() const { return m_table; }
    PlanFilterModel* filter() const { return m_filter; }
    QComboBox* actionFilter() const { return m_action; }
    QLineEdit* textFilter() const { return m_text; }
    QPushButton* diffButton() const { return m_diff; }
    // The field diff shown for the selected update (nullptr before the first).
    DiffView* diffView() const { return m_diffView; }

Q_SIGNALS:
    void diffShown();

private:
    void makePlan();
    void showPlan(std::shared_ptr<const MigrationPlan> plan);
    void showSelectedDiff();

    MigrateWizard* m_wizard;
    std::shared_ptr<const MigrationPlan> m_plan;
    QLabel* m_counts;
    QProgressBar* m_busy;
    QComboBox* m_action;
    QLineEdit* m_text;
    QTableView* m_table;
    QPushButton* m_diff;
    QPushButton* m_again; // shown when planning failed
    PlanItemModel* m_model;
    PlanFilterModel* m_filter;
    DiffView* m_diffView = nullptr;
    quint64 m_diffGeneration = 0;
};

} // namespace pmkv
