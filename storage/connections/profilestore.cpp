#include "connections/profilestore.h"

#include <QSettings>

namespace pmkv {

namespace {

const QString kRoot = QStringLiteral("connections");

} // namespace

ProfileStore::ProfileStore()
    : m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                             QStringLiteral("pmkv-studio"),
                                             QStringLiteral("connections")))
{
}

ProfileStore::ProfileStore(const QString& iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::group(const QString& name)
{
    return kRoot + QLatin1Char('/') + name;
}

QList<ConnectionProfile> ProfileStore::list() const
{
    m_settings->sync();
    m_settings->beginGroup(kRoot);
    QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    names.sort(Qt::CaseInsensitive);
    QList<ConnectionProfile> profiles;
    for (const QString& name : names) {
        auto profile = find(name);
        if (profile)
            profiles.append(profile.value());
    }
    return profiles;
}

bool ProfileStore::contains(const QString& name) const
{
    return ConnectionProfile::isValidName(name) &&
           m_settings->contains(group(name) + QStringLiteral("/kind"));
}

Result<ConnectionProfile> ProfileStore::find(const QString& name) const
{
    if (!ConnectionProfile::isValidName(name) ||
        !m_settings->contains(group(name) + QStringLiteral("/kind"))) {
        return makeError(QStringLiteral("no-such-connection"),
                         QStringLiteral("no connection named \"%1\" in %2").arg(name, fileName()),
                         NextStep::withDetail(NextStep::Action::ChooseConnection, name));
    }
    m_settings->beginGroup(group(name));
    ConnectionProfile p;
    p.name = name;
    const QString kind = m_settings->value(QStringLiteral("kind")).toString();
    p.address = m_settings->value(QStringLiteral("address")).toString();
    p.database = m_settings->value(QStringLiteral("database"), 0).toInt();
    p.layout = m_settings->value(QStringLiteral("layout"), QStringLiteral("repository")).toString();
    p.prefix = m_settings->value(QStringLiteral("prefix")).toString();
    p.readOnly = m_settings->value(QStringLiteral("readOnly"), false).toBool();
    const QString env = m_settings->value(QStringLiteral("environment")).toString();
    p.colour = m_settings->value(QStringLiteral("colour")).toString();
    p.hasReadOnlyToken = m_settings->value(QStringLiteral("hasReadOnlyToken"), false).toBool();
    p.redisUser = m_settings->value(QStringLiteral("redisUser")).toString();
    p.allowInsecureHttp = m_settings->value(QStringLiteral("allowInsecureHttp"), false).toBool();
    p.cluster = m_settings->value(QStringLiteral("cluster"), false).toBool();
    p.replicaReads = m_settings->value(QStringLiteral("replicaReads"), false).toBool();
    const auto proxy = RestProxy::parse(m_settings->value(QStringLiteral("proxy")).toString());
    const QString source = m_settings->value(QStringLiteral("secretSource")).toString();
    p.secretVariable = m_settings->value(QStringLiteral("secretVariable")).toString();
    m_settings->endGroup();

    const auto k = ConnectionProfile::kindFromName(kind);
    const auto e = ConnectionProfile::environmentFromName(env);
    const auto s = ConnectionProfile::secretSourceFromName(source);
    if (!proxy) {
        return makeError(QStringLiteral("bad-profile"),
                         QStringLiteral("connection \"%1\" in %2: %3; fix or remove it")
                             .arg(name, fileName(), proxy.error().message));
    }
    p.proxy = proxy.value();
    if (!k || !e || !s) {
        return makeError(QStringLiteral("bad-profile"),
                         QStringLiteral("connection \"%1\" in %2 has an unknown kind, environment "
                                        "or secret source; fix or remove it")
                             .arg(name, fileName()));
    }
    p.kind = *k;
    p.environment = *e;
    p.secretSource = *s;
    return p;
}

Result<void> ProfileStore::save(const ConnectionProfile& p, bool replace)
{
    const Result<void> valid = p.validate();
    if (!valid)
        return valid;
    if (!replace && contains(p.name)) {
        return makeError(QStringLiteral("connection-exists"),
                         QStringLiteral("a connection named \"%1\" exists already").arg(p.name),
                         NextStep::withDetail(NextStep::Action::ReplaceConnection, p.name));
    }
    m_settings->remove(group(p.name));
    m_settings->beginGroup(group(p.name));
    m_settings->setValue(QStringLiteral("kind"), ConnectionProfile::kindName(p.kind));
    m_settings->setValue(QStringLiteral("address"), p.address);
    m_settings->setValue(QStringLiteral("database"), p.database);
    m_settings->setValue(QStringLiteral("layout"), p.layout);
    m_settings->setValue(QStringLiteral("prefix"), p.prefix);
    m_settings->setValue(QStringLiteral("readOnly"), p.readOnly);
    m_settings->setValue(QStringLiteral("environment"),
                         ConnectionProfile::environmentName(p.environment));
    m_settings->setValue(QStringLiteral("colour"), p.colour);
    m_settings->setValue(QStringLiteral("hasReadOnlyToken"), p.hasReadOnlyToken);
    m_settings->setValue(QStringLiteral("redisUser"), p.redisUser);
    m_settings->setValue(QStringLiteral("allowInsecureHttp"), p.allowInsecureHttp);
    m_settings->setValue(QStringLiteral("cluster"), p.cluster);
    if (p.replicaReads) // off, the default, stays out of the file
        m_settings->setValue(QStringLiteral("replicaReads"), true);
    if (p.proxy.mode != RestProxy::Mode::System) // the default stays out of the file
        m_settings->setValue(QStringLiteral("proxy"), p.proxy.toString());
    m_settings->setValue(QStringLiteral("secretSource"),
                         ConnectionProfile::secretSourceName(p.secretSource));
    m_settings->setValue(QStringLiteral("secretVariable"), p.secretVariable);
    m_settings->endGroup();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        return makeError(QStringLiteral("settings-write"),
                         QStringLiteral("could not write %1; check that its folder is writable")
                             .arg(fileName()));
    }
    return {};
}

Result<void> ProfileStore::remove(const QString& name)
{
    if (!contains(name)) {
        return makeError(QStringLiteral("no-such-connection"),
                         QStringLiteral("no connection named \"%1\" in %2").arg(name, fileName()));
    }
    m_settings->remove(group(name));
    m_settings->sync();
    return {};
}

QString ProfileStore::fileName() const
{
    return m_settings->fileName();
}

} // namespace pmkv
