#include "diffresultpage.h"

#include "diff/changedpaths.h"
#include "diffview.h"
#include "entitydiffpresenter.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {

namespace {

QString changedFields(const EntityDiff& entity)
{
    QStringList fields = ChangedPaths::of(entity, 5);
    if (entity.typeDiffers)
        fields << DiffResultPage::tr("type");
    if (entity.ttlDiffers)
        fields << DiffResultPage::tr("TTL");
    return fields.join(QStringLiteral(", "));
}

QString sideLine(const DiffReport::SideInfo& side)
{
    return DiffResultPage::tr("%1 (%2): %3 entities").arg(side.spec, side.kind).arg(side.entities);
}

} // namespace

DiffResultPage::DiffResultPage(QWidget* parent)
    : QWizardPage(parent), m_summary(new QLabel(this)), m_entities(new QTreeWidget(this)),
      m_diff(new DiffView(this)), m_html(new QPushButton(tr("Export HTML..."), this)),
      m_json(new QPushButton(tr("Export JSON (RFC 6902)..."), this)),
      m_csv(new QPushButton(tr("Export CSV..."), this)),
      m_openInWindow(new QPushButton(tr("Open in the Main Window"), this)),
      m_openAligned(new QPushButton(tr("Open in the Aligned View"), this)),
      m_exportedTo(new QLabel(this))
{
    setTitle(tr("Differences"));
    setFinalPage(true);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportedTo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_entities->setHeaderLabels({tr("State"), tr("Entity"), tr("Changed fields")});
    m_entities->setRootIsDecorated(false);
    m_entities->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_entities);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 2);
    auto* buttons = new QHBoxLayout;
    m_openInWindow->setObjectName(QStringLiteral("openInWindow"));
    m_openInWindow->hide();
    buttons->addWidget(m_openInWindow);
    m_openAligned->setObjectName(QStringLiteral("openAligned"));
    m_openAligned->setToolTip(tr("Both sides as one entity tree, row by row, with the field "
                                 "diff of the selected entity"));
    m_openAligned->setEnabled(false);
    buttons->addWidget(m_openAligned);
    buttons->addWidget(m_exportedTo, 1);
    for (QPushButton* button : {m_html, m_json, m_csv})
        buttons->addWidget(button);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);
    connect(m_entities, &QTreeWidget::currentItemChanged, this, &DiffResultPage::showEntity);
    connect(m_openAligned, &QPushButton::clicked, this, [this] {
        if (m_report)
            Q_EMIT comparisonRequested(m_report);
    });
    connect(m_html, &QPushButton::clicked, this,
            [this] { askWhereToExport(DiffWorkflow::Format::Html); });
    connect(m_json, &QPushButton::clicked, this,
            [this] { askWhereToExport(DiffWorkflow::Format::Json); });
    connect(m_csv, &QPushButton::clicked, this,
            [this] { askWhereToExport(DiffWorkflow::Format::Csv); });
}

void DiffResultPage::showReport(std::shared_ptr<const DiffReport> report)
{
    m_report = std::move(report);
    const DiffReport& r = *m_report;
    using S = EntityDiff::State;
    QString summary = sideLine(r.left) + QLatin1Char('\n') + sideLine(r.right) + QLatin1Char('\n');
    summary += r.hasDifferences()
                   ? tr("%1 changed, %2 only on the left, %3 only on the right, %4 unreadable, "
                        "%5 with another type or TTL; %6 equal as JSON.")
                         .arg(r.count(S::Changed))
                         .arg(r.count(S::OnlyLeft))
                         .arg(r.count(S::OnlyRight))
                         .arg(r.count(S::Unreadable))
                         .arg(r.typeOrTtl)
                         .arg(r.count(S::EqualJson))
                   : tr("The two sides hold the same data.");
    m_summary->setText(summary);
    m_entities->clear();
    for (int i = 0; i < r.entities.size(); ++i) {
        const EntityDiff& entity = r.entities.at(i);
        auto* item = new QTreeWidgetItem(m_entities);
        item->setText(0, QString::fromLatin1(comparisonKey(entity.state)));
        item->setText(1, entityTitle(entity.ref));
        item->setText(2, changedFields(entity));
        item->setData(0, Qt::UserRole, i);
    }
    m_diff->clear(tr("Select an entity to see its fields side by side."));
    for (QPushButton* button : {m_html, m_json, m_csv, m_openAligned})
        button->setEnabled(true);
    if (m_entities->topLevelItemCount() > 0)
        m_entities->setCurrentItem(m_entities->topLevelItem(0));
}

void DiffResultPage::showError(const Error& error)
{
    m_report.reset();
    m_summary->setText(tr("Not compared: %1").arg(error.message));
    m_entities->clear();
    m_diff->clear();
    for (QPushButton* button : {m_html, m_json, m_csv, m_openAligned})
        button->setEnabled(false);
}

QString DiffResultPage::summaryText() const
{
    return m_summary->text();
}

QFuture<Result<void>> DiffResultPage::exportTo(const QString& path,
                                               DiffWorkflow::Format format) const
{
    return QtConcurrent::run([report = m_report, path, format]() -> Result<void> {
        if (!report)
            return makeError(QStringLiteral("diff.none"), tr("There is no result to export."));
        return DiffWorkflow::exportReport(*report, path, format);
    });
}

void DiffResultPage::askWhereToExport(DiffWorkflow::Format format)
{
    const QString filter = format == DiffWorkflow::Format::Html   ? tr("HTML (*.html)")
                           : format == DiffWorkflow::Format::Json ? tr("JSON (*.json)")
                                                                  : tr("CSV (*.csv)");
    auto* dialog = new QFileDialog(window(), tr("Export the differences"), QString(), filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString& path) {
        auto* watcher = new QFutureWatcher<Result<void>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
            watcher->deleteLater();
            const Result<void> written = watcher->result();
            m_exportedTo->setText(written ? tr("Exported to %1").arg(path)
                                          : written.error().message);
            Q_EMIT exported(path, written.ok());
        });
        watcher->setFuture(exportTo(path, format));
    });
    dialog->open();
}

void DiffResultPage::showEntity()
{
    const QTreeWidgetItem* item = m_entities->currentItem();
    if (!item || !m_report)
        return;
    EntityDiffPresenter::show(*m_diff, m_report->entities.at(item->data(0, Qt::UserRole).toInt()));
}

} // namespace pmkv
