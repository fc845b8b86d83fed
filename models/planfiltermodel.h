#pragma once

#include "jobs/migrationplan.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace pmkv {

// The plan table narrowed to one action (create, update, skip, conflict) and/or to keys and
// files containing a text.
class PlanFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit PlanFilterModel(QObject* parent = nullptr);

    void setAction(std::optional<PlanItem::Action> action);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<PlanItem::Action> m_action;
    QString m_text;
};

} // namespace pmkv
