#include "workflows/connectionbook.h"

#include "connections/profilestore.h"
#include "connections/secretstore.h"
#include "connections/sessionsecrets.h"

#include <QUrl>

namespace pmkv {
ConnectionBook::ConnectionBook(ProfileStore& profiles) : m_profiles(profiles) {}

Result<void> ConnectionBook::checkBeforeSecrets(const ConnectionProfile& profile,
                                                bool replace) const
{
    if (auto valid = profile.validate(); !valid)
        return valid;
    if (profile.name == ConnectionProfile::localEnvironmentName()) {
        return makeError(QStringLiteral("bad-profile-name"),
                         QStringLiteral("\"%1\" is the name of the local environment's connection "
                                        "(pmkv env; Migration > Local Environment in pmkv-studio): "
                                        "save this one under another name")
                             .arg(profile.name));
    }
    if (!replace && m_profiles.contains(profile.name)) {
        return makeError(
            QStringLiteral("connection-exists"),
            QStringLiteral("a connection named \"%1\" exists already").arg(profile.name),
            NextStep::withDetail(NextStep::Action::ReplaceConnection, profile.name));
    }
    return {};
}

Result<void> ConnectionBook::storeSecrets(const ConnectionProfile& profile, const QByteArray& token,
                                          const QByteArray& readOnlyToken)
{
    const std::pair<SecretSlot, QByteArray> secrets[] = {
        {SecretSlot::Token, token}, {SecretSlot::ReadOnlyToken, readOnlyToken}};
    if (profile.secretSource == ConnectionProfile::SecretSource::Session) {
        for (const auto& [slot, secret] : secrets) {
            if (!secret.isEmpty())
                SessionSecrets::instance().set(profile.name, slot, secret);
        }
        return {};
    }
    if (profile.secretSource != ConnectionProfile::SecretSource::Keychain)
        return {};
    for (const auto& [slot, secret] : secrets) {
        if (secret.isEmpty())
            continue;
        auto written = SecretStore::shared().write(profile.name, slot, secret);
        written.waitForFinished();
        if (Result<void> r = written.result(); !r) {
            Error error = r.error();
            error.message += QStringLiteral(" The connection was not saved.");
            error.next = NextStep::withDetail(NextStep::Action::KeepSecretElsewhere, profile.name);
            return error;
        }
    }
    return {};
}

Result<ConnectionProfile> ConnectionBook::save(const Save& request)
{
    ConnectionProfile profile = request.profile;
    if (!request.readOnlyToken.isEmpty())
        profile.hasReadOnlyToken = true;
    else if (!request.token.isEmpty())
        profile.hasReadOnlyToken = false; // a new full token alone: no read-only one beside it
    if (auto ready = checkBeforeSecrets(profile, request.replace); !ready)
        return ready.error();
    if (auto stored = storeSecrets(profile, request.token, request.readOnlyToken); !stored)
        return stored.error();
    if (auto saved = m_profiles.save(profile, request.replace); !saved)
        return saved.error();
    return profile;
}

Result<ConnectionProfile> ConnectionBook::import(const EnvFileImport& env, const Import& request)
{
    ConnectionProfile profile = request.profile;
    if (profile.name.isEmpty())
        profile.name = suggestedName(env.url);
    profile.address = env.url;
    profile.kind = ConnectionProfile::guessKind(profile.address);
    const bool onlyReadOnly = env.token.isEmpty();
    if (onlyReadOnly)
        profile.readOnly = true; // all the file gives is a read-only token
    profile.hasReadOnlyToken = !env.readOnlyToken.isEmpty();
    if (request.fromEnvironment) {
        // Nothing is copied: the profile reads the variable the file defines, at run time.
        profile.secretSource = ConnectionProfile::SecretSource::EnvironmentVariable;
        profile.secretVariable = onlyReadOnly ? env.readOnlyTokenVariable : env.tokenVariable;
        profile.hasReadOnlyToken = false;
    } else {
        profile.secretSource = ConnectionProfile::SecretSource::Keychain;
    }
    if (auto ready = checkBeforeSecrets(profile, request.replace); !ready)
        return ready.error();
    if (!request.fromEnvironment) {
        if (auto stored = storeSecrets(profile, env.token, env.readOnlyToken); !stored)
            return stored.error();
    }
    if (auto saved = m_profiles.save(profile, request.replace); !saved)
        return saved.error();
    return profile;
}

Result<QStringList> ConnectionBook::remove(const QString& name)
{
    auto found = m_profiles.find(name);
    if (!found)
        return found.error();
    const ConnectionProfile& profile = found.value();
    QStringList warnings;
    if (profile.secretSource == ConnectionProfile::SecretSource::Keychain) {
        for (SecretSlot slot : {SecretSlot::Token, SecretSlot::ReadOnlyToken}) {
            auto removed = SecretStore::shared().remove(profile.name, slot);
            removed.waitForFinished();
            if (Result<void> r = removed.result(); !r) {
                warnings << r.error().message;
                break;
            }
        }
    }
    SessionSecrets::instance().remove(profile.name);
    if (auto gone = m_profiles.remove(profile.name); !gone)
        return gone.error();
    return warnings;
}

QString ConnectionBook::suggestedName(const QString& url)
{
    const QUrl parsed(url);
    QString name = parsed.host().section(QLatin1Char('.'), 0, 0);
    if (parsed.port() > 0)
        name += QLatin1Char('-') + QString::number(parsed.port());
    return ConnectionProfile::isValidName(name) ? name : QStringLiteral("imported");
}

} // namespace pmkv
