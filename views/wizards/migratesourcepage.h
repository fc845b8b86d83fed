#pragma once

#include "files/pmindex.h"

#include <QWizardPage>

#include <memory>

class QLabel;
class QLineEdit;

namespace pmkv {

class MigrateWizard;
class ProblemGroupTree;

// The folder to migrate and what its scan found: problems grouped by kind (each group with
// its count and what it means for the migration: files with errors are left out, warnings
// are migrated). The scan runs on the wizard's runner, off the GUI thread; the main window's
// own scan is used when it is of the same folder.
class MigrateSourcePage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit MigrateSourcePage(MigrateWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;

    void setFolder(const QString& root);
    QString folder() const;
    QString summaryText() const;
    ProblemGroupTree* problemTree() const { return m_problems; }

private:
    void scan();
    void showIndex(std::shared_ptr<const PmIndex> index);
    void showScanError(const QString& message);
    void chooseFolder();

    MigrateWizard* m_wizard;
    QLineEdit* m_folder;
    QLabel* m_summary;
    ProblemGroupTree* m_problems;
    QString m_scanned; // the folder the index is of
    bool m_scanning = false;
};

} // namespace pmkv
