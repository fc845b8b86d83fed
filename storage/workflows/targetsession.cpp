#include "workflows/targetsession.h"

#include "connections/secretresolver.h"
#include "connections/secretstore.h"
#include "connections/storefactory.h"
#include "connections/storethread.h"

namespace pmkv {

TargetSession::TargetSession(ConnectionProfile profile, std::unique_ptr<StoreThread> thread,
                             KvStore* store, bool readOnlyToken)
    : m_profile(std::move(profile)), m_thread(std::move(thread)), m_store(store),
      m_readOnlyToken(readOnlyToken)
{
}

TargetSession::~TargetSession() = default; // the thread destroys the store on itself

Result<std::unique_ptr<TargetSession>> TargetSession::open(const ConnectionProfile& profile,
                                                           const Options& options)
{
    auto thread = std::make_unique<StoreThread>();
    ConnectionSecrets secrets;
    if (!options.typedSecret.isEmpty()) {
        secrets.secret = options.typedSecret;
        secrets.readOnlyToken = options.typedReadOnlyToken;
    } else {
        auto resolving = SecretResolver::resolve(profile, &SecretStore::shared());
        resolving.waitForFinished();
        const Result<ConnectionSecrets> resolved = resolving.result();
        if (!resolved)
            return resolved.error();
        secrets = resolved.value();
    }
    StoreThread* t = thread.get();
    auto made = thread->call([&]() -> Result<KvStore*> {
        auto store = StoreFactory::create(profile, secrets,
                                          options.browsing ? StoreFactory::Use::Browsing
                                                           : StoreFactory::Use::Job);
        if (!store)
            return store.error();
        KvStore* opened = store.value().release();
        opened->setParent(t->context());
        return opened;
    });
    if (!made)
        return made.error();
    return std::unique_ptr<TargetSession>(
        new TargetSession(profile, std::move(thread), made.value(), secrets.readOnlyToken));
}

std::unique_ptr<TargetSession> TargetSession::over(const ConnectionProfile& profile,
                                                   const std::function<KvStore*()>& make,
                                                   bool readOnlyToken)
{
    auto thread = std::make_unique<StoreThread>();
    StoreThread* t = thread.get();
    KvStore* store = thread->call([&] {
        KvStore* made = make();
        made->setParent(t->context());
        return made;
    });
    return std::unique_ptr<TargetSession>(
        new TargetSession(profile, std::move(thread), store, readOnlyToken));
}

QString TargetSession::describe() const
{
    return m_store ? m_store->describe() : m_profile.address;
}

bool TargetSession::isReadOnly() const
{
    return m_profile.readOnly || m_readOnlyToken;
}

Result<void> TargetSession::authorizeWrite(const QString& confirmation) const
{
    return authorizeWrite(m_profile, m_readOnlyToken, confirmation);
}

Result<void> TargetSession::authorizeWrite(const ConnectionProfile& profile, bool readOnlyToken,
                                           const QString& confirmation)
{
    if (profile.readOnly || readOnlyToken) {
        return makeError(QStringLiteral("read-only"),
                         readOnlyToken && !profile.readOnly
                             ? QStringLiteral("connection \"%1\" uses a read-only token: nothing "
                                              "can be written through it")
                                   .arg(profile.name)
                             : QStringLiteral("connection \"%1\" is read-only: nothing is "
                                              "written to it")
                                   .arg(profile.name));
    }
    if (!profile.isProduction() || confirmation == profile.name)
        return {};
    NextStep next;
    next.action = NextStep::Action::ConfirmProd;
    next.detail = profile.name;
    return makeError(QStringLiteral("prod-not-confirmed"),
                     QStringLiteral("connection \"%1\" is labelled PROD: its name must be typed "
                                    "to write to it")
                         .arg(profile.name),
                     next);
}

} // namespace pmkv
