#include "diffwizard.h"

#include "diffresultpage.h"
#include "diffsidespage.h"
#include "workflowprogresspage.h"
#include "workflowrunner.h"
#include "workflows/sideopener.h"
#include "workflows/targetspec.h"

#include <QLineEdit>
#include <QPushButton>

namespace pmkv {

DiffWizard::DiffWizard(const JobTarget& target, QWidget* parent)
    : QWizard(parent), m_runner(new WorkflowRunner(target.paths, this)),
      m_sides(new DiffSidesPage(target, this)),
      m_progress(new WorkflowProgressPage(m_runner, this)), m_result(new DiffResultPage(this))
{
    setWindowTitle(tr("Compare"));
    setPage(SidesPage, m_sides);
    setPage(RunPage, m_progress);
    setPage(ResultPage, m_result);
    m_sides->setButtonText(QWizard::NextButton, tr("Compare"));
    m_progress->setTitle(tr("Reading and comparing the two sides"));
    m_progress->setStart([this] { compare(); });
    connect(m_result, &DiffResultPage::comparisonRequested, this, &DiffWizard::openComparison);
    connect(m_result->openInWindowButton(), &QPushButton::clicked, this, [this] {
        if (m_windowProfile)
            Q_EMIT openDifferences(m_windowRoot, *m_windowProfile);
    });
}

namespace {
// The pair the main window can show: a folder against a key space (either way round).
struct WindowPair
{
    QString root;
    std::optional<ConnectionProfile> profile;
};

WindowPair windowPair(const QString& left, const QString& right, const QString& layout,
                      const QString& prefix)
{
    WindowPair pair;
    for (const auto& [folder, keys] : {std::pair{left, right}, std::pair{right, left}}) {
        const auto kind = SideOpener::kindOf(folder); // a stat: on the worker
        if (!kind || kind.value() != SideOpener::Kind::Folder || !TargetSpec::isKeySpace(keys))
            continue;
        auto profile = TargetSpec::profile(keys);
        if (!profile)
            continue;
        if (!layout.isEmpty())
            profile.value().layout = layout;
        profile.value().prefix = prefix;
        pair.root = folder;
        pair.profile = profile.value();
        break;
    }
    return pair;
}
} // namespace

void DiffWizard::compare()
{
    auto request = m_sides->request();
    if (!request) {
        m_result->showError(request.error());
        return;
    }
    const QString layout = m_sides->layoutEdit()->text().trimmed();
    auto pair = std::make_shared<WindowPair>();
    m_windowProfile.reset();
    m_result->openInWindowButton()->hide();
    m_runner->start<DiffReport>(
        [request = request.value(), layout, pair](const WorkflowContext& context) {
            *pair = windowPair(request.left, request.right, layout, request.leftLayout.prefix());
            return DiffWorkflow::run(request, context);
        },
        [this, pair](Result<DiffReport> result, const QStringList&) {
            if (!result) {
                m_result->showError(result.error());
                return;
            }
            m_windowRoot = pair->root;
            m_windowProfile = pair->profile;
            m_result->openInWindowButton()->setVisible(pair->profile.has_value());
            m_result->showReport(std::make_shared<const DiffReport>(std::move(result).value()));
        });
}

} // namespace pmkv
