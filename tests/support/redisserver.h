#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace pmkv::test {

// A real `redis-server` for one test: free 127.0.0.1 port, its own temp folder, no
// persistence. start() waits until it answers PING; stop() ends it; start() again reuses the
// same port (for "Redis went away and came back" tests). The destructor stops it.
//
//   RedisServer redis;
//   QVERIFY2(redis.start(), qPrintable(redis.errorString()));
//   auto addr = RedisAddress::tcp(QStringLiteral("127.0.0.1"), redis.port());
class RedisServer final
{
public:
    RedisServer();
    ~RedisServer();
    RedisServer(const RedisServer&) = delete;
    RedisServer& operator=(const RedisServer&) = delete;

    // Extra redis-server arguments for the next start(), e.g. {"--requirepass", "pw"}.
    void setExtraArguments(const QStringList& arguments) { m_extra = arguments; }
    bool start();
    void stop();
    bool isRunning() const;
    // Stops the process where it is (SIGSTOP): it accepts connections (the kernel does) and
    // never answers, as a hung server. thaw() lets it go on (SIGCONT); stop() thaws first.
    bool freeze();
    bool thaw();

    quint16 port() const { return m_port; }
    QString url() const; // redis://127.0.0.1:PORT
    QString errorString() const { return m_error; }

    // Runs one command with redis-cli against this server and returns its stdout (trimmed).
    QByteArray cli(const QStringList& arguments) const;

    // A TCP port on 127.0.0.1 that was free a moment ago.
    static quint16 freePort();
    // Sends PING over a plain socket; true on +PONG (or -NOAUTH: the server is up).
    static bool ping(quint16 port, int timeoutMs = 500);

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QStringList m_extra;
    QString m_error;
};

} // namespace pmkv::test
