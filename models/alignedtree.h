#pragma once

#include "alignment.h"
#include "diff/diffreport.h"
#include "filetreesnapshot.h"
#include "kvtreemodel.h"
#include "syncstate.h"

#include <QHash>
#include <QVector>

#include <memory>

namespace pmkv {

// The entity hierarchy both sides share, for the aligned mode (as Meld and KDiff3 align two
// folders): people, the projects list, then project > epic > story, each list key first
// under the entity it lists. One row per entity, present on the file side, the KV side or
// both; a side that lacks it shows a placeholder there. Files that map to no key (errors)
// sit where their path puts them, with nothing on the KV side; keys outside the layout are
// not entities and stay in the namespace view. Immutable once built: build it off the GUI
// thread and hand it to AlignedTreeModel whole.
class AlignedTree final
{
public:
    struct Node
    {
        QString name;       // the folder name, story id, "people", "epics list" ...
        QString entityPath; // the file (project.json ...); empty when the files lack it
        QByteArray key;     // the key it maps to; empty for a file that maps to none
        SyncState state = SyncState::Unknown;
        bool inFiles = false;
        bool inKv = false;
        int ownProblems = 0;     // errors and warnings of its file
        bool listsFirst = false; // people and list rows come before the entities
        int parent = -1;
        int row = 0;
        QVector<int> children;
        SyncCounts counts; // its own state and its descendants'
        int entity = -1;   // fromReport: its EntityDiff's index in the report
    };

    // `scanned`: the keys the scan found with their states (what the key space holds);
    // `compared`: what the comparison said of the folder's keys that are not among them.
    static std::shared_ptr<const AlignedTree> build(const Alignment& alignment,
                                                    const FileTreeSnapshot& files,
                                                    const QVector<KvKeyItem>& scanned,
                                                    const QHash<QByteArray, SyncState>& compared);
    // The same hierarchy over a diff of any two sides (a backup, a snapshot, two key spaces):
    // the left side's locations in the file column, the right side's in the key column, one
    // row per entity of the report (its index in Node::entity). Linear in the report.
    static std::shared_ptr<const AlignedTree> fromReport(const DiffReport& report);
    // How a side is named in headers and states: a path by its last name, a URL as given.
    static QString sideTitle(const QString& spec);

    const Node& node(int i) const { return m_nodes.at(i); }
    int size() const { return int(m_nodes.size()); }
    static constexpr int kRoot = 0;
    int nodeForKey(const QByteArray& key) const { return m_byKey.value(key, -1); }
    int nodeForPath(const QString& entityPath) const { return m_byPath.value(entityPath, -1); }
    // The rows a side lacks (placeholders), for the status line.
    int onlyFilesCount() const { return m_tally.onlyFiles; }
    int onlyKvCount() const { return m_tally.onlyKv; }
    // The two sides' names when they are not the folder and the key space (fromReport).
    const QString& leftTitle() const { return m_leftTitle; }
    const QString& rightTitle() const { return m_rightTitle; }

private:
    int child(int parent, const QString& lookup, const QString& name);
    int nodeFor(const EntityRef& ref);
    void sortAndCount(int root);

    struct Tally
    {
        int onlyFiles = 0;
        int onlyKv = 0;
    };

    std::vector<Node> m_nodes;
    QHash<QByteArray, int> m_byKey;
    QHash<QString, int> m_byPath;
    QHash<QString, int> m_byName; // "parent index/name" while building
    Tally m_tally;
    QString m_leftTitle;
    QString m_rightTitle;
};

} // namespace pmkv
