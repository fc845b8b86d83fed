#include "migratesourcepage.h"

#include "files/pmreader.h"
#include "migratewizard.h"
#include "problemgrouptree.h"
#include "workflowrunner.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace pmkv {

MigrateSourcePage::MigrateSourcePage(MigrateWizard* wizard)
    : m_wizard(wizard), m_folder(new QLineEdit(this)), m_summary(new QLabel(this)),
      m_problems(new ProblemGroupTree(this))
{
    setTitle(tr("Source folder"));
    setSubTitle(tr("The pm/ folder to migrate. Files with errors are left out of the migration; "
                   "warnings are migrated as they are."));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* rescan = new QPushButton(tr("Scan again"), this);
    auto* row = new QHBoxLayout;
    row->addWidget(m_folder, 1);
    row->addWidget(browse);
    row->addWidget(rescan);
    m_summary->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);

    connect(browse, &QPushButton::clicked, this, &MigrateSourcePage::chooseFolder);
    connect(rescan, &QPushButton::clicked, this, &MigrateSourcePage::scan);
    connect(m_folder, &QLineEdit::editingFinished, this, [this] {
        if (m_folder->text() != m_scanned)
            scan();
    });
}

void MigrateSourcePage::initializePage()
{
    if (m_folder->text().isEmpty())
        m_folder->setText(m_wizard->setup().root);
    const auto& given = m_wizard->setup().index;
    if (given && given->root == m_folder->text())
        showIndex(given);
    else if (!m_folder->text().isEmpty())
        scan();
}

bool MigrateSourcePage::isComplete() const
{
    return !m_scanning && m_wizard->index() && m_scanned == m_folder->text();
}

void MigrateSourcePage::setFolder(const QString& root)
{
    m_folder->setText(root);
    scan();
}

QString MigrateSourcePage::folder() const
{
    return m_folder->text();
}

QString MigrateSourcePage::summaryText() const
{
    return m_summary->text();
}

void MigrateSourcePage::chooseFolder()
{
    auto* dialog = new QFileDialog(this, tr("The pm/ folder to migrate"), m_folder->text());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, &MigrateSourcePage::setFolder);
    dialog->open(); // not exec(): no nested event loop
}

void MigrateSourcePage::scan()
{
    const QString root = m_folder->text();
    if (root.isEmpty() || m_wizard->runner()->isRunning())
        return;
    m_scanning = true;
    m_wizard->setIndex(nullptr);
    m_problems->clear();
    m_summary->setText(tr("Reading %1…").arg(root));
    Q_EMIT completeChanged();
    m_wizard->runner()->start<std::shared_ptr<const PmIndex>>(
        [root](const WorkflowContext&) -> Result<std::shared_ptr<const PmIndex>> {
            auto read = PmReader::read(root);
            if (!read)
                return read.error();
            return std::make_shared<const PmIndex>(std::move(read).value());
        },
        [this, root](Result<std::shared_ptr<const PmIndex>> result, const QStringList&) {
            m_scanning = false;
            if (root != m_folder->text())
                return scan(); // the folder changed while it was read
            if (result)
                showIndex(result.value());
            else
                showScanError(result.error().message);
        });
}

void MigrateSourcePage::showScanError(const QString& message)
{
    m_scanned.clear();
    m_summary->setText(tr("Cannot read the folder: %1").arg(message));
    Q_EMIT completeChanged();
}

void MigrateSourcePage::showIndex(std::shared_ptr<const PmIndex> index)
{
    m_wizard->setIndex(index);
    m_scanned = index->root;
    const QLocale locale;
    m_summary->setText(tr("%1 projects, %2 epics, %3 stories; %4 errors (left out), %5 warnings.")
                           .arg(locale.toString(index->count(EntityKind::Project)),
                                locale.toString(index->count(EntityKind::Epic)),
                                locale.toString(index->count(EntityKind::Story)),
                                locale.toString(index->errorCount()),
                                locale.toString(index->warningCount())));
    m_problems->setProblems(index->problems, tr("left out of the migration"),
                            tr("migrated as they are"));
    Q_EMIT completeChanged();
}

} // namespace pmkv
