#include "jobs/filesync.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace pmkv::filesync {

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

QByteArray folderOf(const QByteArray& path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return slash > 0 ? path.left(slash) : slash == 0 ? QByteArray("/") : QByteArray(".");
}

} // namespace

void syncFolder(const QString& folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

QByteArray temporaryName()
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray name(".~");
    for (int i = 0; i < 8; ++i)
        name.append(kAlphabet[QRandomGenerator::global()->bounded(int(sizeof kAlphabet) - 1)]);
    return name;
}

int createTemporary(const QByteArray& folder, mode_t mode, QByteArray& path)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        path = folder + '/' + temporaryName();
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

bool makeFolders(const QString& path, mode_t mode)
{
    const QByteArray bytes = QFile::encodeName(path);
    for (qsizetype i = 1; i <= bytes.size(); ++i) {
        if (i < bytes.size() && bytes.at(i) != '/')
            continue;
        const QByteArray part = bytes.left(i);
        if (::mkdir(part.constData(), mode) != 0 && errno != EEXIST)
            return false;
    }
    struct stat info
    {
    };
    return ::stat(bytes.constData(), &info) == 0 && S_ISDIR(info.st_mode);
}

Result<void> writeAtomically(const QString& path, const QByteArray& bytes, mode_t mode)
{
    bool given = false;
    return writeAtomically(
        path, [&bytes, &given] { return std::exchange(given, true) ? QByteArray() : bytes; }, mode);
}

Result<void> writeAtomically(const QString& path, const std::function<QByteArray()>& next,
                             mode_t mode)
{
    const QByteArray target = QFile::encodeName(path);
    QByteArray tempName;
    const int fd = createTemporary(folderOf(target), mode, tempName);
    if (fd < 0)
        return makeError(QStringLiteral("file.write"), QStringLiteral("cannot create a file "
                                                                      "beside ") +
                                                           path + QStringLiteral(": ") +
                                                           systemError());
    for (QByteArray bytes = next(); !bytes.isEmpty(); bytes = next()) {
        qint64 done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                const QString why = systemError();
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
        const QString why = systemError();
        ::unlink(tempName.constData());
        return makeError(QStringLiteral("file.write"),
                         QStringLiteral("cannot flush ") + path + QStringLiteral(": ") + why);
    }
    if (::rename(tempName.constData(), target.constData()) != 0) {
        const QString why = systemError();
        ::unlink(tempName.constData());
        return makeError(QStringLiteral("file.write"),
                         QStringLiteral("cannot rename ") + QFile::decodeName(tempName) +
                             QStringLiteral(" to ") + path + QStringLiteral(": ") + why);
    }
    syncFolder(QFile::decodeName(folderOf(target)));
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
