#pragma once

#include "core/result.h"
#include "jobtarget.h"
#include "workflows/diffworkflow.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace pmkv {

class PathField;

// The diff wizard's first page: the two sides, each as SideOpener reads it (a pm/ folder, a
// backup archive, a snapshot file, conn:NAME or a URL), the key layout, and the ignore rules
// (JSON pointers to ignore, arrays to compare as sets, whitespace). The rules are parsed as
// the diff engine parses them; a bad one is named here and holds the page.
class DiffSidesPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit DiffSidesPage(const JobTarget& target, QWidget* parent = nullptr);

    // What the run page hands to DiffWorkflow; an error names what is wrong.
    Result<DiffWorkflow::Request> request() const;
    bool isComplete() const override;

    PathField* leftField() const { return m_left; }
    PathField* rightField() const { return m_right; }
    QLineEdit* layoutEdit() const { return m_layout; }
    QLineEdit* ignoreEdit() const { return m_ignore; }
    QLineEdit* setsEdit() const { return m_sets; }
    QCheckBox* whitespaceBox() const { return m_whitespace; }
    QString errorText() const;

private:
    void update();

    QString m_prefix;
    // The window's connection when not saved, with the secret typed for it.
    std::optional<SideOpener::SessionConnection> m_sessionConnection;
    PathField* m_left;
    PathField* m_right;
    QLineEdit* m_layout;
    QLineEdit* m_ignore;
    QLineEdit* m_sets;
    QCheckBox* m_whitespace;
    QLabel* m_error;
};

} // namespace pmkv
