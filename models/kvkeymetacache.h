#pragma once

#include "kvkeymeta.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QVector>

#include <unordered_map>

class QTimer;

namespace pmkv {

// KvTreeModel's keys' type, TTL and size (KvKeyMeta) and what was asked for: a key is asked
// for once (ask()), and the keys asked for within 50 ms go out together in one requested(),
// never blocking. A stored meta keeps its address until its key is forgotten or the cache
// cleared: tree nodes point at it.
class KvKeyMetaCache final : public QObject
{
    Q_OBJECT

public:
    explicit KvKeyMetaCache(QObject* parent = nullptr);
    ~KvKeyMetaCache() override;

    // Queues `key` for the next requested(), unless it was asked for already.
    void ask(const QByteArray& key);
    // Keeps `meta` (a key's earlier one is replaced in place) and says where it lives.
    const KvKeyMeta* store(const KvKeyMeta& meta);
    // Drops the key's meta; it may be asked for again.
    void forget(const QByteArray& key);
    bool contains(const QByteArray& key) const;
    void clear();

Q_SIGNALS:
    void requested(const QVector<QByteArray>& keys);

private:
    std::unordered_map<QByteArray, KvKeyMeta> m_metas;
    QSet<QByteArray> m_asked;     // queued or on its way
    QVector<QByteArray> m_wanted; // queued for the next requested()
    QTimer* m_timer;
};

} // namespace pmkv
