#include "migratelayoutpage.h"

#include "layout/keylayout.h"
#include "migratewizard.h"
#include "workflows/targetsession.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pmkv {

namespace {
// A few real entities of the tree, as the layout sees them: the lists, the first project,
// its first epic and up to five of that epic's stories.
QVector<QPair<QString, EntityRef>> sampleRefs(const PmIndex& index)
{
    QVector<QPair<QString, EntityRef>> refs;
    refs.append({QStringLiteral("(projects list)"), EntityRef{KeyRole::ProjectsList, {}, {}, {}}});
    const Entity* project = nullptr;
    const Entity* epic = nullptr;
    for (const Entity& e : index.entities) {
        if (!project && e.kind == EntityKind::Project)
            project = &e;
        if (project && !epic && e.kind == EntityKind::Epic && e.project == project->project)
            epic = &e;
    }
    if (!project)
        return refs;
    refs.append({project->relativePath, EntityRef{KeyRole::Project, project->project, {}, {}}});
    refs.append({QStringLiteral("(epics list of %1)").arg(project->project),
                 EntityRef{KeyRole::EpicsList, project->project, {}, {}}});
    if (!epic)
        return refs;
    refs.append({epic->relativePath, EntityRef{KeyRole::Epic, epic->project, epic->epic, {}}});
    refs.append({QStringLiteral("(stories list of %1)").arg(epic->epic),
                 EntityRef{KeyRole::StoriesList, epic->project, epic->epic, {}}});
    int stories = 0;
    for (const Entity& e : index.entities) {
        if (e.kind == EntityKind::Story && e.project == epic->project && e.epic == epic->epic) {
            refs.append({e.relativePath, EntityRef{KeyRole::Story, e.project, e.epic, e.story}});
            if (++stories == 5)
                break;
        }
    }
    return refs;
}
} // namespace

MigrateLayoutPage::MigrateLayoutPage(MigrateWizard* wizard)
    : m_wizard(wizard), m_layouts(new QComboBox(this)), m_prefix(new QLineEdit(this)),
      m_error(new QLabel(this)), m_preview(new QTreeWidget(this))
{
    setTitle(tr("Key layout"));
    setSubTitle(tr("How entities are named in the key space. The keys below are what entities "
                   "of this folder get."));
    m_layouts->addItems(KeyLayout::presetNames());
    m_prefix->setPlaceholderText(QStringLiteral("pm"));
    m_error->setWordWrap(true);
    m_preview->setHeaderLabels({tr("File"), tr("Key")});
    m_preview->setRootIsDecorated(false);
    m_preview->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* form = new QFormLayout;
    form->addRow(tr("Layout:"), m_layouts);
    form->addRow(tr("Prefix:"), m_prefix);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_preview, 1);
    connect(m_layouts, &QComboBox::currentTextChanged, this, &MigrateLayoutPage::updatePreview);
    connect(m_prefix, &QLineEdit::textChanged, this, &MigrateLayoutPage::updatePreview);
}

void MigrateLayoutPage::initializePage()
{
    // The connection's own layout and prefix, when it names a preset.
    if (auto session = m_wizard->session()) {
        const int preset = m_layouts->findText(session->profile().layout);
        if (preset >= 0)
            m_layouts->setCurrentIndex(preset);
        if (m_prefix->text().isEmpty())
            m_prefix->setText(session->profile().prefix);
    }
    updatePreview();
}

bool MigrateLayoutPage::isComplete() const
{
    return m_valid;
}

QString MigrateLayoutPage::layoutSpec() const
{
    return m_layouts->currentText();
}

QString MigrateLayoutPage::prefix() const
{
    return m_prefix->text();
}

QStringList MigrateLayoutPage::previewKeys() const
{
    QStringList keys;
    for (int i = 0; i < m_preview->topLevelItemCount(); ++i)
        keys << m_preview->topLevelItem(i)->text(1);
    return keys;
}

void MigrateLayoutPage::updatePreview()
{
    m_preview->clear();
    const QString prefix = m_prefix->text().isEmpty() ? QStringLiteral("pm") : m_prefix->text();
    auto layout = KeyLayout::preset(m_layouts->currentText(), prefix);
    m_valid = layout.ok();
    m_error->setText(layout ? QString() : layout.error().message);
    if (layout && m_wizard->index()) {
        for (const auto& [file, ref] : sampleRefs(*m_wizard->index())) {
            if (!layout.value().has(ref.role))
                continue;
            auto key = layout.value().keyFor(ref);
            auto* row = new QTreeWidgetItem(m_preview);
            row->setText(0, file);
            row->setText(1, key ? key.value() : key.error().message);
        }
    }
    Q_EMIT completeChanged();
}

} // namespace pmkv
