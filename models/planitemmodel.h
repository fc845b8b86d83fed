#pragma once

#include "jobs/migrationplan.h"

#include <QAbstractTableModel>

#include <memory>

namespace pmkv {

// The items of a migration plan as a table (action, key, source file, size, reason), for the
// migrate wizard's plan page. Read-only; the plan is shared, never copied.
class PlanItemModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ActionColumn, KeyColumn, SourceColumn, SizeColumn, ReasonColumn, ColumnCount };
    enum Role { ActionRole = Qt::UserRole + 1 }; // the PlanItem::Action, as an int

    explicit PlanItemModel(QObject* parent = nullptr);

    void setPlan(std::shared_ptr<const MigrationPlan> plan);
    std::shared_ptr<const MigrationPlan> plan() const { return m_plan; }
    const PlanItem* item(const QModelIndex& index) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const MigrationPlan> m_plan;
};

} // namespace pmkv
