#pragma once

#include "connections/connectionprofile.h"
#include "connections/envfileimport.h"
#include "core/result.h"

#include <QByteArray>
#include <QStringList>

namespace pmkv {

class ProfileStore;

// The saved connections as a user changes them, for `pmkv conn` and the studio's Connections
// dialog alike: add or update a profile with its secrets, import a .env.local, remove one.
// Secrets go first, and are waited for: to the keychain (SecretStore) when the profile says
// so, to the session's memory (SessionSecrets) for a session-only secret; the profile is
// saved only once they are there, so a keychain that refuses leaves no profile pointing at a
// secret that is not there (and an update leaves the saved profile as it was). Removing goes
// the same way round: the keychain's secrets first, then the profile.
//
// Blocking (the keychain answers on its own thread, SecretStore::shared()): call it from the
// CLI's main thread or a worker, never from the GUI thread.
class ConnectionBook final
{
public:
    struct Save
    {
        // Its secretSource says where the secrets go: Keychain or Session (the secrets
        // below), EnvironmentVariable (the variable named, nothing stored), None.
        ConnectionProfile profile;
        QByteArray token;         // empty: nothing stored (an update keeps what is there)
        QByteArray readOnlyToken; // a read-only REST token, beside the full one
        bool replace = false;     // false: a profile of that name is an error
    };
    struct Import
    {
        // Name, environment, layout and the rest; the address and kind come from the file.
        ConnectionProfile profile;
        // True: store no token; the profile reads the file's variable at run time.
        bool fromEnvironment = false;
        bool replace = false;
    };

    // The user's profiles file (`profiles` outlives the book).
    explicit ConnectionBook(ProfileStore& profiles);
    ConnectionBook(const ConnectionBook&) = delete;
    ConnectionBook& operator=(const ConnectionBook&) = delete;

    // Adds or updates a profile; returns it as saved. Errors: the profile's own (validate),
    // "connection-exists" (next step ReplaceConnection), the keychain's ("keychain-unavailable":
    // next step KeepSecretElsewhere; nothing saved).
    Result<ConnectionProfile> save(const Save& request);
    // A profile from a .env.local's URL and tokens (a file with only a read-only token makes
    // a read-only profile). The same errors as save().
    Result<ConnectionProfile> import(const EnvFileImport& env, const Import& request);
    // Forgets a profile and its secrets. A keychain that cannot remove them does not keep
    // the profile: the problem is returned as a warning (the secret stays in the keychain).
    Result<QStringList> remove(const QString& name);

    // A name for a connection to `url` ("eu1-x" for https://eu1-x.upstash.io, "127-8080" ...),
    // "imported" when the host makes no valid name.
    static QString suggestedName(const QString& url);

private:
    Result<void> checkBeforeSecrets(const ConnectionProfile& profile, bool replace) const;
    Result<void> storeSecrets(const ConnectionProfile& profile, const QByteArray& token,
                              const QByteArray& readOnlyToken);

    ProfileStore& m_profiles;
};

} // namespace pmkv
