#pragma once

#include "alignedtree.h"

#include <QAbstractItemModel>

#include <memory>

namespace pmkv {

// The aligned mode's rows: an AlignedTree shown as a tree whose columns are the two sides
// (the file, the key) and their state between them. The left view shows the file and state
// columns, the right one the key column, over one model: rows line up by construction. A side
// that lacks an entity shows a placeholder (grey, italic, hatched). The tree is replaced whole
// (setTree); the model does no I/O.
class AlignedTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { FileColumn, StateColumn, KeyColumn, ColumnCount };
    enum Role {
        EntityPathRole = Qt::UserRole + 1, // QString; empty when the files lack it
        KeyBytesRole,                      // QByteArray; empty when it maps to no key
        StateRole,                         // SyncState as int
        CountsRole,                        // SyncCounts of the row and below
        InFilesRole,
        InKvRole,
        OwnProblemsRole, // errors and warnings of its file
        PlaceholderRole, // true on a cell of the side that lacks the row
        EntityIndexRole, // int: the row's entity in the report (fromReport), else -1
    };

    explicit AlignedTreeModel(QObject* parent = nullptr);

    void setTree(std::shared_ptr<const AlignedTree> tree); // null: empty
    const AlignedTree* tree() const { return m_tree.get(); }
    QModelIndex indexForKey(const QByteArray& key) const;
    QModelIndex indexForEntityPath(const QString& entityPath) const;
    // A stable name of a row (its names from the top), to keep rows open across a rebuild.
    QString rowPath(const QModelIndex& index) const;
    QModelIndex indexForRowPath(const QString& path) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int nodeOf(const QModelIndex& index) const;
    QModelIndex indexOfNode(int node, int column = 0) const;
    QVariant cellText(const AlignedTree::Node& node, int column) const;
    // A tree of two named sides (AlignedTree::fromReport) rather than the folder and the key
    // space: its headers, placeholders and one-sided states name the sides.
    bool isTwoSides() const;
    QString stateText(SyncState state) const;

    std::shared_ptr<const AlignedTree> m_tree;
};

} // namespace pmkv
