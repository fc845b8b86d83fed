#include "comparisonwindow.h"

#include "alignedpane.h"
#include "alignedtree.h"
#include "core/workpool.h"
#include "diffview.h"
#include "entitydiffpresenter.h"

#include <QAction>
#include <QFutureWatcher>
#include <QLabel>
#include <QSplitter>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {

ComparisonWindow::ComparisonWindow(std::shared_ptr<const DiffReport> report, QWidget* parent,
                                   Qt::WindowFlags flags)
    : QMainWindow(parent, flags), m_report(std::move(report)), m_aligned(new AlignedPane(this)),
      m_diff(new DiffView(this)), m_summary(new QLabel(this))
{
    if (flags.testFlag(Qt::Window))
        setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("comparisonWindow"));
    const QString left = AlignedTree::sideTitle(m_report->left.spec);
    const QString right = AlignedTree::sideTitle(m_report->right.spec);
    setWindowTitle(tr("%1 and %2").arg(left, right));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_aligned);
    split->addWidget(m_diff);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_summary, 1);
    const ComparisonCounts& c = m_report->counts;
    m_summary->setText(
        tr("%1 changed, %2 only in %3, %4 only in %5, %6 unreadable, %7 equal JSON; %8 the same "
           "(not listed)")
            .arg(c[Comparison::Changed])
            .arg(c[Comparison::OnlyLeft])
            .arg(left)
            .arg(c[Comparison::OnlyRight])
            .arg(right)
            .arg(c[Comparison::Unreadable])
            .arg(c[Comparison::EqualJson])
            .arg(c[Comparison::Same]));
    m_diff->clear(tr("Reading the differences..."));

    if (flags.testFlag(Qt::Window)) { // (in a dock, the dock's own button closes it)
        auto* close = new QAction(tr("Close"), this);
        close->setShortcut(QKeySequence::Close);
        connect(close, &QAction::triggered, this, &QWidget::close);
        addAction(close);
    }
    connect(m_aligned, &AlignedPane::currentRowChanged, this, &ComparisonWindow::showCurrent);

    // Linear in the report, but a report can hold 100,000 entities: built on the engine's pool.
    auto* watcher = new QFutureWatcher<std::shared_ptr<const AlignedTree>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_aligned->setTree(watcher->result());
        m_diff->clear(tr("Select an entity to see its two sides."));
        m_ready = true;
        Q_EMIT ready();
    });
    watcher->setFuture(QtConcurrent::run(
        WorkPool::instance(), [report = m_report] { return AlignedTree::fromReport(*report); }));
    if (flags.testFlag(Qt::Window))
        resize(1200, 800);
}

QString ComparisonWindow::summaryText() const
{
    return m_summary->text();
}

void ComparisonWindow::showCurrent()
{
    const int entity = m_aligned->currentReportEntity();
    if (entity < 0 || entity >= m_report->entities.size()) {
        m_diff->clear(tr("Select an entity to see its two sides."));
        return;
    }
    EntityDiffPresenter::show(*m_diff, m_report->entities.at(entity));
}

} // namespace pmkv
