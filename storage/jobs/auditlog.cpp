#include "jobs/auditlog.h"

#include "jobs/filesync.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

namespace pmkv {

namespace {

QString currentUser()
{
    if (const passwd* pw = ::getpwuid(::getuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER");
}

} // namespace

AuditLog::AuditLog(QString path) : m_path(std::move(path)) {}

Result<void> AuditLog::append(const QString& operation, const QString& runId, const QString& target,
                              qint64 count, const QJsonObject& extra) const
{
    QJsonObject line = extra;
    line.insert(QStringLiteral("time"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    line.insert(QStringLiteral("user"), currentUser());
    line.insert(QStringLiteral("operation"), operation);
    line.insert(QStringLiteral("runId"), runId);
    line.insert(QStringLiteral("target"), target);
    line.insert(QStringLiteral("count"), count);
    QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact);
    bytes.append('\n');
    // Its folder is the state folder: its owner's only, like the log (filesync.h).
    filesync::makeFolders(QFileInfo(m_path).absolutePath(), filesync::kPrivateFolder);
    const int fd = ::open(QFile::encodeName(m_path).constData(),
                          O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError(QStringLiteral("audit.open"),
                         QStringLiteral("cannot open the audit log ") + m_path +
                             QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno)));
    // One write() call per line: O_APPEND keeps concurrent writers' lines whole.
    const ssize_t n = ::write(fd, bytes.constData(), size_t(bytes.size()));
    const bool ok = n == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        return makeError(QStringLiteral("audit.write"),
                         QStringLiteral("cannot append to the audit log ") + m_path);
    return {};
}

Result<QVector<QJsonObject>> AuditLog::read() const
{
    QVector<QJsonObject> lines;
    QFile file(m_path);
    if (!file.exists())
        return lines;
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("audit.open"),
                         QStringLiteral("cannot read the audit log ") + m_path);
    while (!file.atEnd()) {
        const QJsonDocument doc = QJsonDocument::fromJson(file.readLine());
        if (doc.isObject())
            lines.append(doc.object());
    }
    return lines;
}

} // namespace pmkv
