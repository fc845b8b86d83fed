#include "archivechecklistpage.h"

#include "statustone.h"
#include "stepcaption.h"
#include "workflowrunner.h"
#include "workflows/backupworkflow.h"
#include "workflows/validationworkflow.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace pmkv {

namespace {

QString checkTitle(const QString& name)
{
    if (name == QLatin1String("backup"))
        return ArchiveChecklistPage::tr("A verified backup");
    if (name == QLatin1String("target"))
        return ArchiveChecklistPage::tr("A free target name");
    if (name == QLatin1String("filesystem"))
        return ArchiveChecklistPage::tr("The same filesystem");
    if (name == QLatin1String("runs"))
        return ArchiveChecklistPage::tr("No unfinished run");
    if (name == QLatin1String("validation"))
        return ArchiveChecklistPage::tr("The key space matches the files");
    return name;
}

Result<ValidationWorkflow::Outcome> validateInFull(const JobTarget& target,
                                                   const WorkflowContext& context)
{
    auto session = target.openSession();
    if (!session)
        return session.error();
    ValidationWorkflow::Request request;
    request.root = target.root;
    request.layoutSpec = target.profile->layout;
    request.prefix = target.profile->prefix;
    return ValidationWorkflow::run(request, *session.value(), context);
}

} // namespace

Result<ArchiveWorkflow::Outcome> ArchiveChecklistPage::archive(const JobTarget& target,
                                                               const QString& to, bool dryRun,
                                                               const WorkflowContext& context)
{
    ArchiveWorkflow::Request request;
    request.root = target.root;
    request.target = to;
    request.dryRun = dryRun;
    std::unique_ptr<TargetSession> session;
    if (target.hasKeySpace()) {
        request.layoutSpec = target.profile->layout;
        request.prefix = target.profile->prefix;
        auto opened = target.openSession();
        if (!opened)
            return opened.error();
        session = std::move(opened.value());
    }
    return ArchiveWorkflow::run(request, session.get(), context);
}

ArchiveChecklistPage::ArchiveChecklistPage(const JobTarget& target, WorkflowRunner* runner,
                                           QWidget* parent)
    : QWizardPage(parent), m_target(target), m_runner(runner), m_rename(new QLabel(this)),
      m_rows(new QGridLayout), m_status(new QLabel(this)),
      m_again(new QPushButton(tr("Check again"), this))
{
    setTitle(tr("Archive the folder: the checklist"));
    setSubTitle(tr("The folder is renamed (never deleted) once every item below holds."));
    m_rename->setWordWrap(true);
    m_rename->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_rows->setColumnStretch(2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_rename);
    layout->addLayout(m_rows);
    layout->addWidget(m_status);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_again);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_again, &QPushButton::clicked, this, &ArchiveChecklistPage::check);
}

void ArchiveChecklistPage::initializePage()
{
    check();
}

bool ArchiveChecklistPage::isComplete() const
{
    return !m_checking && m_outcome && m_outcome->passed();
}

void ArchiveChecklistPage::check()
{
    if (m_target.root.isEmpty()) {
        // Opened with no folder (a next step, a script): there is nothing to check, and a fix
        // such as "Make a backup" would have nothing to back up.
        m_again->setEnabled(false);
        m_status->setText(tr("No pm/ folder is open: open one first (File > Open Folder, "
                             "Ctrl+O), then archive it."));
        return;
    }
    const JobTarget target = m_target;
    const bool started = m_runner->start<ArchiveWorkflow::Outcome>(
        [target](const WorkflowContext& context) {
            return archive(target, QString(), true, context);
        },
        [this](Result<ArchiveWorkflow::Outcome> result, const QStringList& warnings) {
            showChecks(result, warnings);
        });
    if (!started)
        return;
    m_checking = true;
    m_again->setEnabled(false);
    m_status->setText(target.hasKeySpace()
                          ? tr("Checking: reading the backup and validating the whole folder "
                               "against %1...")
                                .arg(target.profile->name)
                          : tr("Checking: reading the backup..."));
    Q_EMIT completeChanged();
}

QString ArchiveChecklistPage::stateText(const QString& name) const
{
    const QLabel* state = m_states.value(name);
    return state ? state->text() : QString();
}

QString ArchiveChecklistPage::detailText(const QString& name) const
{
    const QLabel* detail = m_details.value(name);
    return detail ? detail->text() : QString();
}

