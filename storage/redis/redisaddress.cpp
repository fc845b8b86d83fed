#include "redis/redisaddress.h"

#include <QUrl>
#include <QUrlQuery>

namespace pmkv {

namespace {

Error addressError(const QString& text, const QString& what)
{
    // Never echo the text itself: it may carry a password.
    Q_UNUSED(text)
    return makeError(QStringLiteral("redis-address"),
                     QStringLiteral("Redis address is not usable: %1. Write it as "
                                    "redis://[user:password@]host:port[/db] or a Unix socket "
                                    "path such as /run/redis/redis.sock.")
                         .arg(what));
}

bool parseDb(const QString& text, int& db)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0 || value > 100000)
        return false;
    db = value;
    return true;
}

} // namespace

RedisAddress::RedisAddress() : m_host(QStringLiteral("127.0.0.1")) {}

RedisAddress RedisAddress::tcp(const QString& host, quint16 port, int db)
{
    RedisAddress a;
    a.m_host = host;
    a.m_port = port;
    a.m_db = db;
    return a;
}

void RedisAddress::setCredentials(const QString& user, const QString& password)
{
    m_user = user;
    m_password = password;
}

Result<RedisAddress> RedisAddress::parse(const QString& input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return addressError(text, QStringLiteral("it is empty"));

    RedisAddress a;
    if (text.startsWith(QLatin1Char('/')) || text.startsWith(QStringLiteral("unix:"))) {
        QString path = text;
        QString query;
        if (path.startsWith(QStringLiteral("unix://")))
            path = path.mid(7);
        else if (path.startsWith(QStringLiteral("unix:")))
            path = path.mid(5);
        const int q = path.indexOf(QLatin1Char('?'));
        if (q >= 0) {
            query = path.mid(q + 1);
            path = path.left(q);
        }
        if (!path.startsWith(QLatin1Char('/')))
            return addressError(text, QStringLiteral("a Unix socket path must be absolute"));
        a.m_socketPath = path;
        if (!query.isEmpty()) {
            const QUrlQuery qq(query);
            if (qq.hasQueryItem(QStringLiteral("db")) &&
                !parseDb(qq.queryItemValue(QStringLiteral("db")), a.m_db))
                return addressError(text, QStringLiteral("the database (?db=) is not a number"));
        }
        return a;
    }

    QString withScheme = text;
    if (!withScheme.contains(QStringLiteral("://")))
        withScheme.prepend(QStringLiteral("redis://"));
    const QUrl url(withScheme, QUrl::StrictMode);
    if (!url.isValid())
        return addressError(text, QStringLiteral("it is not a valid URL"));
    if (url.scheme() == QStringLiteral("rediss"))
        return addressError(text, QStringLiteral("TLS (rediss://) is not supported by this "
                                                 "build (hiredis 0.14 has no TLS)"));
    if (url.scheme() != QStringLiteral("redis"))
        return addressError(text, QStringLiteral("the scheme must be redis://"));
    if (url.host().isEmpty())
        return addressError(text, QStringLiteral("the host is missing"));
    a.m_host = url.host();
    const int port = url.port(6379);
    if (port <= 0 || port > 65535)
        return addressError(text, QStringLiteral("the port must be 1..65535"));
    a.m_port = static_cast<quint16>(port);
    a.m_user = url.userName(QUrl::FullyDecoded);
    a.m_password = url.password(QUrl::FullyDecoded);
    QString path = url.path();
    if (path.startsWith(QLatin1Char('/')))
        path = path.mid(1);
    if (!path.isEmpty() && !parseDb(path, a.m_db))
        return addressError(text, QStringLiteral("the database after the port must be a number "
                                                 "(redis://host:6379/0)"));
    return a;
}

QString RedisAddress::describe() const
{
    if (isUnixSocket())
        return QStringLiteral("unix:%1 (db %2)").arg(m_socketPath).arg(m_db);
    const QString host =
        m_host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(m_host) : m_host;
    return QStringLiteral("redis://%1:%2/%3").arg(host).arg(m_port).arg(m_db);
}

} // namespace pmkv
