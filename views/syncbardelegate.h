#pragma once

#include <QStyledItemDelegate>

namespace pmkv {

// Draws the sync column of a parent row (a project, an epic, a namespace) as a bar of its
// rolled-up states, each state a segment of its colour with its glyph where it fits, followed
// by the counts in words; leaf rows are drawn as usual (icon and state name).
class SyncBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // `countsRole` holds SyncCounts; `leafTest` rows (no children) are painted normally.
    SyncBarDelegate(int countsRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

private:
    int m_countsRole;
};

} // namespace pmkv