QPushButton* ArchiveChecklistPage::fixButton(const QString& name) const
{
    return m_fixes.value(name);
}

QString ArchiveChecklistPage::errorText() const
{
    return m_outcome ? QString() : m_status->text();
}

void ArchiveChecklistPage::clearRows()
{
    while (QLayoutItem* item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_states.clear();
    m_details.clear();
    m_fixes.clear();
}

void ArchiveChecklistPage::showChecks(const Result<ArchiveWorkflow::Outcome>& result,
                                      const QStringList& warnings)
{
    m_checking = false;
    m_again->setEnabled(true);
    clearRows();
    if (!result) {
        m_outcome.reset();
        m_rename->clear();
        m_status->setText(result.error().message);
        Q_EMIT completeChanged();
        Q_EMIT checked();
        return;
    }
    m_outcome = result.value();
    m_rename->setText(tr("Rename %1\nto %2")
                          .arg(QDir::toNativeSeparators(m_outcome->from),
                               QDir::toNativeSeparators(m_outcome->to)));
    int row = 0;
    for (const ArchiveJob::Check& check : m_outcome->checks) {
        auto* state = new QLabel(check.ok ? QStringLiteral("\u2713") : QStringLiteral("\u2717"));
        StatusTone::apply(state, check.ok ? StatusTone::Tone::Good : StatusTone::Tone::Bad, true);
        m_states.insert(check.name, state);
        auto* detail = new QLabel(check.detail);
        m_details.insert(check.name, detail);
        auto* title = new QLabel(checkTitle(check.name));
        detail->setWordWrap(true);
        detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_rows->addWidget(state, row, 0);
        m_rows->addWidget(title, row, 1);
        m_rows->addWidget(detail, row, 2);
        if (!check.ok && !check.next.isNone()) {
            auto* button = new QPushButton(StepCaption::text(check.next));
            const NextStep next = check.next;
            connect(button, &QPushButton::clicked, this, [this, next] { fix(next); });
            m_fixes.insert(check.name, button);
            m_rows->addWidget(button, row, 3);
        }
        ++row;
    }
    QString status = m_outcome->passed() ? tr("Every item holds: the folder can be archived.")
                                         : tr("The folder cannot be archived until every item "
                                              "holds.");
    if (!m_note.isEmpty())
        status += QLatin1Char('\n') + m_note;
    if (!warnings.isEmpty())
        status += QLatin1Char('\n') + warnings.join(QLatin1Char('\n'));
    m_status->setText(status);
    Q_EMIT completeChanged();
    Q_EMIT checked();
}

void ArchiveChecklistPage::fix(const NextStep& step)
{
    if (m_runner->isRunning())
        return;
    if (step.action == NextStep::Action::Backup)
        makeBackup();
    else if (step.action == NextStep::Action::Validate && m_target.hasKeySpace())
        validate();
    else
        Q_EMIT stepChosen(step);
}

void ArchiveChecklistPage::makeBackup()
{
    BackupWorkflow::BackupRequest request;
    request.root = m_target.root;
    request.destination = QFileInfo(QDir::cleanPath(m_target.root)).absolutePath();
    if (m_target.profile)
        request.layout = m_target.profile->layout;
    m_status->setText(tr("Making a verified backup beside the folder..."));
    m_runner->start<BackupJob::Outcome>(
        [request](const WorkflowContext& context) {
            return BackupWorkflow::backup(request, context);
        },
        [this](Result<BackupJob::Outcome> made, const QStringList&) {
            if (!made) {
                m_status->setText(made.error().message);
                return;
            }
            check();
        });
}

void ArchiveChecklistPage::validate()
{
    const JobTarget target = m_target;
    m_status->setText(tr("Validating the whole folder against %1...").arg(target.profile->name));
    m_runner->start<ValidationWorkflow::Outcome>(
        [target](const WorkflowContext& context) { return validateInFull(target, context); },
        [this](Result<ValidationWorkflow::Outcome> validated, const QStringList&) {
            if (!validated) {
                m_status->setText(validated.error().message);
                return;
            }
            if (!validated.value().reportPath.isEmpty())
                m_note = tr("Validation report: %1").arg(validated.value().reportPath);
            check();
        });
}

} // namespace pmkv
