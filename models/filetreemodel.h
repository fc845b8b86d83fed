#pragma once

#include "filetreesnapshot.h"

#include <QAbstractItemModel>

#include <memory>

namespace pmkv {

// The file side of a pm/ folder as a tree: folders, people.json, projects, epics, stories and
// non-data files, with problems rolled up to every parent. Owns an immutable snapshot;
// setSnapshot() swaps it in one reset, so no index outlives the data it points into.
class FileTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TitleColumn, ProblemsColumn, ColumnCount };
    enum Role {
        RelativePathRole = Qt::UserRole + 1,
        KindRole,   // EntityKind as int, -1 for folders
        ErrorsRole, // rolled-up counts
        WarningsRole,
        SearchTextRole, // name, id and title, for filtering
    };

    explicit FileTreeModel(QObject* parent = nullptr);

    void setSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot);
    const FileTreeSnapshot* snapshot() const { return m_snapshot.get(); }
    const Entity* entityAt(const QModelIndex& index) const;
    QModelIndex indexForPath(const QString& relativePath) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    using Node = FileTreeSnapshot::Node;
    const Node* nodeAt(const QModelIndex& index) const;
    QString problemSummary(const Node* node) const;

    std::shared_ptr<const FileTreeSnapshot> m_snapshot;
};

} // namespace pmkv
