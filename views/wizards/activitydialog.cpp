#include "activitydialog.h"

#include "jobs/auditlog.h"
#include "jobs/journal.h"
#include "runhistorylist.h"
#include "workflowrunner.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace pmkv {

ActivityDialog::ActivityDialog(JobPaths paths, QWidget* parent)
    : QDialog(parent), m_paths(std::move(paths)), m_runner(new WorkflowRunner(m_paths, this)),
      m_tabs(new QTabWidget(this)), m_runs(new RunHistoryList(this)),
      m_audit(new QTreeWidget(this)), m_note(new QLabel(this)),
      m_report(new QPushButton(tr("Open the report"), this)),
      m_undo(new QPushButton(tr("Undo…"), this))
{
    setWindowTitle(tr("Activity"));
    setObjectName(QStringLiteral("ActivityDialog"));
    m_audit->setHeaderLabels(
        {tr("When"), tr("Operation"), tr("Where"), tr("Keys or files"), tr("Via"), tr("Run")});
    m_audit->setRootIsDecorated(false);
    m_audit->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tabs->addTab(m_runs, tr("Runs"));
    m_tabs->addTab(m_audit, tr("Audit log"));
    m_note->setWordWrap(true);
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_report);
    buttons->addWidget(m_undo);
    buttons->addStretch(1);
    buttons->addWidget(refreshButton);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_note);
    layout->addLayout(buttons);
    layout->addWidget(close);
    resize(900, 520);
    m_report->setEnabled(false);
    m_undo->setEnabled(false);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(refreshButton, &QPushButton::clicked, this, &ActivityDialog::refresh);
    connect(m_runs, &QTreeWidget::currentItemChanged, this, &ActivityDialog::selectionChanged);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        if (m_runs->selectedIsUndoable())
            Q_EMIT undoAsked(m_runs->selectedRun());
    });
    connect(m_report, &QPushButton::clicked, this, [this] {
        const QString report = reportOfSelected();
        if (!report.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(report));
    });
    refresh();
}

QString ActivityDialog::reportOfSelected() const
{
    const QString runId = m_runs->selectedRun();
    if (runId.isEmpty() || !m_reports.contains(runId))
        return QString();
    return QDir(m_paths.reportsFolder()).filePath(runId + QStringLiteral(".md"));
}

void ActivityDialog::refresh()
{
    m_note->setText(tr("Reading %1…").arg(m_paths.root()));
    m_runner->start<Activity>(
        [](const WorkflowContext& context) -> Result<Activity> {
            Activity a;
            Journal::Listing listing = Journal::scanRuns(context.paths);
            a.runs = std::move(listing.runs);
            for (const Error& e : std::as_const(listing.unreadable))
                a.unreadableJournals << e.message;
            auto audit = AuditLog(context.paths.auditLogPath()).read();
            if (audit)
                a.audit = audit.value();
            else
                a.auditError = audit.error().message;
            for (const JournalRun& run : std::as_const(a.runs)) {
                if (QFileInfo::exists(QDir(context.paths.reportsFolder())
                                          .filePath(run.id + QStringLiteral(".md"))))
                    a.reports << run.id;
            }
            return a;
        },
        [this](Result<Activity> activity, const QStringList&) { showActivity(activity.value()); });
}

void ActivityDialog::showActivity(const Activity& activity)
{
    m_reports = activity.reports;
    m_runs->setRuns(activity.runs);
    m_audit->clear();
    for (auto it = activity.audit.crbegin(); it != activity.audit.crend(); ++it) {
        auto* row = new QTreeWidgetItem(m_audit);
        const auto& o = *it;
        row->setText(0, o.value(QStringLiteral("time")).toString());
        row->setText(1, o.value(QStringLiteral("operation")).toString());
        row->setText(2, o.value(QStringLiteral("target")).toString());
        row->setText(3, QString::number(o.value(QStringLiteral("count")).toInteger()));
        row->setText(4, o.value(QStringLiteral("via")).toString());
        row->setText(5, o.value(QStringLiteral("runId")).toString());
    }
    QStringList notes = activity.unreadableJournals;
    if (!activity.auditError.isEmpty())
        notes << activity.auditError;
    m_note->setText(notes.join(QLatin1Char('\n')));
    if (m_runs->topLevelItemCount() > 0)
        m_runs->setCurrentItem(m_runs->topLevelItem(0));
    selectionChanged();
    Q_EMIT loaded();
}

void ActivityDialog::selectionChanged()
{
    m_undo->setEnabled(m_runs->selectedIsUndoable());
    m_report->setEnabled(!reportOfSelected().isEmpty());
}

} // namespace pmkv
