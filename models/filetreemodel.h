#pragma once

#include "filetreesnapshot.h"
#include "syncstate.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>

namespace pmkv {

// The file side of a pm/ folder as a tree: folders, people.json, projects, epics, stories and
// non-data files, with problems rolled up to every parent. Owns an immutable snapshot;
// setSnapshot() swaps it in one reset, so no index outlives the data it points into.
class FileTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TitleColumn, ProblemsColumn, StateColumn, ColumnCount };
    enum Role {
        RelativePathRole = Qt::UserRole + 1,
        KindRole,   // EntityKind as int, -1 for folders
        ErrorsRole, // rolled-up counts
        WarningsRole,
        SearchTextRole,  // name, id and title, for filtering
        StateRole,       // SyncState (int) of the entity; Unknown for plain folders
        CountsRole,      // SyncCounts rolled up over the subtree (the node's own entity included)
        EntityPathRole,  // the entity's file (a project folder: its project.json), or empty
        OwnProblemsRole, // errors and warnings of the row itself (a folder: its document's)
    };

    explicit FileTreeModel(QObject* parent = nullptr);

    void setSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot);
    const FileTreeSnapshot* snapshot() const { return m_snapshot.get(); }
    std::shared_ptr<const FileTreeSnapshot> sharedSnapshot() const { return m_snapshot; }
    const Entity* entityAt(const QModelIndex& index) const;
    QModelIndex indexForPath(const QString& relativePath) const;
    // The row standing for an entity file ("a/project.json" is the folder "a").
    QModelIndex indexForEntityPath(const QString& entityPath) const;

    // Sync states by entity path (relative, as in Entity::relativePath); counts roll up.
    void setStates(const QVector<QPair<QString, SyncState>>& states);
    void resetStates();
    // The states known (not Unknown), by entity path: what setStates() takes back.
    QVector<QPair<QString, SyncState>> knownStates() const;
    SyncState stateOf(const QString& entityPath) const;
    SyncCounts totals() const;
    // For the overview strip: how many data files there are, and the position (in tree
    // order, depth first), state and path of each one whose state is a difference.
    struct Mark
    {
        int position;
        SyncState state;
        QString path;
    };
    int differenceMarks(QVector<Mark>& marks) const;

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
    QString countsText(const Node* node) const;
    const Node* nodeForEntity(int entityIndex) const;

    std::shared_ptr<const FileTreeSnapshot> m_snapshot;
    std::vector<SyncState> m_states;         // by entity index
    std::vector<const Node*> m_nodeByEntity; // by entity index
    QHash<const Node*, SyncCounts> m_counts; // rolled up; absent = all zero
};

} // namespace pmkv
