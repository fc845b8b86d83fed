#include "runhistorylist.h"

#include "jobs/journal.h"
#include "jobs/rollbackjob.h"

#include <QDateTime>
#include <QHeaderView>
#include <QTimeZone>

namespace pmkv {

namespace {
constexpr int kRunIdRole = Qt::UserRole + 1;
constexpr int kUndoableRole = Qt::UserRole + 2;
} // namespace

RunHistoryList::RunHistoryList(QWidget* parent) : QTreeWidget(parent)
{
    setHeaderLabels({tr("When"), tr("What"), tr("Where"), tr("State"), tr("Run")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
}

void RunHistoryList::setRuns(const QVector<JournalRun>& runs, const QVector<Error>& unreadable)
{
    m_runs = runs;
    clear();
    // Both lists are oldest first by run id (its time first): merged, newest on top.
    auto run = runs.crbegin();
    auto broken = unreadable.crbegin();
    while (run != runs.crend() || broken != unreadable.crend()) {
        if (broken != unreadable.crend() && (run == runs.crend() || broken->next.runId > run->id))
            addUnreadable(*broken++);
        else
            addRun(*run++);
    }
}

void RunHistoryList::addRun(const JournalRun& run)
{
    auto* row = new QTreeWidgetItem(this);
    row->setText(0, run.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    row->setText(1, run.kind);
    QString where = run.params.value(QStringLiteral("target")).toString();
    if (where.isEmpty())
        where = run.params.value(QStringLiteral("root")).toString();
    row->setText(2, where);
    row->setText(3, journalRunStateName(run.state));
    row->setText(4, run.id);
    row->setData(0, kRunIdRole, run.id);
    const auto undoable = RollbackJob::undoable(run);
    row->setData(0, kUndoableRole, undoable.ok());
    const QString tip = undoable ? run.message : undoable.error().message;
    for (int c = 0; c < columnCount(); ++c) {
        row->setToolTip(c, tip);
        if (!undoable)
            row->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
    }
}

void RunHistoryList::addUnreadable(const Error& why)
{
    auto* row = new QTreeWidgetItem(this);
    // The run id's time ("20261123T041502123Z-..."), in UTC.
    QDateTime when =
        QDateTime::fromString(why.next.runId.left(18), QStringLiteral("yyyyMMdd'T'HHmmsszzz"));
    when.setTimeZone(QTimeZone::utc());
    if (when.isValid())
        row->setText(0, when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    row->setText(1, Journal::kindOfRunId(why.next.runId));
    row->setText(2, why.next.path);
    row->setText(3, why.code == QLatin1String("journal.busy") ? tr("in use") : tr("unreadable"));
    row->setText(4, why.next.runId);
    // No run id role: selectedRun() stays empty on it, and it cannot be chosen.
    row->setData(0, kUndoableRole, false);
    row->setFlags(Qt::ItemIsEnabled);
    for (int c = 0; c < columnCount(); ++c) {
        row->setToolTip(c, why.message);
        row->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
    }
}

bool RunHistoryList::selectNewest()
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->flags() & Qt::ItemIsSelectable) {
            setCurrentItem(topLevelItem(i));
            return true;
        }
    }
    return false;
}

QString RunHistoryList::selectedRun() const
{
    const QTreeWidgetItem* row = currentItem();
    return row ? row->data(0, kRunIdRole).toString() : QString();
}

bool RunHistoryList::selectedIsUndoable() const
{
    const QTreeWidgetItem* row = currentItem();
    return row && row->data(0, kUndoableRole).toBool();
}

bool RunHistoryList::select(const QString& runId)
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->data(0, kRunIdRole).toString() == runId) {
            setCurrentItem(topLevelItem(i));
            return true;
        }
    }
    return false;
}

const JournalRun* RunHistoryList::run(const QString& runId) const
{
    for (const JournalRun& r : m_runs) {
        if (r.id == runId)
            return &r;
    }
    return nullptr;
}

} // namespace pmkv
