#pragma once

#include <QString>

#include <vector>

namespace pmkv {

// One name in a folder.
struct FolderEntry
{
    QString name;
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
