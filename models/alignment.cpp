#include "alignment.h"

#include "files/jsstringify.h"

#include <QSet>

namespace pmkv {

std::shared_ptr<const Alignment> Alignment::build(std::shared_ptr<const FileTreeSnapshot> files,
                                                  const KeyLayout& layout)
{
    auto a = std::make_shared<Alignment>();
    const PmIndex& index = files->index();
    a->m_files = std::move(files);
    a->m_layout = layout;
    a->m_map = KeyMapper::map(index, layout);
    a->m_byKey.reserve(a->m_map.entries.size());
    for (int i = 0; i < a->m_map.entries.size(); ++i) {
        const KeyEntry& e = a->m_map.entries.at(i);
        a->m_byKey.insert(e.key.toUtf8(), i);
        const bool isList = e.ref.role == KeyRole::ProjectsList ||
                            e.ref.role == KeyRole::EpicsList || e.ref.role == KeyRole::StoriesList;
        if (!isList) {
            a->m_byPath.insert(e.sourcePath, i);
            a->m_map.entries[i].value = QByteArray(); // valueOf() derives it again
        }
    }
    for (const Entity& e : index.entities) {
        if (e.isData() && !a->m_byPath.contains(e.relativePath))
            a->m_unmapped << e.relativePath;
    }
    return a;
}

QByteArray Alignment::valueOf(int i) const
{
    const KeyEntry& e = m_map.entries.at(i);
    if (!e.value.isEmpty())
        return e.value;
    const Entity* entity = m_files->index().findByPath(e.sourcePath);
    if (!entity)
        return {};
    auto value = JsStringify::fromJsonText(entity->raw);
    return value ? value.value() : QByteArray();
}

QString Alignment::pathForKey(const QByteArray& key) const
{
    const int i = entryForKey(key);
    if (i < 0)
        return {};
    const KeyEntry& e = m_map.entries.at(i);
    return m_byPath.value(e.sourcePath, -1) == i ? e.sourcePath : QString();
}

QByteArray Alignment::keyForPath(const QString& entityPath) const
{
    const int i = m_byPath.value(entityPath, -1);
    return i < 0 ? QByteArray() : m_map.entries.at(i).key.toUtf8();
}

SyncState Alignment::classify(const QByteArray& key) const
{
    if (m_byKey.contains(key))
        return SyncState::Unknown;
    return m_layout.entityFor(QString::fromUtf8(key)) ? SyncState::OnlyKv : SyncState::Unmapped;
}

} // namespace pmkv
