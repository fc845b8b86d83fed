#pragma once

#include "alignedtree.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QTreeView;

namespace pmkv {

class AlignedFilterProxyModel;
class AlignedTreeModel;

// The aligned mode of the two panes (as Meld, KDiff3 and Beyond Compare show two folders):
// the files on the left and the key space on the right as one entity hierarchy, row by row,
// with a placeholder where a side lacks an entity. Both trees sit on one model and one
// selection; one vertical scroll bar (the right one) moves both, and opening or closing a row
// on one side does it on the other. The sync filter and "Only problems" hide a row on both
// sides at once.
class AlignedPane final : public QWidget
{
    Q_OBJECT

public:
    explicit AlignedPane(QWidget* parent = nullptr);

    // Replaces the rows, keeping the open rows, the current row and the scroll position.
    void setTree(std::shared_ptr<const AlignedTree> tree);
    AlignedTreeModel* model() const { return m_model; }
    AlignedFilterProxyModel* proxy() const { return m_proxy; }
    QTreeView* fileView() const { return m_fileView; }
    QTreeView* keyView() const { return m_keyView; }
    QComboBox* filterBox() const { return m_filter; }
    QCheckBox* onlyProblemsBox() const { return m_onlyProblems; }
    QString summaryText() const;

    bool selectKey(const QByteArray& key);
    bool selectEntityPath(const QString& entityPath);
    QByteArray currentKey() const;
    QString currentEntityPath() const;
    // The current row's state, and whether each side has it.
    SyncState currentState() const;
    bool currentInFiles() const;
    bool currentInKv() const;
    // The current row's entity in the report of a two-sides tree (AlignedTree::fromReport);
    // -1 for a folder row or none.
    int currentReportEntity() const;

Q_SIGNALS:
    void currentRowChanged(const QString& entityPath, const QByteArray& key);
    // A context menu on a side (true: the file side) at a global position.
    void contextMenuRequested(bool fileSide, const QPoint& globalPos);

private:
    bool selectSource(const QModelIndex& source);
    void mirrorExpansion(QTreeView* from, QTreeView* to);
    QStringList expandedRows() const;

    AlignedTreeModel* m_model;
    AlignedFilterProxyModel* m_proxy;
    QComboBox* m_filter;
    QCheckBox* m_onlyProblems;
    QLabel* m_summary;
    QTreeView* m_fileView;
    QTreeView* m_keyView;
};

} // namespace pmkv
