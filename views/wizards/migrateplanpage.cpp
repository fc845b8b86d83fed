#include "migrateplanpage.h"

#include "diffview.h"
#include "kv/kvwait.h"
#include "migratewizard.h"
#include "planfiltermodel.h"
#include "planitemmodel.h"
#include "postto.h"
#include "workflowrunner.h"
#include "workflows/targetsession.h"

#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {

namespace {
struct Sides
{
    QByteArray file;
    QByteArray key;
    QString error;
};
} // namespace

MigratePlanPage::MigratePlanPage(MigrateWizard* wizard)
    : m_wizard(wizard), m_counts(new QLabel(this)), m_busy(new QProgressBar(this)),
      m_action(new QComboBox(this)), m_text(new QLineEdit(this)), m_table(new QTableView(this)),
      m_diff(new QPushButton(tr("Field diff of the update…"), this)),
      m_again(new QPushButton(tr("&Try Again"), this)), m_model(new PlanItemModel(this)),
      m_filter(new PlanFilterModel(this))
{
    setTitle(tr("The plan"));
    setSubTitle(tr("What the migration will do with each key. Nothing has been written yet."));
    m_counts->setWordWrap(true);
    m_busy->setRange(0, 0);
    m_action->addItem(tr("All actions"));
    for (auto action : {PlanItem::Action::Create, PlanItem::Action::Update, PlanItem::Action::Skip,
                        PlanItem::Action::Conflict})
        m_action->addItem(planActionName(action), int(action));
    m_text->setPlaceholderText(tr("Filter keys and files"));
    m_text->setClearButtonEnabled(true);
    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_diff->setEnabled(false);
    m_again->setToolTip(tr("Make the plan again, with the same connection and scope."));
    m_again->hide(); // only when planning failed

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_action);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_diff);
    auto* status = new QHBoxLayout;
    status->addWidget(m_counts, 1);
    status->addWidget(m_again, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(status);
    layout->addWidget(m_busy);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_action, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant action = m_action->currentData();
        m_filter->setAction(action.isValid()
                                ? std::optional<PlanItem::Action>(PlanItem::Action(action.toInt()))
                                : std::nullopt);
    });
    connect(m_text, &QLineEdit::textChanged, m_filter, &PlanFilterModel::setText);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const PlanItem* item = m_model->item(m_filter->mapToSource(m_table->currentIndex()));
        m_diff->setEnabled(item && (item->action == PlanItem::Action::Update ||
                                    item->action == PlanItem::Action::Conflict));
    });
    connect(m_diff, &QPushButton::clicked, this, &MigratePlanPage::showSelectedDiff);
    connect(m_again, &QPushButton::clicked, this, &MigratePlanPage::makePlan);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (m_diff->isEnabled())
            showSelectedDiff();
    });
    connect(m_wizard->runner(), &WorkflowRunner::progressed, this, [this](const JobProgress& p) {
        if (m_plan || !isVisible())
            return;
        m_counts->setText(tr("Planning: %1 of %2 …")
                              .arg(QLocale().toString(p.done), QLocale().toString(p.total)));
    });
}

void MigratePlanPage::initializePage()
{
    makePlan();
}

void MigratePlanPage::cleanupPage()
{
    // Back: the scope may change, so the plan is made again on the way forward.
    m_plan.reset();
    m_model->setPlan(nullptr);
}

bool MigratePlanPage::isComplete() const
{
    return m_plan != nullptr;
}

QString MigratePlanPage::countsText() const
{
    return m_counts->text();
}

void MigratePlanPage::makePlan()
{
    auto session = m_wizard->session();
    if (!session || m_wizard->runner()->isRunning())
        return;
    m_plan.reset();
    m_model->setPlan(nullptr);
    m_again->hide();
    m_busy->show();
    m_counts->setText(tr("Planning…"));
    Q_EMIT completeChanged();
    MigrationWorkflow::RunRequest request;
    request.mode = MigrationWorkflow::Mode::DryRun;
    request.scope = m_wizard->scope();
    m_wizard->runner()->start<MigrationWorkflow::RunOutcome>(
        [request, session](const WorkflowContext& context) {
            return MigrationWorkflow::run(request, *session, context);
        },
        [this](Result<MigrationWorkflow::RunOutcome> result, const QStringList&) {
            m_busy->hide();
            if (!result) {
                m_counts->setText(tr("No plan: %1").arg(result.error().message));
                // Once what failed is fixed (the target back, a lock released), planning
                // again is one key press away, not Back then Next.
                m_again->show();
                m_again->setFocus();
                return;
            }
            showPlan(std::make_shared<const MigrationPlan>(std::move(*result.value().plan)));
        });
}

void MigratePlanPage::showPlan(std::shared_ptr<const MigrationPlan> plan)
{
    m_plan = std::move(plan);
    m_model->setPlan(m_plan);
    const auto c = m_plan->counts();
    const QLocale locale;
    QString text =
        tr("%1 to create, %2 to update, %3 to skip, %4 conflicts; %5 bytes to write.")
            .arg(locale.toString(c.create), locale.toString(c.update), locale.toString(c.skip),
                 locale.toString(c.conflict), locale.toString(c.writeBytes));
    if (!m_plan->problems.isEmpty())
        text += QLatin1Char(' ') +
                tr("%1 files could not be mapped and are left out.").arg(m_plan->problems.size());
    m_counts->setText(text);
    m_table->resizeColumnToContents(PlanItemModel::ActionColumn);
    m_table->setColumnWidth(PlanItemModel::KeyColumn, 320);
    Q_EMIT completeChanged();
}

void MigratePlanPage::showSelectedDiff()
{
    const PlanItem* item = m_model->item(m_filter->mapToSource(m_table->currentIndex()));
    auto session = m_wizard->session();
    if (!item || !session || !m_plan)
        return;
    const QString path = QDir(m_plan->root).filePath(item->source);
    const QByteArray key = item->key.toUtf8();
    const QString title = item->key;
    const quint64 generation = ++m_diffGeneration;
    // Both sides are read off the GUI thread: the file, and the key's value now.
    QtConcurrent::run([path, key, session] {
        Sides sides;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            sides.error = file.errorString();
        sides.file = file.readAll();
        KvStore& store = session->store();
        auto replies = waitFor(store, store.execute({KvCommand{QByteArrayLiteral("GET"), key}}));
        if (!replies)
            sides.error = replies.error().message;
        else if (!replies.value().isEmpty())
            sides.key = replies.value().first().bytes;
        return sides;
    }).then(postTo<Sides>(this, [this, title, path, generation](Sides sides) {
        if (generation != m_diffGeneration)
            return; // another row was asked for since
        if (!m_diffView) {
            auto* dialog = new QDialog(this);
            dialog->setWindowTitle(tr("Field diff"));
            dialog->resize(900, 600);
            m_diffView = new DiffView(dialog);
            auto* layout = new QVBoxLayout(dialog);
            layout->addWidget(m_diffView);
        }
        m_diffView->parentWidget()->setWindowTitle(tr("Field diff: %1").arg(title));
        if (!sides.error.isEmpty())
            m_diffView->clear(sides.error);
        else
            m_diffView->showDiff(tr("File %1").arg(path), sides.file, tr("Key %1").arg(title),
                                 sides.key);
        m_diffView->parentWidget()->show(); // not exec(): no nested event loop
        Q_EMIT diffShown();
    }));
}

} // namespace pmkv
