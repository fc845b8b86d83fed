#include "jobs/filesync.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace pmkv::filesync {

void syncFolder(const QString& folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

Result<void> writeAtomically(const QString& path, const QByteArray& bytes)
{
    bool given = false;
    return writeAtomically(
        path, [&bytes, &given] { return std::exchange(given, true) ? QByteArray() : bytes; });
}

Result<void> writeAtomically(const QString& path, const std::function<QByteArray()>& next)
{
    const QString temp =
        path + QStringLiteral(".tmp-") + QString::number(QCoreApplication::applicationPid());
    const QByteArray tempName = QFile::encodeName(temp);
    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return makeError(QStringLiteral("file.write"),
                         QStringLiteral("cannot create ") + temp + QStringLiteral(": ") +
                             QString::fromLocal8Bit(std::strerror(errno)));
    for (QByteArray bytes = next(); !bytes.isEmpty(); bytes = next()) {
        qint64 done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                const QString why = QString::fromLocal8Bit(std::strerror(errno));
                ::close(fd);
                ::unlink(tempName.constData());
                return makeError(QStringLiteral("file.write"), QStringLiteral("cannot write ") +
                                                                   path + QStringLiteral(": ") +
                                                                   why);
            }
            done += n;
        }
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tempName.constData());
        return makeError(QStringLiteral("file.write"),
                         QStringLiteral("cannot flush ") + path + QStringLiteral(": ") +
                             QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (::rename(tempName.constData(), QFile::encodeName(path).constData()) != 0) {
        ::unlink(tempName.constData());
        return makeError(QStringLiteral("file.write"),
                         QStringLiteral("cannot rename ") + temp + QStringLiteral(" to ") + path +
                             QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno)));
    }
    const int slash = path.lastIndexOf(QLatin1Char('/'));
    syncFolder(slash > 0 ? path.left(slash) : QStringLiteral("."));
    return {};
}

Result<QByteArray> sha256OfFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("file.read"), QStringLiteral("cannot read ") + path +
                                                          QStringLiteral(": ") +
                                                          file.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return makeError(QStringLiteral("file.read"), QStringLiteral("cannot read ") + path);
    return hash.result().toHex();
}

} // namespace pmkv::filesync
