#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

namespace pmkv {

// Every entry below a folder, by its names' bytes as the file system holds them (a name need
// not be UTF-8), in byte order, never following a symbolic link: a link is an entry of its
// own (Link), whatever it points to. For backups and restores, which keep names exactly.
class TreeWalk final
{
public:
    struct Entry
    {
        enum class Kind { File, Folder, Link, Special, Unreadable };
        QByteArray path; // relative to the root, '/'-separated
        Kind kind = Kind::File;
        QString detail; // a link's target, or why a folder could not be listed
    };

    // Folders come before what they hold. A folder that cannot be listed is an Unreadable
    // entry (its contents are missing).
    static QVector<Entry> list(const QByteArray& root);
};

} // namespace pmkv
