#pragma once

#include <QObject>

class QTreeView;

namespace pmkv {

// Keeps a tree view's state column as wide as the room its other columns leave, but never
// narrower than the widest state cell (a state's icon and translated name with the style's
// margins, in the view's current font) or its header title: a Stretch section, or a stretched
// last one, shrinks to any width and cut "not compared yet". Follows the viewport's size, the
// view's font and the other columns' widths; a view too narrow for all of it scrolls sideways.
class StateColumnFit final : public QObject
{
public:
    // Owned by `view`; the column becomes a Fixed section that this object sizes.
    StateColumnFit(QTreeView* view, int stateColumn);

    void fit();
    int widestStateCell() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTreeView* m_view;
    int m_column;
};

} // namespace pmkv
