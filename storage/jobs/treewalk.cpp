#include "jobs/treewalk.h"

#include "core/utf8.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pmkv {

namespace {

void walk(const QByteArray& root, const QByteArray& relative, QVector<TreeWalk::Entry>& out)
{
    using Kind = TreeWalk::Entry::Kind;
    const QByteArray folder = relative.isEmpty() ? root : QByteArray(root + '/' + relative);
    DIR* dir = ::opendir(folder.constData());
    if (!dir) {
        if (!relative.isEmpty())
            out.last().kind = Kind::Unreadable;
        if (!relative.isEmpty())
            out.last().detail = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    QVector<QByteArray> names;
    while (const dirent* d = ::readdir(dir)) {
        if (std::strcmp(d->d_name, ".") != 0 && std::strcmp(d->d_name, "..") != 0)
            names.append(QByteArray(d->d_name));
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    for (const QByteArray& name : names) {
        TreeWalk::Entry entry;
        entry.path = relative.isEmpty() ? name : QByteArray(relative + '/' + name);
        const QByteArray full = root + '/' + entry.path;
        struct stat info
        {
        };
        if (::lstat(full.constData(), &info) != 0) {
            entry.kind = Kind::Unreadable;
            entry.detail = QString::fromLocal8Bit(std::strerror(errno));
        } else if (S_ISLNK(info.st_mode)) {
            entry.kind = Kind::Link;
            QByteArray target(4096, Qt::Uninitialized);
            const ssize_t n = ::readlink(full.constData(), target.data(), size_t(target.size()));
            entry.detail = n < 0 ? QString() : escapedBytes(QByteArrayView(target.constData(), n));
        } else if (S_ISDIR(info.st_mode)) {
            entry.kind = Kind::Folder;
        } else if (!S_ISREG(info.st_mode)) {
            entry.kind = Kind::Special;
        }
        out.append(entry);
        if (entry.kind == Kind::Folder)
            walk(root, entry.path, out);
    }
}

} // namespace

QVector<TreeWalk::Entry> TreeWalk::list(const QByteArray& root)
{
    QVector<Entry> out;
    walk(root, QByteArray(), out);
    return out;
}

} // namespace pmkv
