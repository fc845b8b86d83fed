#pragma once

#include "connections/secretslot.h"
#include "core/result.h"

#include <QByteArray>
#include <QFuture>
#include <QObject>

namespace pmkv {

// Profile secrets in the OS keychain through QtKeychain (libsecret / Secret Service on
// Linux), under the service "pmkv-studio" and keys "connection/<profile>/<slot>". Nothing is
// ever written anywhere else: no insecure fallback.
//
// QtKeychain jobs are asynchronous and need the event loop of the thread this object lives
// on; the methods may be called from any thread and return futures (no nested event loop).
// When no keychain is reachable the error code is "keychain-unavailable" and the message
// offers the alternatives (an environment variable, or a secret kept for this session only).
class SecretStore final : public QObject
{
    Q_OBJECT

public:
    explicit SecretStore(QObject* parent = nullptr);
    ~SecretStore() override;

    // The process's keychain, on a thread of its own that lives until the application object
    // goes. QtKeychain runs every job of the process through one executor object, which lives
    // on the thread of the first job and hears of each job's end there: jobs started on other
    // threads (or after that thread ended) crash it or are never run. So every keychain job of
    // the process goes through this one store, from any thread.
    static SecretStore& shared();

    static QString service();
    static QString key(const QString& profile, SecretSlot slot);

    // Error "secret-not-found" when the keychain has nothing for the profile.
    QFuture<Result<QByteArray>> read(const QString& profile, SecretSlot slot);
    QFuture<Result<void>> write(const QString& profile, SecretSlot slot, const QByteArray& secret);
    // Removing a secret that is not there is fine.
    QFuture<Result<void>> remove(const QString& profile, SecretSlot slot);
};

} // namespace pmkv
