#pragma once

#include "keysearchmarks.h"
#include "kvkeymeta.h"
#include "kvkeystates.h"
#include "kvnodetable.h"
#include "kvtreenode.h"
#include "syncstate.h"

#include <QAbstractItemModel>
#include <QByteArray>
#include <QHash>

#include <deque>
#include <memory>
#include <vector>

class QTimer;

namespace pmkv {

class KvKeyMetaCache;

// One key as a page of SCAN delivers it, with the state known when it arrived.
struct KvKeyItem
{
    QByteArray key;
    SyncState state = SyncState::Unknown;
};

// The key space as a namespace tree: keys split at ':' ("pm:project:a" is the key leaf "a"
// under "pm" > "project"; a key may also be a namespace of longer keys). Keys come in pages
// (addKeys) while a scan runs (a key seen again keeps its row and takes a state it did not
// have: a second pass classifies what the first one could not); rows are appended per parent in
// arrival order (a sorting proxy orders them). While the scan is not finished the top level ends
// with a "load more" row; canFetchMore()/fetchMore() on the top level ask for the next page through
// moreRequested(). The model does no I/O: a loader feeds it and drops replies of an older
// generation.
//
// A page of a million-key scan touches about a thousand parents, and each announced row or
// changed count costs the views and proxies on top of it. So the model builds a page's nodes
// and tells views about them in slices of about 12 ms: what does not fit waits (keys not in
// the tree yet, new rows hidden, counts stale) for the next slice, run from a zero timer, so
// a page never holds the GUI thread for long and replies queued behind it do not add up. A slice
// announces the rows of every parent that grew, then the counts that changed; finish() takes effect
// (the "load more" row goes, and finished() is emitted) once everything is announced.
class KvTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, TypeColumn, TtlColumn, SizeColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // the full key (QString), empty for pure namespaces
        IsKeyRole,
        StateRole,      // SyncState as int (a key's own state; Unknown for namespaces)
        CountsRole,     // QVariant<SyncCounts> rolled up over the subtree
        KeyCountRole,   // keys in the subtree
        LoadMoreRole,   // true on the "load more" row
        SearchTextRole, // the full path of the row
        SearchHitRole,  // true when the row's path, or a path below it, holds the search text
    };

    explicit KvTreeModel(QObject* parent = nullptr);
    ~KvTreeModel() override;

    // Empties the tree for a new scan (shows the "load more" row until finish()). With
    // `keepKnownStates`, states given (setStates) for keys not in the tree yet stay: a
    // comparison may answer before the scan's first page is in.
    void beginScan(bool keepKnownStates = false);
    // Forgets the states given for keys not in the tree yet (a new comparison comes).
    void forgetKnownStates() { m_knownStates.clear(); }
    void addKeys(const QVector<KvKeyItem>& keys);
    // States from a comparison; remembered for keys that are not in the tree yet.
    void setStates(const QVector<KvKeyItem>& states);
    void setProgress(qint64 scanned, qint64 total, bool busy);
    void finish(); // the scan reached its end: no more "load more" row
    void clear();  // no connection

    bool isFinished() const { return m_finished; }
    // Keys, rows or counts the views have not been told about yet (a next slice is due).
    bool hasPendingUpdates() const
    {
        return !m_incoming.empty() || !m_grown.empty() || !m_dirty.empty();
    }
    // The name of a row (empty for the "load more" row), for sorting without a QVariant.
    QByteArray nameAt(const QModelIndex& index) const;
    bool isBusy() const { return m_busy; }
    qint64 keyCount() const { return m_keys; }
    qint64 scanned() const { return m_scanned; }
    qint64 total() const { return m_total; }
    SyncCounts totals() const;
    QModelIndex indexForKey(const QByteArray& key) const;
    QByteArray keyAt(const QModelIndex& index) const;
    SyncState stateOf(const QByteArray& key) const;
    // Every key in the tree (announced or not) under the namespace `prefix` (empty: all),
    // with its state; one pass over that subtree, as node ids, for a worker to spell out
    // (KvKeyStates::items): the pass on the GUI thread makes no key name. The aligned mode
    // takes it: a layout's keys all start with its prefix.
    KvKeyStates keyStateSnapshot(const QByteArray& prefix = QByteArray()) const;
    // States a comparison gave for keys that are not in the tree (not in the key space, or
    // not scanned yet).
    const QHash<QByteArray, SyncState>& statesOfMissingKeys() const { return m_knownStates; }
    // The key search (SearchHitRole): a copy of the node table for a worker, which computes
    // KeySearchMarks over it (KeySearchMarks::compute); applySearch() takes them, marks the
    // nodes that came since, and marks keys that arrive later as they come. False (nothing
    // changed) when the marks are of a tree this model replaced since, or when so many keys
    // came meanwhile that marking them here would hold the GUI thread: compute again. Empty
    // marks (no text) show every row. A filter on top invalidates itself after applying.
    KvNodeTable nodeSnapshot() const { return m_nodes; }
    bool applySearch(KeySearchMarks marks);
    // Whether the key search shows the row (O(1); the "load more" row always shows).
    bool isSearchHit(int row, const QModelIndex& parent) const;
    // A row's type, TTL and size once fetched (null before), for sorting by those columns.
    const KvKeyMeta* metaAt(const QModelIndex& index) const;
    // The Type, TTL and Size columns: a key's cells are empty until its meta is given; the
    // first time a view asks for one, the key is queued and, 50 ms later, the queued keys of
    // every row shown meanwhile are asked for in one metaRequested() (never blocking).
    void setMeta(const QVector<KvKeyMeta>& metas);
    // After a write: the key's cells are asked for again.
    void forgetMeta(const QByteArray& key);
    bool hasMeta(const QByteArray& key) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void moreRequested();
    void metaRequested(const QVector<QByteArray>& keys);
    void finished(); // the scan's end is announced: every key is in the tree

