#pragma once

#include <QString>

#include <vector>

namespace pmkv {

// One name in a folder.
struct FolderEntry
{
    // The name; one whose bytes are not UTF-8 is shown escaped (utf8.h escapedBytes) and
    // `nameIsUtf8` is false: it cannot be opened through this text, nor become a key.
    QString name;
    bool nameIsUtf8 = true;
    bool isDir = false;
    bool isFile = false;
    bool symLink = false;
    bool exists = true;
    QString linkTarget;
};

// The entries of one folder, sorted by name, typed from readdir() where the file system says
// (no stat() for plain files and folders, which is most of 100,000 entries) and from
// QFileInfo for links and unknown types. Shared by the reader and the studio's quick listing.
class FolderListing final
{
public:
    static std::vector<FolderEntry> list(const QString& folder, bool& readable);
};

} // namespace pmkv
