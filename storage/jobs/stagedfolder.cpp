#include "jobs/stagedfolder.h"

#include "core/utf8.h"
#include "jobs/filesync.h"
#include "jobs/treewalk.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pmkv {

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

Error restoreError(const QString& what)
{
    return makeError(QStringLiteral("restore.write"), what + QStringLiteral(": ") + systemError());
}

QByteArray parentOf(const QByteArray& path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return slash > 0 ? path.left(slash) : slash == 0 ? QByteArray("/") : QByteArray(".");
}

void syncPath(const QByteArray& path)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Removes a folder and everything below it, never following a link. Best effort.
void removeTree(const QByteArray& root)
{
    QVector<TreeWalk::Entry> entries = TreeWalk::list(root);
    std::reverse(entries.begin(), entries.end()); // what a folder holds before the folder
    for (const TreeWalk::Entry& e : entries) {
        const QByteArray path = root + '/' + e.path;
        if (e.kind == TreeWalk::Entry::Kind::Folder)
            ::rmdir(path.constData());
        else
            ::unlink(path.constData());
    }
    ::rmdir(root.constData());
}

bool isFolder(const QByteArray& path)
{
    struct stat info
    {
    };
    return ::lstat(path.constData(), &info) == 0 && S_ISDIR(info.st_mode);
}

} // namespace

StagedFolder::StagedFolder(QByteArray target, QByteArray staging)
    : m_target(std::move(target)), m_staging(std::move(staging))
{
}

StagedFolder::~StagedFolder()
{
    if (!m_committed)
        removeTree(m_staging);
}

QString StagedFolder::target() const
{
    return QFile::decodeName(m_target);
}

Result<std::unique_ptr<StagedFolder>> StagedFolder::beside(const QString& target)
{
    const QByteArray absolute = QFile::encodeName(QFileInfo(target).absoluteFilePath());
    const QByteArray parent = parentOf(absolute);
    if (!filesync::makeFolders(QFile::decodeName(parent), 0777))
        return makeError(QStringLiteral("restore.mkdir"),
                         QStringLiteral("cannot create ") + QFile::decodeName(parent));
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QByteArray staging = parent + '/' + filesync::temporaryName();
        if (::mkdir(staging.constData(), 0777) == 0)
            return std::unique_ptr<StagedFolder>(new StagedFolder(absolute, staging));
        if (errno != EEXIST)
            break;
    }
    return makeError(QStringLiteral("restore.mkdir"),
                     QStringLiteral("cannot create a folder beside ") + target +
                         QStringLiteral(": ") + systemError());
}

Result<void> StagedFolder::keepTarget()
{
    struct stat info
    {
    };
    if (::stat(m_target.constData(), &info) != 0)
        return {}; // nothing there yet
    ::chmod(m_staging.constData(), info.st_mode & 07777);
    for (const TreeWalk::Entry& e : TreeWalk::list(m_target)) {
        const QByteArray from = m_target + '/' + e.path;
        const QByteArray to = m_staging + '/' + e.path;
        const QString shown = escapedBytes(e.path);
        switch (e.kind) {
        case TreeWalk::Entry::Kind::Folder:
            if (::mkdir(to.constData(), 0777) != 0)
                return restoreError(QStringLiteral("cannot create ") + shown);
            if (::stat(from.constData(), &info) == 0)
                ::chmod(to.constData(), info.st_mode & 07777);
            m_folders.append(to);
            break;
        case TreeWalk::Entry::Kind::File:
            if (::link(from.constData(), to.constData()) != 0)
                return restoreError(QStringLiteral("cannot keep ") + shown);
            break;
        case TreeWalk::Entry::Kind::Link: {
            QByteArray pointsTo(4096, Qt::Uninitialized);
            const ssize_t n =
                ::readlink(from.constData(), pointsTo.data(), size_t(pointsTo.size()));
            if (n < 0 || ::symlink(pointsTo.left(n).constData(), to.constData()) != 0)
                return restoreError(QStringLiteral("cannot keep the link ") + shown);
            break;
        }
        case TreeWalk::Entry::Kind::Special:
        case TreeWalk::Entry::Kind::Unreadable:
            return makeError(QStringLiteral("restore.target"),
                             QStringLiteral("%1 holds %2, which cannot be carried over (a pipe, "
                                            "device or unreadable entry); nothing was restored")
                                 .arg(QFile::decodeName(m_target), shown));
        }
    }
    return {};
}

Result<void> StagedFolder::writeFile(const QByteArray& relative, const QByteArray& bytes, int mode)
{
    const QByteArray path = m_staging + '/' + relative;
    // Its folders, inside the staging folder.
    for (qsizetype slash = relative.indexOf('/'); slash >= 0;
         slash = relative.indexOf('/', slash + 1)) {
        const QByteArray folder = m_staging + '/' + relative.left(slash);
        if (::mkdir(folder.constData(), 0777) == 0)
            m_folders.append(folder);
        else if (errno != EEXIST || !isFolder(folder))
            return restoreError(QStringLiteral("cannot create the folder of ") +
                                escapedBytes(relative));
    }
    // A file kept from the target is a hard link to it: unlink, never write through it.
    if (::unlink(path.constData()) != 0 && errno != ENOENT)
        return restoreError(QStringLiteral("cannot replace ") + escapedBytes(relative));
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return restoreError(QStringLiteral("cannot create ") + escapedBytes(relative));
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const Error error =
                restoreError(QStringLiteral("cannot write ") + escapedBytes(relative));
            ::close(fd);
            return error;
        }
        done += n;
    }
    ::fchmod(fd, mode_t(mode)); // exactly, whatever the umask
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        return restoreError(QStringLiteral("cannot flush ") + escapedBytes(relative));
    return {};
}

Result<void> StagedFolder::commit()
{
    for (const QByteArray& folder : std::as_const(m_folders))
        syncPath(folder);
    syncPath(m_staging);
    const QByteArray parent = parentOf(m_target);
    struct stat info
    {
    };
    const bool targetExists = ::lstat(m_target.constData(), &info) == 0;
    const bool exchange =
        targetExists && !(S_ISDIR(info.st_mode) && ::rmdir(m_target.constData()) == 0);
    if (!exchange) {
        // Nothing there, or an empty folder (just removed): one rename.
        if (::rename(m_staging.constData(), m_target.constData()) != 0)
            return restoreError(QStringLiteral("cannot rename the restored folder to ") +
                                QFile::decodeName(m_target));
    } else if (::renameat2(AT_FDCWD, m_staging.constData(), AT_FDCWD, m_target.constData(),
                           RENAME_EXCHANGE) != 0) {
        return restoreError(QStringLiteral("cannot put the restored folder in place of ") +
                            QFile::decodeName(m_target));
    }
    m_committed = true;
    syncPath(parent);
    // After an exchange the staging name holds the target as it was: its files are either
    // in the new folder too (hard links) or replaced by the restore.
    if (exchange)
        removeTree(m_staging);
    return {};
}

} // namespace pmkv
