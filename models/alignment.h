#pragma once

#include "filetreesnapshot.h"
#include "layout/keylayout.h"
#include "layout/keymapper.h"
#include "syncstate.h"

#include <QHash>

#include <memory>

namespace pmkv {

// Which key each entity of a pm/ folder maps to under one layout, and back: the bridge
// between the two trees. Immutable once built (build it off the GUI thread; share it).
// Entity values are not kept (they would double the folder's size in memory): valueOf()
// derives them again from the file's bytes, exactly as the mapper does; list values are kept.
class Alignment final
{
public:
    static std::shared_ptr<const Alignment> build(std::shared_ptr<const FileTreeSnapshot> files,
                                                  const KeyLayout& layout);

    const KeyLayout& layout() const { return m_layout; }
    // Keys and refs; `value` is empty for entity keys: use valueOf().
    const QVector<KeyEntry>& entries() const { return m_map.entries; }
    // The exact bytes the application would write for entry `i`. Thread-safe.
    QByteArray valueOf(int i) const;
    const QVector<Problem>& problems() const { return m_map.problems; }
    // Data files that map to no key (errors, unsafe names, collisions): "unreadable".
    const QStringList& unmappedPaths() const { return m_unmapped; }

    int entryForKey(const QByteArray& key) const { return m_byKey.value(key, -1); }
    // The entity file of a key; empty for list keys and keys outside the folder.
    QString pathForKey(const QByteArray& key) const;
    // The key of an entity file (a project's project.json ...); empty when it has none.
    QByteArray keyForPath(const QString& entityPath) const;
    // A state for a key seen in the key space before comparing: Unknown when the folder maps
    // to it (a comparison will tell), OnlyKv when it is a layout key the folder lacks,
    // Unmapped when it is not a key of the layout at all.
    SyncState classify(const QByteArray& key) const;

private:
    std::shared_ptr<const FileTreeSnapshot> m_files;
    KeyLayout m_layout;
    KeyMap m_map;
    QStringList m_unmapped;
    QHash<QByteArray, int> m_byKey;
    QHash<QString, int> m_byPath;
};

} // namespace pmkv
