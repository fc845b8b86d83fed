#include "kvtreemodel.h"

#include "ttltext.h"

#include "entityicons.h"
#include "syncstyle.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QTimer>

#include <algorithm>

namespace pmkv {

namespace {

constexpr size_t kLookupThreshold = 8;
const char kSeparator = ':';
// How long one slice of announcements may hold the GUI thread (building a page's nodes
// included); the rest waits for the next slice.
constexpr qint64 kSliceMs = 12;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

KvTreeModel::KvTreeModel(QObject* parent)
    : QAbstractItemModel(parent), m_slice(new QTimer(this)), m_metaTimer(new QTimer(this))
{
    m_metaTimer->setSingleShot(true);
    m_metaTimer->setInterval(50);
    connect(m_metaTimer, &QTimer::timeout, this,
            [this] { Q_EMIT metaRequested(std::exchange(m_metaWanted, {})); });
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
    clearMeta();
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
    clearMeta();
    m_keys = 0;
    m_scanned = 0;
    m_total = -1;
    m_scanning = false;
    m_finished = true;
    m_busy = false;
    endResetModel();
}

KvTreeModel::Node* KvTreeModel::child(Node* parent, const QByteArray& name) const
{
    if (parent->lookup)
        return parent->lookup->value(name, nullptr);
    for (const auto& c : parent->children) {
        if (c->name == name)
            return c.get();
    }
    for (const auto& c : parent->pending) {
        if (c->name == name)
            return c.get();
    }
    return nullptr;
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
        const qsizetype end = item.key.indexOf(kSeparator, start);
        const QByteArray name =
            item.key.mid(start, end < 0 ? item.key.size() - start : end - start);
        Node* next = child(node, name);
        if (!next) {
            auto created = std::make_unique<Node>();
            created->name = name;
            created->parent = node;
            next = created.get();
            m_nodes.append(next);
            if (m_marks.isActive())
                markNewNode(next, item.key.left(end < 0 ? item.key.size() : end), true);
            if (node->attached) {
                if (!node->queued) {
                    node->queued = true;
                    m_grown.push_back(node);
                }
                node->pending.push_back(std::move(created));
            } else {
                node->children.push_back(std::move(created));
            }
            const size_t size = node->children.size() + node->pending.size();
            if (node->lookup) {
                node->lookup->insert(name, next);
            } else if (size >= kLookupThreshold) {
                node->lookup = std::make_unique<QHash<QByteArray, Node*>>();
                node->lookup->reserve(qsizetype(size * 2));
                for (const auto& c : node->children)
                    node->lookup->insert(c->name, c.get());
                for (const auto& c : node->pending)
                    node->lookup->insert(c->name, c.get());
            }
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
    Node* node = m_root.get();
    qsizetype start = 0;
    while (node) {
        const qsizetype end = key.indexOf(kSeparator, start);
        node = child(node, key.mid(start, end < 0 ? key.size() - start : end - start));
        if (end < 0)
            break;
        start = end + 1;
    }
    return node && node->isKey ? node : nullptr;
}

QModelIndex KvTreeModel::indexForKey(const QByteArray& key) const
{
    const Node* node = findKey(key);
    if (!node || !node->attached)
        return {};
    return indexOf(node);
}

QByteArray KvTreeModel::fullKey(const Node* node)
{
    QByteArray key = node->name;
    for (const Node* n = node->parent; n && n->parent; n = n->parent)
        key = n->name + kSeparator + key;
    return key;
}

QByteArray KvTreeModel::keyAt(const QModelIndex& index) const
{
    const Node* node = nodeAt(index);
    return node && node->isKey ? fullKey(node) : QByteArray();
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

QString KvTreeModel::loadMoreText() const
{
    const QLocale locale;
    const QString scanned = locale.toString(m_scanned);
    const QString of = m_total >= 0
                           ? tr("scanned %1 of %2 keys").arg(scanned, locale.toString(m_total))
                           : tr("scanned %1 keys").arg(scanned);
    return m_busy ? tr("Loading more keys... (%1)").arg(of)
                  : tr("Load more keys (%1): double-click").arg(of);
}

QString KvTreeModel::countsText(const Node* node) const
{
    if (node->isKey && node->children.empty())
        return syncStateName(node->state);
    QStringList parts;
    parts << (node->keyCount == 1 ? tr("1 key")
                                  : tr("%1 keys").arg(QLocale().toString(node->keyCount)));
    for (SyncState s : {SyncState::Changed, SyncState::EqualJson, SyncState::OnlyKv,
                        SyncState::OnlyFiles, SyncState::Unreadable}) {
        if (node->counts[s] > 0)
            parts << QStringLiteral("%1 %2 %3")
                         .arg(SyncStyle::glyph(s))
                         .arg(QLocale().toString(node->counts[s]))
                         .arg(syncStateName(s));
    }
    return parts.join(QStringLiteral(", "));
}

KvKeyStates KvTreeModel::keyStateSnapshot(const QByteArray& prefix) const
{
    std::vector<std::pair<int, SyncState>> keys;
    std::vector<const Node*> stack;
    if (prefix.isEmpty()) {
        keys.reserve(size_t(m_keys));
        stack.push_back(m_root.get());
    } else {
        Node* top = m_root.get();
        for (const QByteArray& part : prefix.split(kSeparator)) {
            if (top)
                top = child(top, part);
        }
        if (top)
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
    if (isLoadMore(index)) {
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == NameColumn ? QVariant(loadMoreText()) : QVariant();
        case Qt::FontRole: {
            QFont font;
            font.setItalic(true);
            return font;
        }
        case LoadMoreRole:
            return true;
        case StateRole:
            return int(SyncState::Unknown);
        case KeyCountRole:
            return 0;
        case SearchTextRole:
        case KeyRole:
            return QString();
        case SearchHitRole:
            return true;
        case IsKeyRole:
            return false;
        default:
            return {};
        }
    }
    const Node* node = nodeAt(index);
    if (index.column() >= TypeColumn)
        return metaData(node, index.column(), role);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node->name.isEmpty() ? tr("(empty)") : QString::fromUtf8(node->name);
        return countsText(node);
    case Qt::DecorationRole:
        if (index.column() == NameColumn && !node->isKey)
            return EntityIcons::forKind(EntityKind::NonData, true);
        if (node->isKey && node->children.empty())
            return SyncStyle::icon(node->state);
        if (index.column() == StateColumn) {
            for (SyncState s : {SyncState::Unreadable, SyncState::Changed, SyncState::OnlyKv,
                                SyncState::OnlyFiles, SyncState::EqualJson, SyncState::Same}) {
                if (node->counts[s] > 0)
                    return SyncStyle::icon(s);
            }
        }
        if (node->isKey)
            return SyncStyle::icon(node->state);
        return {};
    case Qt::ToolTipRole:
        return node->isKey ? QString::fromUtf8(fullKey(node)) + QLatin1Char('\n') +
                                 syncStateName(node->state)
                           : countsText(node);
    case KeyRole:
        return node->isKey ? QString::fromUtf8(fullKey(node)) : QString();
    case IsKeyRole:
        return node->isKey;
    case StateRole:
        return int(node->state);
    case CountsRole:
        return QVariant::fromValue(node->counts);
    case KeyCountRole:
        return node->keyCount;
    case LoadMoreRole:
        return false;
    case SearchTextRole:
        return QString::fromUtf8(fullKey(node));
    case SearchHitRole:
        return m_marks.isHit(node->id);
    default:
        return {};
    }
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

QVariant KvTreeModel::metaData(const Node* node, int column, int role) const
{
    if (!node->isKey)
        return {};
    if (role == Qt::TextAlignmentRole)
        return column == TypeColumn ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const KvKeyMeta* meta = node->meta;
    if (!meta) {
        const QByteArray key = fullKey(node);
        if (!m_metaAsked.contains(key)) {
            m_metaAsked.insert(key);
            m_metaWanted.append(key);
            if (!m_metaTimer->isActive())
                m_metaTimer->start();
        }
        return QString();
    }
    switch (column) {
    case TypeColumn:
        return QString::fromUtf8(meta->type);
    case TtlColumn:
        if (role == Qt::ToolTipRole)
            return TtlText::describe(meta->ttlMs);
        return meta->ttlMs >= 0 ? TtlText::duration(meta->ttlMs) : QString();
    default:
        if (meta->bytes < 0)
            return QString();
        return role == Qt::ToolTipRole
                   ? tr("%1 bytes in memory").arg(QLocale().toString(meta->bytes))
                   : QLocale().formattedDataSize(meta->bytes, 1);
    }
}

void KvTreeModel::setMeta(const QVector<KvKeyMeta>& metas)
{
    for (const KvKeyMeta& meta : metas) {
        Node* node = findKey(meta.key);
        if (!node)
            continue; // (a key of a tree replaced since it was asked for)
        // (a value replaced in place keeps its address: the node's pointer stays good)
        node->meta = &m_meta.insert_or_assign(meta.key, meta).first->second;
        if (node->attached)
            Q_EMIT dataChanged(indexOf(node, TypeColumn), indexOf(node, SizeColumn));
    }
}

void KvTreeModel::forgetMeta(const QByteArray& key)
{
    m_metaAsked.remove(key);
    Node* node = findKey(key);
    if (node)
        node->meta = nullptr;
    m_meta.erase(key);
    if (node && node->attached)
        Q_EMIT dataChanged(indexOf(node, TypeColumn), indexOf(node, SizeColumn));
}

const KvKeyMeta* KvTreeModel::metaAt(const QModelIndex& index) const
{
    return index.isValid() && !isLoadMore(index) ? nodeAt(index)->meta : nullptr;
}

void KvTreeModel::clearMeta()
{
    m_meta.clear();
    m_metaAsked.clear();
    m_metaWanted.clear();
    m_metaTimer->stop();
}

} // namespace pmkv
