#pragma once

#include "connections/secretslot.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace pmkv {

// Secrets the user chose to keep for this session only (no keychain reachable, or by
// choice): in memory, gone when the process ends. Thread-safe.
class SessionSecrets final
{
public:
    static SessionSecrets& instance();

    void set(const QString& profile, SecretSlot slot, const QByteArray& secret);
    std::optional<QByteArray> get(const QString& profile, SecretSlot slot) const;
    void remove(const QString& profile);

private:
    SessionSecrets() = default;
    static QString key(const QString& profile, SecretSlot slot);

    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_secrets;
};

} // namespace pmkv
