#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace pmkv {

class MigrateWizard;

// The key layout and prefix, with a preview of the keys real entities of this tree get
// (the first project, its first epic, a few of its stories and their lists), computed by the
// layout itself; a name the layout refuses shows its reason.
class MigrateLayoutPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit MigrateLayoutPage(MigrateWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;

    QString layoutSpec() const;
    QString prefix() const;
    QComboBox* layoutBox() const { return m_layouts; }
    QLineEdit* prefixEdit() const { return m_prefix; }
    // The previewed keys, in order.
    QStringList previewKeys() const;

private:
    void updatePreview();

    MigrateWizard* m_wizard;
    QComboBox* m_layouts;
    QLineEdit* m_prefix;
    QLabel* m_error;
    QTreeWidget* m_preview;
    bool m_valid = false;
};

} // namespace pmkv
