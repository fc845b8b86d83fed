#include "archivewizard.h"

#include "archivechecklistpage.h"
#include "workflowprogresspage.h"
#include "workflowreportpage.h"
#include "workflowrunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QPushButton>

namespace pmkv {

namespace {

QString checksMarkdown(const ArchiveWorkflow::Outcome& outcome)
{
    QString text;
    for (const ArchiveJob::Check& check : outcome.checks)
        text += QStringLiteral("* %1 **%2**: %3\n")
                    .arg(check.ok ? QStringLiteral("\u2713") : QStringLiteral("\u2717"), check.name,
                         check.detail);
    return text;
}

QJsonObject outcomeJson(const ArchiveWorkflow::Outcome& outcome)
{
    QJsonArray checks;
    for (const ArchiveJob::Check& check : outcome.checks)
        checks.append(QJsonObject{{QStringLiteral("name"), check.name},
                                  {QStringLiteral("ok"), check.ok},
                                  {QStringLiteral("detail"), check.detail}});
    return {{QStringLiteral("from"), outcome.from},
            {QStringLiteral("to"), outcome.to},
            {QStringLiteral("runId"), outcome.runId},
            {QStringLiteral("renamed"), outcome.renamed},
            {QStringLiteral("checks"), checks}};
}

} // namespace

ArchiveWizard::ArchiveWizard(const JobTarget& target, QWidget* parent)
    : QWizard(parent), m_target(target), m_runner(new WorkflowRunner(target.paths, this)),
      m_checklist(new ArchiveChecklistPage(target, m_runner, this)),
      m_progress(new WorkflowProgressPage(m_runner, this)), m_report(new WorkflowReportPage(this)),
      m_undo(m_report->addButton(tr("Undo the archive")))
{
    setWindowTitle(tr("Archive the folder"));
    setPage(ChecklistPage, m_checklist);
    setPage(RunPage, m_progress);
    setPage(ReportPage, m_report);
    m_checklist->setButtonText(QWizard::NextButton, tr("Archive"));
    m_progress->setTitle(tr("Renaming the folder"));
    m_progress->setStart([this] { archive(); });
    m_undo->hide();
    connect(m_undo, &QPushButton::clicked, this, &ArchiveWizard::undo);
    connect(m_checklist, &ArchiveChecklistPage::stepChosen, this, &ArchiveWizard::stepChosen);
    connect(m_report, &WorkflowReportPage::stepChosen, this, &ArchiveWizard::stepChosen);
}

void ArchiveWizard::archive()
{
    const JobTarget target = m_target;
    const QString to = m_checklist->outcome() ? m_checklist->outcome()->to : QString();
    m_runner->start<ArchiveWorkflow::Outcome>(
        [target, to](const WorkflowContext& context) {
            return ArchiveChecklistPage::archive(target, to, false, context);
        },
        [this](Result<ArchiveWorkflow::Outcome> result, const QStringList& warnings) {
            if (!result) {
                m_report->showError(result.error(), warnings);
                return;
            }
            const ArchiveWorkflow::Outcome& outcome = result.value();
            m_runId = outcome.runId;
            m_undo->setVisible(outcome.renamed);
            m_report->showSummary(
                outcome.renamed
                    ? tr("The folder is archived as %1.").arg(QDir::toNativeSeparators(outcome.to))
                    : tr("The folder was not archived: a check no longer holds."),
                checksMarkdown(outcome), outcomeJson(outcome), NextStep::none(), warnings);
        });
}

void ArchiveWizard::undo()
{
    const QString runId = m_runId;
    m_undo->setEnabled(false);
    m_runner->start<ArchiveWorkflow::Outcome>(
        [runId](const WorkflowContext& context) { return ArchiveWorkflow::undo(runId, context); },
        [this](Result<ArchiveWorkflow::Outcome> result, const QStringList& warnings) {
            if (!result) {
                m_undo->setEnabled(true);
                m_report->showError(result.error(), warnings);
                return;
            }
            m_undo->hide();
            m_report->showSummary(tr("The archive is undone: %1 is back.")
                                      .arg(QDir::toNativeSeparators(result.value().to)),
                                  QString(), outcomeJson(result.value()), NextStep::none(),
                                  warnings);
        });
}

} // namespace pmkv
