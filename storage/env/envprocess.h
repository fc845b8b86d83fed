#pragma once

#include <QByteArray>
#include <QString>

namespace pmkv {

// The processes `pmkv env` starts and later finds again by their pid files: read a pid file,
// tell whether the process still runs the program we started (so a reused pid is never
// touched), and stop it.
class EnvProcess final
{
public:
    // The pid in `file`, 0 when there is none.
    static qint64 readPid(const QString& file);
    static bool alive(qint64 pid);
    // The command line of a live process (NUL-separated in /proc, spaces here), empty when gone.
    static QByteArray commandLine(qint64 pid);
    // The pid in `file` when that process is alive and runs `program`, else 0.
    static qint64 runningPid(const QString& file, const QByteArray& program);
    // SIGTERM, then waits up to `timeoutMs` for it to end.
    static bool stop(qint64 pid, int timeoutMs);
};

} // namespace pmkv
