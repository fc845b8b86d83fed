#include "kvtreemodel.h"

#include "kvkeymetacache.h"
#include "kvtreecells.h"

#include <QDateTime>
#include <QTimer>

namespace pmkv {

namespace {

// How long one slice of announcements may hold the GUI thread (building a page's nodes
// included); the rest waits for the next slice.
constexpr qint64 kSliceMs = 12;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

KvTreeModel::KvTreeModel(QObject* parent)
    : QAbstractItemModel(parent), m_slice(new QTimer(this)), m_metaCache(new KvKeyMetaCache(this))
{
    connect(m_metaCache, &KvKeyMetaCache::requested, this, &KvTreeModel::metaRequested);
    m_slice->setSingleShot(true);
    m_slice->setInterval(0);
    connect(m_slice, &QTimer::timeout, this, [this] { work(now()); });
    resetTree();
}

KvTreeModel::~KvTreeModel() = default;

void KvTreeModel::dropQueues()
{
    m_incoming.clear();
    m_incomingNext = 0;
    m_grown.clear();
    m_dirty.clear();
    m_finishPending = false;
}

void KvTreeModel::resetTree()
{
    m_root = std::make_shared<Node>();
    m_root->attached = true;
    m_nodes = KvNodeTable(m_root, ++m_epoch);
    m_marks.restart(m_epoch);
    m_marks.add(false); // the root: the empty path holds no text
}

void KvTreeModel::beginScan(bool keepKnownStates)
{
    beginResetModel();
    dropQueues();
    resetTree();
    if (!keepKnownStates)
        m_knownStates.clear();
    m_metaCache->clear();
    m_keys = 0;
    m_scanned = 0;
    m_total = -1;
    m_scanning = true;
    m_finished = false;
    m_busy = false;
    endResetModel();
}

void KvTreeModel::clear()
{
    beginResetModel();
    dropQueues();
    resetTree();
    m_knownStates.clear();
    m_metaCache->clear();
    m_keys = 0;
    m_scanned = 0;
    m_total = -1;
    m_scanning = false;
    m_finished = true;
    m_busy = false;
    endResetModel();
}

void KvTreeModel::addKeys(const QVector<KvKeyItem>& keys)
{
    if (keys.isEmpty())
        return;
    m_incoming.push_back(keys);
    work(now());
}

void KvTreeModel::addKey(const KvKeyItem& item)
{
    if (item.key.isEmpty())
        return;
    Node* node = m_root.get();
    qsizetype start = 0;
    while (true) {
        const qsizetype end = item.key.indexOf(Node::kSeparator, start);
        const QByteArray name =
            item.key.mid(start, end < 0 ? item.key.size() - start : end - start);
        Node* next = node->child(name);
        if (!next) {
            auto created = std::make_unique<Node>();
            created->name = name;
            created->parent = node;
            next = created.get();
            m_nodes.append(next);
            if (m_marks.isActive())
                markNewNode(next, item.key.left(end < 0 ? item.key.size() : end), true);
            if (node->attached && !node->queued) { // its new rows wait for the next slice
                node->queued = true;
                m_grown.push_back(node);
            }
            node->adopt(std::move(created));
        }
        node = next;
        if (end < 0)
            break;
        start = end + 1;
    }
    SyncState state = item.state;
    const auto known = m_knownStates.constFind(item.key);
    if (known != m_knownStates.constEnd())
        state = known.value();
    if (node->isKey) { // SCAN may return a key twice; a second pass may classify it
        if (node->state == SyncState::Unknown && state != SyncState::Unknown)
            setLeafState(node, state);
        return;
    }
    node->isKey = true;
    node->state = state;
    ++m_keys;
    for (Node* n = node; n; n = n->parent) {
        ++n->keyCount;
        ++n->counts[state];
        markDirty(n);
    }
}

// Builds waiting keys, then announces, within one slice; posts the next slice for the rest.
void KvTreeModel::work(qint64 started)
{
    int built = 0;
    while (!m_incoming.empty()) {
        const QVector<KvKeyItem>& page = m_incoming.front();
        while (m_incomingNext < page.size()) {
            if ((++built & 63) == 0 && now() - started >= kSliceMs)
                break;
            addKey(page[m_incomingNext++]);
        }
        if (m_incomingNext < page.size())
            break;
        m_incoming.pop_front();
        m_incomingNext = 0;
    }
    announce(started, kSliceMs);
}

void KvTreeModel::markDirty(Node* node)
{
    if (node->attached && !node->dirty && node != m_root.get()) {
        node->dirty = true;
        m_dirty.push_back(node);
    }
}

void KvTreeModel::scheduleAnnounce()
{
    // A timer, not a posted call: posted calls run back to back (a page's reply, the next
    // slice, the next reply ...) before the event loop looks at timers and paints again.
    if (!m_slice->isActive())
        m_slice->start();
}

void KvTreeModel::announce(qint64 started, qint64 budgetMs)
{
    // New rows, parent by parent, appended after the existing ones (at the top level, before
    // the "load more" row). Announcing a row attaches its whole subtree.
    size_t done = 0;
    for (; done < m_grown.size(); ++done) {
        if (done > 0 && now() - started >= budgetMs)
            break;
        Node* parent = m_grown[done];
        parent->queued = false;
        const int first = int(parent->children.size());
        const int last = first + int(parent->pending.size()) - 1;
        beginInsertRows(indexOf(parent), first, last);
        for (auto& c : parent->pending) {
            c->row = int(parent->children.size());
            std::vector<Node*> stack{c.get()};
            while (!stack.empty()) {
                Node* n = stack.back();
                stack.pop_back();
                n->attached = true;
                for (size_t i = 0; i < n->children.size(); ++i) {
                    n->children[i]->row = int(i);
                    stack.push_back(n->children[i].get());
                }
            }
            parent->children.push_back(std::move(c));
        }
        parent->pending.clear();
        endInsertRows();
    }
    m_grown.erase(m_grown.begin(), m_grown.begin() + qsizetype(done));
    // Then the changed states and counts: a namespace's counts show in the state column
    // only (which is not the sort column, so no proxy re-sorts for it); a key's state is its
    // icon in the name column too.
    done = 0;
    if (m_grown.empty()) {
        for (; done < m_dirty.size(); ++done) {
            if (done % 64 == 0 && now() - started >= budgetMs)
                break;
            Node* n = m_dirty[done];
            n->dirty = false;
            Q_EMIT dataChanged(indexOf(n, n->isKey ? NameColumn : StateColumn),
                               indexOf(n, StateColumn));
        }
        m_dirty.erase(m_dirty.begin(), m_dirty.begin() + qsizetype(done));
    }
    if (hasPendingUpdates()) {
        scheduleAnnounce();
        return;
    }
    if (m_finishPending) {
        m_finishPending = false;
        const int row = int(m_root->children.size());
        beginRemoveRows({}, row, row);
        m_finished = true;
        endRemoveRows();
        Q_EMIT finished();
    }
}

void KvTreeModel::setLeafState(Node* node, SyncState state)
{
    if (node->state == state)
        return;
    for (Node* n = node; n; n = n->parent) {
        --n->counts[node->state];
        ++n->counts[state];
        markDirty(n);
    }
    node->state = state;
}

void KvTreeModel::setStates(const QVector<KvKeyItem>& states)
{
    const qint64 started = now();
    for (const KvKeyItem& item : states) {
        m_knownStates.insert(item.key, item.state);
        if (Node* node = findKey(item.key))
            setLeafState(node, item.state);
    }
    work(started);
}

void KvTreeModel::setProgress(qint64 scanned, qint64 total, bool busy)
{
    m_scanned = scanned;
    m_total = total;
    m_busy = busy;
    if (m_scanning && !m_finished) {
        const int row = int(m_root->children.size());
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void KvTreeModel::finish()
{
    m_busy = false;
    if (m_finished)
        return;
    m_finishPending = true;
    work(now());
}

SyncCounts KvTreeModel::totals() const
{
    return m_root->counts;
}

QModelIndex KvTreeModel::indexOf(const Node* node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node*>(node));
}

KvTreeModel::Node* KvTreeModel::findKey(const QByteArray& key) const
{
    Node* node = m_root->find(key);
    return node && node->isKey ? node : nullptr;
}

QModelIndex KvTreeModel::indexForKey(const QByteArray& key) const
{
    const Node* node = findKey(key);
    if (!node || !node->attached)
        return {};
    return indexOf(node);
}

QByteArray KvTreeModel::keyAt(const QModelIndex& index) const
{
    const Node* node = nodeAt(index);
    return node && node->isKey ? node->fullKey() : QByteArray();
}

SyncState KvTreeModel::stateOf(const QByteArray& key) const
{
    const Node* node = findKey(key);
    return node ? node->state : m_knownStates.value(key, SyncState::Unknown);
}

QByteArray KvTreeModel::nameAt(const QModelIndex& index) const
{
    return index.isValid() && !isLoadMore(index) ? nodeAt(index)->name : QByteArray();
}

KvTreeModel::Node* KvTreeModel::nodeAt(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

bool KvTreeModel::isLoadMore(const QModelIndex& index) const
{
    return index.isValid() && !index.internalPointer();
}

QModelIndex KvTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount ||
        (parent.isValid() && parent.column() != 0) || isLoadMore(parent))
        return {};
    const Node* node = nodeAt(parent);
    if (row < int(node->children.size()))
        return createIndex(row, column, node->children[size_t(row)].get());
    if (!parent.isValid() && row == int(node->children.size()) && !m_finished)
        return createIndex(row, column, nullptr); // "load more"
    return {};
}

QModelIndex KvTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || isLoadMore(child))
        return {};
    return indexOf(nodeAt(child)->parent);
}

