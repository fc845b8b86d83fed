#pragma once

#include "core/result.h"

#include <QString>

namespace pmkv {

// Where a Redis server is and how to log in: parsed from `redis://[user:pass@]host:port[/db]`
// (also `redis://:pass@host`, `redis://host` = port 6379, `[::1]:6379`) or a Unix socket path
// (`/run/redis.sock`, `unix:///run/redis.sock`, optionally `?db=N`). Both take `?timeout=T`
// (seconds, or `500ms`, `30s`): how long the client waits with nothing arriving before it
// gives up on the commands it sent (RedisClient); 0 or none: the user of the address decides.
// The login ends at the last '@', so a password may hold '?', '@', '/' or '#' as typed (or
// escaped: `%3F`). The password is kept for AUTH but never printed: describe() leaves it out.
class RedisAddress final
{
public:
    RedisAddress();

    static Result<RedisAddress> parse(const QString& text);
    static RedisAddress tcp(const QString& host, quint16 port, int db = 0);

    bool isUnixSocket() const { return !m_socketPath.isEmpty(); }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    QString socketPath() const { return m_socketPath; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    bool hasPassword() const { return !m_password.isEmpty(); }
    int database() const { return m_db; }
    int replyTimeoutMs() const { return m_replyTimeoutMs; }
    void setReplyTimeoutMs(int ms) { m_replyTimeoutMs = ms; }

    void setCredentials(const QString& user, const QString& password);
    void setDatabase(int db) { m_db = db; }

    // "redis://127.0.0.1:6379/0" or "unix:/run/redis.sock (db 0)": for messages, no secret.
    QString describe() const;

private:
    QString m_host;
    quint16 m_port = 6379;
    QString m_socketPath;
    QString m_user;
    QString m_password;
    int m_db = 0;
    int m_replyTimeoutMs = 0;
};

} // namespace pmkv
