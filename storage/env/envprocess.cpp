#include "env/envprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#include <cerrno>
#include <csignal>

namespace pmkv {

qint64 EnvProcess::readPid(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 pid = f.readAll().trimmed().toLongLong(&ok);
    return ok && pid > 1 ? pid : 0;
}

bool EnvProcess::alive(qint64 pid)
{
    return pid > 1 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

QByteArray EnvProcess::commandLine(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray c = f.readAll();
    c.replace('\0', ' ');
    return c;
}

qint64 EnvProcess::runningPid(const QString& file, const QByteArray& program)
{
    const qint64 pid = readPid(file);
    return pid != 0 && alive(pid) && commandLine(pid).contains(program) ? pid : 0;
}

bool EnvProcess::stop(qint64 pid, int timeoutMs)
{
    ::kill(static_cast<pid_t>(pid), SIGTERM);
    const QDeadlineTimer deadline(timeoutMs);
    while (alive(pid) && !deadline.hasExpired()) {
        // Our own detached child would stay a zombie; reap it if it is one.
        QThread::msleep(20);
        if (commandLine(pid).isEmpty())
            return true;
    }
    return !alive(pid) || commandLine(pid).isEmpty();
}

} // namespace pmkv
