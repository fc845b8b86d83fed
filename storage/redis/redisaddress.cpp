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

// "30" (seconds), "30s", "500ms"; false when it is none of those.
bool parseTimeout(QString text, int& ms)
{
    int scale = 1000;
    if (text.endsWith(QStringLiteral("ms"))) {
        text.chop(2);
        scale = 1;
    } else if (text.endsWith(QLatin1Char('s'))) {
        text.chop(1);
    }
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0 || value * scale > 24 * 3600 * 1000)
        return false;
    ms = int(value * scale);
    return true;
}

Result<void> parseOptions(const QString& text, const QString& query, RedisAddress& a, bool withDb)
{
    if (query.isEmpty())
        return {};
    const QUrlQuery items(query);
    if (withDb && items.hasQueryItem(QStringLiteral("db"))) {
        int db = 0;
        if (!parseDb(items.queryItemValue(QStringLiteral("db")), db))
            return addressError(text, QStringLiteral("the database (?db=) is not a number"));
        a.setDatabase(db);
    }
    if (items.hasQueryItem(QStringLiteral("timeout"))) {
        int ms = 0;
        if (!parseTimeout(items.queryItemValue(QStringLiteral("timeout")), ms))
            return addressError(text, QStringLiteral("the reply timeout (?timeout=) must be "
                                                     "seconds, or a number with ms or s"));
        a.setReplyTimeoutMs(ms);
    }
    return {};
}

// The login of `url` ("scheme://login@host...") ends at its last '@', so a password may hold
// '?', '@', '/' or '#' as typed; QUrl would end the login at the first of them (or take '['
// for a host), so those are escaped here. Escapes already in it ("%3F") are kept.
QString withLoginEscaped(const QString& url)
{
    const qsizetype start = url.indexOf(QStringLiteral("://")) + 3;
    const qsizetype at = url.lastIndexOf(QLatin1Char('@'));
    if (start < 3 || at < start)
        return url;
    QString login;
    for (const QChar c : QStringView(url).mid(start, at - start)) {
        if (QStringView(u"/?#@[]").contains(c))
            login += QLatin1Char('%') + QString::number(c.unicode(), 16).toUpper();
        else
            login += c;
    }
    return url.left(start) + login + url.mid(at);
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
        if (auto options = parseOptions(text, query, a, true); !options)
            return options.error();
        return a;
    }

    QString withScheme = text;
    if (!withScheme.contains(QStringLiteral("://")))
        withScheme.prepend(QStringLiteral("redis://"));
    const QUrl url(withLoginEscaped(withScheme), QUrl::StrictMode);
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
    if (auto options = parseOptions(text, url.query(), a, false); !options)
        return options.error();
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