int KvTreeModel::rowCount(const QModelIndex& parent) const
{
    if ((parent.isValid() && parent.column() != 0) || isLoadMore(parent))
        return 0;
    const Node* node = nodeAt(parent);
    return int(node->children.size()) + (!parent.isValid() && !m_finished ? 1 : 0);
}

int KvTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

bool KvTreeModel::hasChildren(const QModelIndex& parent) const
{
    return rowCount(parent) > 0;
}

bool KvTreeModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_scanning && !m_finished && !m_finishPending && !m_busy;
}

void KvTreeModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_busy = true; // one request at a time; the loader clears it with setProgress()
    Q_EMIT moreRequested();
}

KvKeyStates KvTreeModel::keyStateSnapshot(const QByteArray& prefix) const
{
    std::vector<std::pair<int, SyncState>> keys;
    std::vector<const Node*> stack;
    if (prefix.isEmpty()) {
        keys.reserve(size_t(m_keys));
        stack.push_back(m_root.get());
    } else {
        if (Node* top = m_root->find(prefix))
            stack.push_back(top);
    }
    while (!stack.empty()) {
        const Node* node = stack.back();
        stack.pop_back();
        if (node->isKey)
            keys.emplace_back(node->id, node->state);
        for (const auto* list : {&node->children, &node->pending}) {
            for (const auto& c : *list)
                stack.push_back(c.get());
        }
    }
    return KvKeyStates(m_nodes, std::move(keys));
}