private:
    using Node = KvTreeNode;
    Node* nodeAt(const QModelIndex& index) const;
    bool isLoadMore(const QModelIndex& index) const;
    QModelIndex indexOf(const Node* node, int column = 0) const;
    Node* findKey(const QByteArray& key) const; // attached or not
    void setLeafState(Node* node, SyncState state);
    void markDirty(Node* node);
    // Announces grown parents, then changed counts, until `budgetMs` have passed since
    // `started` (QElapsedTimer msecsSinceReference); posts a next slice for the rest.
    void announce(qint64 started, qint64 budgetMs);
    void addKey(const KvKeyItem& item);
    void work(qint64 started);
    void scheduleAnnounce();
    void dropQueues();
    void resetTree(); // an empty tree, a new epoch; the search text stays
    // Marks a new node for the search; `path` is its full path. Parents that show now are
    // told to views when `announce`.
    void markNewNode(Node* node, const QByteArray& path, bool announce);

    std::shared_ptr<Node> m_root; // (a node table handed to a worker keeps it alive)
    KvNodeTable m_nodes;
    quint64 m_epoch = 0;
    KeySearchMarks m_marks;
    QHash<QByteArray, SyncState> m_knownStates;
    qint64 m_keys = 0;
    qint64 m_scanned = 0;
    qint64 m_total = -1;
    bool m_scanning = false;
    bool m_finished = true;
    bool m_busy = false;
    bool m_finishPending = false;
    QTimer* m_slice;                           // the next slice
    KvKeyMetaCache* m_metaCache;               // (nodes point at its metas)
    std::deque<QVector<KvKeyItem>> m_incoming; // pages not built into nodes yet
    qsizetype m_incomingNext = 0;              // in m_incoming.front()
    std::vector<Node*> m_grown; // attached nodes with pending children, in arrival order
    std::vector<Node*> m_dirty; // attached nodes whose state or counts views have not seen
};

} // namespace pmkv
