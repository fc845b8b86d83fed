#include "migratescopepage.h"

#include "migratewizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QListWidget>
#include <QRadioButton>
#include <QVBoxLayout>

namespace pmkv {

MigrateScopePage::MigrateScopePage(MigrateWizard* wizard)
    : m_wizard(wizard), m_all(new QRadioButton(tr("The whole folder"), this)),
      m_chosen(new QRadioButton(tr("Chosen projects:"), this)), m_selection(new QRadioButton(this)),
      m_projects(new QListWidget(this)), m_policy(new QComboBox(this)),
      m_backup(new QCheckBox(tr("Make a verified backup of the folder first"), this)),
      m_validate(new QCheckBox(tr("Validate both ways afterwards (every key)"), this))
{
    setTitle(tr("Scope and policy"));
    setSubTitle(tr("What to migrate, and what to do with keys that already hold something "
                   "else."));
    m_all->setChecked(true);
    m_backup->setChecked(true);
    m_validate->setChecked(true);
    const struct
    {
        MigrationPlan::Policy policy;
        QString text;
    } policies[] = {
        {MigrationPlan::Policy::AbortOnConflict,
         tr("Stop at a key that holds something else (conflict)")},
        {MigrationPlan::Policy::SkipExisting, tr("Keep keys that hold something else (skip)")},
        {MigrationPlan::Policy::Overwrite, tr("Replace keys that hold something else (update)")},
    };
    for (const auto& p : policies)
        m_policy->addItem(p.text, MigrationPlan::policyName(p.policy));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_all);
    layout->addWidget(m_selection);
    layout->addWidget(m_chosen);
    layout->addWidget(m_projects, 1);
    auto* form = new QFormLayout;
    form->addRow(tr("Policy:"), m_policy);
    layout->addLayout(form);
    layout->addWidget(m_backup);
    layout->addWidget(m_validate);
    connect(m_chosen, &QRadioButton::toggled, m_projects, &QWidget::setEnabled);
    connect(m_chosen, &QRadioButton::toggled, this, &QWizardPage::completeChanged);
    connect(m_projects, &QListWidget::itemChanged, this, &QWizardPage::completeChanged);
    m_projects->setEnabled(false);
}

void MigrateScopePage::initializePage()
{
    const auto index = m_wizard->index();
    // The source page may have read another folder since: its projects, not the last ones.
    if (index != m_listed) {
        m_listed = index;
        m_projects->clear();
        for (const Entity& e : index ? index->entities : QVector<Entity>()) {
            if (e.kind != EntityKind::Project)
                continue;
            auto* item = new QListWidgetItem(e.project, m_projects);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    const QStringList selected = selectedProjects();
    m_selection->setText(
        selected.isEmpty()
            ? tr("The current selection (no project of this folder is selected)")
            : tr("The current selection: %1").arg(selected.join(QStringLiteral(", "))));
    m_selection->setEnabled(!selected.isEmpty());
    if (m_selection->isChecked() && selected.isEmpty())
        m_all->setChecked(true);
    Q_EMIT completeChanged();
}

// The main window's selection, where it names projects of the folder being migrated (not
// people.json, not a project of the window's folder when another one was chosen).
QStringList MigrateScopePage::selectedProjects() const
{
    const auto index = m_wizard->index();
    QStringList projects;
    if (!index || QDir::cleanPath(index->root) != QDir::cleanPath(m_wizard->setup().root))
        return projects;
    for (const QString& name : m_wizard->setup().selectedProjects) {
        for (int i = 0; i < m_projects->count(); ++i) {
            if (m_projects->item(i)->text() == name)
                projects << name;
        }
    }
    return projects;
}

bool MigrateScopePage::isComplete() const
{
    return !m_chosen->isChecked() || !projects().isEmpty();
}

QStringList MigrateScopePage::projects() const
{
    if (m_selection->isChecked())
        return selectedProjects();
    QStringList chosen;
    if (!m_chosen->isChecked())
        return chosen;
    for (int i = 0; i < m_projects->count(); ++i) {
        if (m_projects->item(i)->checkState() == Qt::Checked)
            chosen << m_projects->item(i)->text();
    }
    return chosen;
}

MigrationPlan::Policy MigrateScopePage::policy() const
{
    auto policy = MigrationPlan::policyFromName(m_policy->currentData().toString());
    return policy ? policy.value() : MigrationPlan::Policy::AbortOnConflict;
}

bool MigrateScopePage::backupFirst() const
{
    return m_backup->isChecked();
}

bool MigrateScopePage::validateAfter() const
{
    return m_validate->isChecked();
}

} // namespace pmkv
