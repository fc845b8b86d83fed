#pragma once

#include "jobtarget.h"

#include <QWizardPage>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace pmkv {

class PathField;

// The first page of the backup wizard: make a backup (the files as an archive with its
// SHA-256 manifest, and/or the key space as a snapshot), verify an existing one, or restore
// one into a new folder. Restoring over the live folder needs two confirmations: the
// "replace" box and the folder's name typed.
class BackupChoicePage final : public QWizardPage
{
    Q_OBJECT

public:
    enum class Mode { Make, Verify, Restore };

    explicit BackupChoicePage(const JobTarget& target, QWidget* parent = nullptr);

    Mode mode() const;
    void setMode(Mode mode);
    bool filesChosen() const;
    bool keysChosen() const;
    QString destination() const;
    QString existing() const;
    QString restoreFrom() const;
    QString restoreTo() const;
    bool overwrite() const;
    // True when the restore target is the open folder itself.
    bool restoresOverLiveFolder() const;

    bool isComplete() const override;
    // What keeps the page from going on, naming the field and what to do; empty when nothing.
    QString problemText() const;

    QCheckBox* filesBox() const { return m_files; }
    QCheckBox* keysBox() const { return m_keys; }
    PathField* destinationField() const { return m_destination; }
    PathField* existingField() const { return m_existing; }
    PathField* restoreFromField() const { return m_restoreFrom; }
    PathField* restoreToField() const { return m_restoreTo; }
    QCheckBox* overwriteBox() const { return m_overwrite; }
    QLineEdit* typedNameEdit() const { return m_typedName; }

private:
    void update();

    JobTarget m_target;
    QRadioButton* m_make;
    QRadioButton* m_verify;
    QRadioButton* m_restore;
    QGroupBox* m_makeGroup;
    QGroupBox* m_verifyGroup;
    QGroupBox* m_restoreGroup;
    QCheckBox* m_files;
    QCheckBox* m_keys;
    PathField* m_destination;
    PathField* m_existing;
    PathField* m_restoreFrom;
    PathField* m_restoreTo;
    QCheckBox* m_overwrite;
    QLabel* m_liveWarning;
    QLineEdit* m_typedName;
    QLabel* m_problem; // what keeps the page from going on: problemText()
};

} // namespace pmkv
