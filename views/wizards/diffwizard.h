#pragma once

#include "connections/connectionprofile.h"
#include "diff/diffreport.h"
#include "jobtarget.h"

#include <QWizard>

#include <memory>
#include <optional>

namespace pmkv {

class DiffResultPage;
class DiffSidesPage;
class WorkflowProgressPage;
class WorkflowRunner;

// Compares any two sides (DiffWorkflow over SideOpener) with ignore rules: the sides page,
// the run on a WorkflowRunner, then the differences with their field diff and the exports.
class DiffWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { SidesPage, RunPage, ResultPage };

    explicit DiffWizard(const JobTarget& target, QWidget* parent = nullptr);

    DiffSidesPage* sidesPage() const { return m_sides; }
    WorkflowProgressPage* progressPage() const { return m_progress; }
    DiffResultPage* resultPage() const { return m_result; }

Q_SIGNALS:
    // "Open in the Main Window": the window opens the folder against the key space.
    void openDifferences(const QString& root, const pmkv::ConnectionProfile& profile);
    // "Open in the Aligned View": any two sides, shown by the main window.
    void openComparison(std::shared_ptr<const pmkv::DiffReport> report);

private:
    void compare();

    WorkflowRunner* m_runner;
    DiffSidesPage* m_sides;
    WorkflowProgressPage* m_progress;
    DiffResultPage* m_result;
    // The compared pair, when it is a folder and a key space (decided on the worker).
    QString m_windowRoot;
    std::optional<ConnectionProfile> m_windowProfile;
};

} // namespace pmkv
