#pragma once

#include "files/pmindex.h"
#include "jobs/migrationplan.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QListWidget;
class QRadioButton;

namespace pmkv {

class MigrateWizard;

// What to migrate and how: the whole tree, chosen projects, or the main window's current
// selection; the policy for keys that already hold something else; a verified backup of the
// folder first (on by default) and a validation both ways afterwards.
class MigrateScopePage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit MigrateScopePage(MigrateWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;

    QStringList projects() const; // empty: the whole tree
    MigrationPlan::Policy policy() const;
    bool backupFirst() const;
    bool validateAfter() const;

    QRadioButton* allButton() const { return m_all; }
    QRadioButton* chosenButton() const { return m_chosen; }
    QRadioButton* selectionButton() const { return m_selection; }
    QListWidget* projectList() const { return m_projects; }
    QComboBox* policyBox() const { return m_policy; }
    QCheckBox* backupBox() const { return m_backup; }
    QCheckBox* validateBox() const { return m_validate; }

private:
    QStringList selectedProjects() const;

    MigrateWizard* m_wizard;
    std::shared_ptr<const PmIndex> m_listed; // the scan m_projects lists
    QRadioButton* m_all;
    QRadioButton* m_chosen;
    QRadioButton* m_selection;
    QListWidget* m_projects;
    QComboBox* m_policy;
    QCheckBox* m_backup;
    QCheckBox* m_validate;
};

} // namespace pmkv
