#pragma once

#include "syncstate.h"

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
    // The counts as they fit in `width`: in words when they fit, else glyphs and numbers only,
    // cut at the end as a last resort (the row's tooltip has them all).
    static QString fittedText(const SyncCounts& counts, const QString& words,
                              const QFontMetrics& metrics, int width);

private:
    int m_countsRole;
};

} // namespace pmkv
