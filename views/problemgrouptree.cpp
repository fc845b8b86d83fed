#include "problemgrouptree.h"

#include "entityicons.h"

#include <QHeaderView>

#include <algorithm>

namespace pmkv {

namespace {
constexpr int kGroupRole = Qt::UserRole + 1; // the group's index, on a group row
constexpr int kPathRole = Qt::UserRole + 2;  // the file's path, on a file row
} // namespace

ProblemGroupTree::ProblemGroupTree(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("problemGroups"));
    setHeaderLabels({tr("Problem"), tr("Line")});
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    connect(this, &QTreeWidget::itemExpanded, this, &ProblemGroupTree::fillGroup);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString path = item->data(0, kPathRole).toString();
        if (!path.isEmpty())
            Q_EMIT fileActivated(path);
    });
}

void ProblemGroupTree::setProblems(const QVector<Problem>& problems, const QString& errorNote,
                                   const QString& warningNote)
{
    clear();
    m_groups = ProblemGroup::group(problems);
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const auto& a, const auto& b) {
        return a.severity == Severity::Error && b.severity != Severity::Error;
    });
    for (int i = 0; i < m_groups.size(); ++i) {
        const ProblemGroup& g = m_groups.at(i);
        const bool error = g.severity == Severity::Error;
        const QString note = error ? errorNote : warningNote;
        QString files = g.count() == 1 ? tr("1 file") : tr("%L1 files").arg(g.count());
        if (!note.isEmpty())
            files += QStringLiteral("; ") + note;
        const QString text =
            tr("%1: %2 (%3)").arg(error ? tr("Error") : tr("Warning"), g.message, files);
        auto* item = new QTreeWidgetItem(this);
        item->setText(0, text);
        item->setToolTip(0, g.code);
        item->setIcon(0, error ? EntityIcons::error() : EntityIcons::warning());
        item->setData(0, kGroupRole, i);
        item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    }
    if (m_groups.size() <= 3)
        expandAll();
}

void ProblemGroupTree::fillGroup(QTreeWidgetItem* item)
{
    if (item->parent() || item->childCount() > 0)
        return;
    const int index = item->data(0, kGroupRole).toInt();
    if (index < 0 || index >= m_groups.size())
        return;
    QList<QTreeWidgetItem*> rows;
    for (const Problem& p : m_groups.at(index).problems) {
        auto* row = new QTreeWidgetItem;
        row->setText(0, p.path + QStringLiteral(": ") + p.message);
        if (p.line > 0)
            row->setText(1, QString::number(p.line));
        row->setToolTip(0, p.toText());
        row->setData(0, kPathRole, p.path);
        rows.append(row);
    }
    item->addChildren(rows);
}

} // namespace pmkv
