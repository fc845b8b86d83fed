#include "kvkeymetacache.h"

#include <QTimer>

#include <utility>

namespace pmkv {

KvKeyMetaCache::KvKeyMetaCache(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(50);
    connect(m_timer, &QTimer::timeout, this,
            [this] { Q_EMIT requested(std::exchange(m_wanted, {})); });
}

KvKeyMetaCache::~KvKeyMetaCache() = default;

void KvKeyMetaCache::ask(const QByteArray& key)
{
    if (m_asked.contains(key))
        return;
    m_asked.insert(key);
    m_wanted.append(key);
    if (!m_timer->isActive())
        m_timer->start();
}

const KvKeyMeta* KvKeyMetaCache::store(const KvKeyMeta& meta)
{
    // (a value replaced in place keeps its address: a node's pointer stays good)
    return &m_metas.insert_or_assign(meta.key, meta).first->second;
}

void KvKeyMetaCache::forget(const QByteArray& key)
{
    m_asked.remove(key);
    m_metas.erase(key);
}

bool KvKeyMetaCache::contains(const QByteArray& key) const
{
    return m_metas.count(key) > 0;
}

void KvKeyMetaCache::clear()
{
    m_metas.clear();
    m_asked.clear();
    m_wanted.clear();
    m_timer->stop();
}

} // namespace pmkv
