#include "connections/secretstore.h"

#include "connections/storethread.h"
#include "kv/ownthread.h"

#include <QCoreApplication>
#include <QMutex>
#include <QPromise>

#include <qt6keychain/keychain.h>

#include <memory>

namespace pmkv {

namespace {

QString slotName(SecretSlot slot)
{
    return slot == SecretSlot::ReadOnlyToken ? QStringLiteral("read-only-token")
                                             : QStringLiteral("token");
}

bool unreachable(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError || error == QKeychain::AccessDenied;
}

Error keychainError(QKeychain::Job* job, const QString& profile, const QString& action)
{
    if (unreachable(job->error())) {
        return makeError(
            QStringLiteral("keychain-unavailable"),
            QStringLiteral("no keychain is reachable to %1 the secret of connection \"%2\" (%3). "
                           "Nothing was written to disk. The secret can be read from an "
                           "environment variable each time, given for one run, or kept for this "
                           "session only. On a desktop, unlock or start your keyring "
                           "(gnome-keyring, KWallet) and retry.")
                .arg(action, profile, job->errorString()),
            NextStep::withDetail(NextStep::Action::KeepSecretElsewhere, profile));
    }
    return makeError(QStringLiteral("keychain"),
                     QStringLiteral("the keychain could not %1 the secret of connection \"%2\": "
                                    "%3")
                         .arg(action, profile, job->errorString()));
}

struct SharedKeychain
{
    StoreThread thread;
    SecretStore* store = nullptr; // lives on `thread`, destroyed with it
};

QMutex g_sharedMutex;
SharedKeychain* g_shared = nullptr;

void dropSharedKeychain()
{
    QMutexLocker lock(&g_sharedMutex);
    delete g_shared;
    g_shared = nullptr;
}

} // namespace

SecretStore::SecretStore(QObject* parent) : QObject(parent) {}

SecretStore& SecretStore::shared()
{
    QMutexLocker lock(&g_sharedMutex);
    if (!g_shared) {
        auto* made = new SharedKeychain;
        made->store = made->thread.call([made] { return new SecretStore(made->thread.context()); });
        g_shared = made;
        qAddPostRoutine(dropSharedKeychain); // joined while the application object goes
    }
    return *g_shared->store;
}

SecretStore::~SecretStore() = default;

QString SecretStore::service()
{
    return QStringLiteral("pmkv-studio");
}

QString SecretStore::key(const QString& profile, SecretSlot slot)
{
    return QStringLiteral("connection/%1/%2").arg(profile, slotName(slot));
}

QFuture<Result<QByteArray>> SecretStore::read(const QString& profile, SecretSlot slot)
{
    auto promise = std::make_shared<QPromise<Result<QByteArray>>>();
    promise->start();
    QFuture<Result<QByteArray>> future = promise->future();
    OwnThread::run(this, [this, profile, slot, promise] {
        auto* job = new QKeychain::ReadPasswordJob(service(), this);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key(profile, slot));
        connect(job, &QKeychain::Job::finished, this, [profile, slot, promise](QKeychain::Job* j) {
            auto* readJob = static_cast<QKeychain::ReadPasswordJob*>(j);
            if (j->error() == QKeychain::NoError) {
                promise->addResult(Result<QByteArray>(readJob->binaryData()));
            } else if (j->error() == QKeychain::EntryNotFound) {
                promise->addResult(Result<QByteArray>(
                    makeError(QStringLiteral("secret-not-found"),
                              QStringLiteral("the keychain holds no %1 for connection \"%2\"")
                                  .arg(slotName(slot), profile),
                              NextStep::withDetail(NextStep::Action::FixConnection, profile))));
            } else {
                promise->addResult(
                    Result<QByteArray>(keychainError(j, profile, QStringLiteral("read"))));
            }
            promise->finish();
        });
        job->start();
    });
    return future;
}

QFuture<Result<void>> SecretStore::write(const QString& profile, SecretSlot slot,
                                         const QByteArray& secret)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    QFuture<Result<void>> future = promise->future();
    OwnThread::run(this, [this, profile, slot, secret, promise] {
        auto* job = new QKeychain::WritePasswordJob(service(), this);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key(profile, slot));
        job->setBinaryData(secret);
        connect(job, &QKeychain::Job::finished, this, [profile, promise](QKeychain::Job* j) {
            if (j->error() == QKeychain::NoError)
                promise->addResult(Result<void>());
            else
                promise->addResult(
                    Result<void>(keychainError(j, profile, QStringLiteral("store"))));
            promise->finish();
        });
        job->start();
    });
    return future;
}

QFuture<Result<void>> SecretStore::remove(const QString& profile, SecretSlot slot)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    QFuture<Result<void>> future = promise->future();
    OwnThread::run(this, [this, profile, slot, promise] {
        auto* job = new QKeychain::DeletePasswordJob(service(), this);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key(profile, slot));
        connect(job, &QKeychain::Job::finished, this, [profile, promise](QKeychain::Job* j) {
            if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
                promise->addResult(Result<void>());
            else
                promise->addResult(
                    Result<void>(keychainError(j, profile, QStringLiteral("remove"))));
            promise->finish();
        });
        job->start();
    });
    return future;
}

} // namespace pmkv
