#include "connections/sessionsecrets.h"

#include <QMutexLocker>

namespace pmkv {

SessionSecrets& SessionSecrets::instance()
{
    static SessionSecrets secrets;
    return secrets;
}

QString SessionSecrets::key(const QString& profile, SecretSlot slot)
{
    return profile +
           (slot == SecretSlot::ReadOnlyToken ? QStringLiteral("/ro") : QStringLiteral("/rw"));
}

void SessionSecrets::set(const QString& profile, SecretSlot slot, const QByteArray& secret)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(key(profile, slot), secret);
}

std::optional<QByteArray> SessionSecrets::get(const QString& profile, SecretSlot slot) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_secrets.constFind(key(profile, slot));
    if (it == m_secrets.constEnd())
        return std::nullopt;
    return *it;
}

void SessionSecrets::remove(const QString& profile)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.remove(key(profile, SecretSlot::Token));
    m_secrets.remove(key(profile, SecretSlot::ReadOnlyToken));
}

} // namespace pmkv
