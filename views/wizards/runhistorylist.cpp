#include "runhistorylist.h"

#include "jobs/rollbackjob.h"

#include <QHeaderView>

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

void RunHistoryList::setRuns(const QVector<JournalRun>& runs)
{
    m_runs = runs;
    clear();
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        auto* row = new QTreeWidgetItem(this);
        row->setText(0,
                     it->createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        row->setText(1, it->kind);
        QString where = it->params.value(QStringLiteral("target")).toString();
        if (where.isEmpty())
            where = it->params.value(QStringLiteral("root")).toString();
        row->setText(2, where);
        row->setText(3, journalRunStateName(it->state));
        row->setText(4, it->id);
        row->setData(0, kRunIdRole, it->id);
        const auto undoable = RollbackJob::undoable(*it);
        row->setData(0, kUndoableRole, undoable.ok());
        const QString tip = undoable ? it->message : undoable.error().message;
        for (int c = 0; c < columnCount(); ++c) {
            row->setToolTip(c, tip);
            if (!undoable)
                row->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
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
