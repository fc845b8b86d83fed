#include "planitemmodel.h"

#include <QLocale>

namespace pmkv {

PlanItemModel::PlanItemModel(QObject* parent) : QAbstractTableModel(parent) {}

void PlanItemModel::setPlan(std::shared_ptr<const MigrationPlan> plan)
{
    beginResetModel();
    m_plan = std::move(plan);
    endResetModel();
}

const PlanItem* PlanItemModel::item(const QModelIndex& index) const
{
    if (!m_plan || !index.isValid() || index.row() >= m_plan->items.size())
        return nullptr;
    return &m_plan->items.at(index.row());
}

int PlanItemModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_plan ? 0 : int(m_plan->items.size());
}

int PlanItemModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanItemModel::data(const QModelIndex& index, int role) const
{
    const PlanItem* it = item(index);
    if (!it)
        return {};
    if (role == ActionRole)
        return int(it->action);
    if (role == Qt::TextAlignmentRole && index.column() == SizeColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case ActionColumn:
        return planActionName(it->action);
    case KeyColumn:
        return it->key;
    case SourceColumn:
        return it->source;
    case SizeColumn:
        return QLocale().toString(it->size);
    case ReasonColumn:
        return it->reason;
    }
    return {};
}

QVariant PlanItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ActionColumn:
        return tr("Action");
    case KeyColumn:
        return tr("Key");
    case SourceColumn:
        return tr("Source");
    case SizeColumn:
        return tr("Bytes");
    case ReasonColumn:
        return tr("Why");
    }
    return {};
}

} // namespace pmkv
