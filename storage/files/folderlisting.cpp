#include "files/folderlisting.h"

#include "core/utf8.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

#include <dirent.h>

namespace pmkv {

std::vector<FolderEntry> FolderListing::list(const QString& folder, bool& readable)
{
    std::vector<FolderEntry> entries;
    DIR* dir = ::opendir(QFile::encodeName(folder).constData());
    readable = dir != nullptr;
    if (!dir)
        return entries;
    while (const dirent* d = ::readdir(dir)) {
        if (std::strcmp(d->d_name, ".") == 0 || std::strcmp(d->d_name, "..") == 0)
            continue;
        FolderEntry e;
        const QByteArrayView bytes(d->d_name, qsizetype(std::strlen(d->d_name)));
        e.nameIsUtf8 = firstInvalidUtf8(bytes) < 0;
        e.name = e.nameIsUtf8 ? QFile::decodeName(d->d_name) : escapedBytes(bytes);
        if (d->d_type == DT_REG) {
            e.isFile = true;
        } else if (d->d_type == DT_DIR) {
            e.isDir = true;
        } else if (!e.nameIsUtf8) {
            // Not looked at: QFileInfo would take the escaped text for the name.
        } else if (d->d_type == DT_LNK || d->d_type == DT_UNKNOWN) {
            const QFileInfo info(folder + QLatin1Char('/') + e.name);
            e.symLink = info.isSymLink();
            e.exists = info.exists();
            e.isDir = info.isDir();
            e.isFile = info.isFile();
            if (e.symLink)
                e.linkTarget = info.symLinkTarget();
        }
        entries.push_back(std::move(e));
    }
    ::closedir(dir);
    std::sort(entries.begin(), entries.end(),
              [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; });
    return entries;
}

} // namespace pmkv
