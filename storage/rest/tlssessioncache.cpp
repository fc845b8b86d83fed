#include "rest/tlssessioncache.h"

#include <QHash>
#include <QMutex>

namespace pmkv {

namespace {

constexpr int maxServers = 64; // a desktop talks to a handful; past this, start over

QMutex& mutex()
{
    static QMutex m;
    return m;
}

QHash<QString, QByteArray>& tickets()
{
    static QHash<QString, QByteArray> t;
    return t;
}

} // namespace

QByteArray TlsSessionCache::lookup(const QString& hostAndPort)
{
    const QMutexLocker lock(&mutex());
    return tickets().value(hostAndPort);
}

void TlsSessionCache::remember(const QString& hostAndPort, const QByteArray& ticket)
{
    if (ticket.isEmpty())
        return;
    const QMutexLocker lock(&mutex());
    if (tickets().size() >= maxServers && !tickets().contains(hostAndPort))
        tickets().clear();
    tickets().insert(hostAndPort, ticket);
}

} // namespace pmkv
