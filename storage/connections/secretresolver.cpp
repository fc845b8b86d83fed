#include "connections/secretresolver.h"

#include "connections/secretstore.h"
#include "connections/sessionsecrets.h"

#include <QFuture>

namespace pmkv {

QFuture<Result<ConnectionSecrets>> SecretResolver::resolve(const ConnectionProfile& profile,
                                                           SecretStore* keychain)
{
    using R = Result<ConnectionSecrets>;
    const bool useReadOnly = profile.readOnly && profile.hasReadOnlyToken;
    const SecretSlot slot = useReadOnly ? SecretSlot::ReadOnlyToken : SecretSlot::Token;
    switch (profile.secretSource) {
    case ConnectionProfile::SecretSource::None:
        return QtFuture::makeReadyFuture(R(ConnectionSecrets{}));
    case ConnectionProfile::SecretSource::EnvironmentVariable: {
        const QByteArray value = qgetenv(profile.secretVariable.toLocal8Bit().constData());
        if (value.isEmpty()) {
            return QtFuture::makeReadyFuture(R(
                makeError(QStringLiteral("secret-not-set"),
                          QStringLiteral("connection \"%1\" reads its secret from the environment "
                                         "variable %2, which is not set")
                              .arg(profile.name, profile.secretVariable))));
        }
        return QtFuture::makeReadyFuture(R(ConnectionSecrets{value, useReadOnly}));
    }
    case ConnectionProfile::SecretSource::Session: {
        const auto value = SessionSecrets::instance().get(profile.name, slot);
        if (!value) {
            return QtFuture::makeReadyFuture(R(makeError(
                QStringLiteral("secret-not-set"),
                QStringLiteral("connection \"%1\" keeps its secret for one session only and "
                               "none was entered in this session")
                    .arg(profile.name))));
        }
        return QtFuture::makeReadyFuture(R(ConnectionSecrets{*value, useReadOnly}));
    }
    case ConnectionProfile::SecretSource::Keychain:
        break;
    }
    return keychain->read(profile.name, slot).then([useReadOnly](const Result<QByteArray>& r) {
        if (!r)
            return R(r.error());
        return R(ConnectionSecrets{r.value(), useReadOnly});
    });
}

} // namespace pmkv