QVariant KvTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (isLoadMore(index))
        return KvTreeCells::loadMore(index.column(), role, m_scanned, m_total, m_busy);
    const Node* node = nodeAt(index);
    if (index.column() >= TypeColumn) {
        // The first view to show a key's meta asks for it (KvKeyMetaCache gathers the keys).
        if (node->isKey && !node->meta && (role == Qt::DisplayRole || role == Qt::ToolTipRole))
            m_metaCache->ask(node->fullKey());
        return KvTreeCells::meta(*node, index.column(), role);
    }
    if (role == SearchHitRole)
        return m_marks.isHit(node->id);
    return KvTreeCells::node(*node, index.column(), role);
}

QVariant KvTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Key");
    case StateColumn:
        return tr("State");
    case TypeColumn:
        return tr("Type");
    case TtlColumn:
        return tr("TTL");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

void KvTreeModel::setMeta(const QVector<KvKeyMeta>& metas)
{
    for (const KvKeyMeta& meta : metas) {
        Node* node = findKey(meta.key);
        if (!node)
            continue; // (a key of a tree replaced since it was asked for)
        node->meta = m_metaCache->store(meta);
        if (node->attached)
            Q_EMIT dataChanged(indexOf(node, TypeColumn), indexOf(node, SizeColumn));
    }
}

void KvTreeModel::forgetMeta(const QByteArray& key)
{
    m_metaCache->forget(key);
    Node* node = findKey(key);
    if (node)
        node->meta = nullptr;
    if (node && node->attached)
        Q_EMIT dataChanged(indexOf(node, TypeColumn), indexOf(node, SizeColumn));
}

const KvKeyMeta* KvTreeModel::metaAt(const QModelIndex& index) const
{
    return index.isValid() && !isLoadMore(index) ? nodeAt(index)->meta : nullptr;
}

bool KvTreeModel::hasMeta(const QByteArray& key) const
{
    return m_metaCache->contains(key);
}

} // namespace pmkv
