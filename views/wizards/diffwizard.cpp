#include "diffwizard.h"

#include "diffresultpage.h"
#include "diffsidespage.h"
#include "workflowprogresspage.h"
#include "workflowrunner.h"

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
}

void DiffWizard::compare()
{
    auto request = m_sides->request();
    if (!request) {
        m_result->showError(request.error());
        return;
    }
    m_runner->start<DiffReport>(
        [request = request.value()](const WorkflowContext& context) {
            return DiffWorkflow::run(request, context);
        },
        [this](Result<DiffReport> result, const QStringList&) {
            if (!result) {
                m_result->showError(result.error());
                return;
            }
            m_result->showReport(std::make_shared<const DiffReport>(std::move(result).value()));
        });
}

} // namespace pmkv
