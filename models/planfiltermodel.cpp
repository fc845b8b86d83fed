#include "planfiltermodel.h"

#include "planitemmodel.h"

namespace pmkv {

PlanFilterModel::PlanFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void PlanFilterModel::setAction(std::optional<PlanItem::Action> action)
{
    m_action = action;
    invalidateFilter();
}

void PlanFilterModel::setText(const QString& text)
{
    m_text = text;
    invalidateFilter();
}

bool PlanFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const auto* plan = qobject_cast<const PlanItemModel*>(sourceModel());
    if (!plan)
        return true;
    const PlanItem* item = plan->item(plan->index(sourceRow, 0, sourceParent));
    if (!item)
        return false;
    if (m_action && item->action != *m_action)
        return false;
    return m_text.isEmpty() || item->key.contains(m_text, Qt::CaseInsensitive) ||
           item->source.contains(m_text, Qt::CaseInsensitive);
}

} // namespace pmkv
