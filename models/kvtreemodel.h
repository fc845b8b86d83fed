#pragma once

#include "syncstate.h"

#include <QAbstractItemModel>
#include <QByteArray>
#include <QHash>

#include <memory>
#include <vector>

namespace pmkv {

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
class KvTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // the full key (QString), empty for pure namespaces
        IsKeyRole,
        StateRole,      // SyncState as int (a key's own state; Unknown for namespaces)
        CountsRole,     // QVariant<SyncCounts> rolled up over the subtree
        KeyCountRole,   // keys in the subtree
        LoadMoreRole,   // true on the "load more" row
        SearchTextRole, // the full path of the row
    };

    explicit KvTreeModel(QObject* parent = nullptr);
    ~KvTreeModel() override;

    // Empties the tree for a new scan (shows the "load more" row until finish()).
    void beginScan();
    void addKeys(const QVector<KvKeyItem>& keys);
    // States from a comparison; remembered for keys that are not in the tree yet.
    void setStates(const QVector<KvKeyItem>& states);
    void setProgress(qint64 scanned, qint64 total, bool busy);
    void finish(); // the scan reached its end: no more "load more" row
    void clear();  // no connection

    bool isFinished() const { return m_finished; }
    bool isBusy() const { return m_busy; }
    qint64 keyCount() const { return m_keys; }
    qint64 scanned() const { return m_scanned; }
    qint64 total() const { return m_total; }
    SyncCounts totals() const;
    QModelIndex indexForKey(const QByteArray& key) const;
    QByteArray keyAt(const QModelIndex& index) const;
    SyncState stateOf(const QByteArray& key) const;

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

private:
    struct Node;
    Node* nodeAt(const QModelIndex& index) const;
    bool isLoadMore(const QModelIndex& index) const;
    QModelIndex indexOf(const Node* node, int column = 0) const;
    Node* child(Node* parent, const QByteArray& name) const;
    void setLeafState(Node* node, SyncState state, std::vector<Node*>& touched);
    QString countsText(const Node* node) const;
    QString loadMoreText() const;
    static QByteArray fullKey(const Node* node);

    std::unique_ptr<Node> m_root;
    QHash<QByteArray, SyncState> m_knownStates;
    qint64 m_keys = 0;
    qint64 m_scanned = 0;
    qint64 m_total = -1;
    bool m_scanning = false;
    bool m_finished = true;
    bool m_busy = false;
};

} // namespace pmkv
