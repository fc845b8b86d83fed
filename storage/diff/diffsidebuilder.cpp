#include "diff/diffsidebuilder.h"

#include "files/pmreader.h"
#include "layout/keymapper.h"

#include <QDir>
#include <QSet>

namespace pmkv {
namespace {

QString reasonText(const QVector<Problem>& problems)
{
    QStringList parts;
    for (const Problem& p : problems) {
        if (p.severity != Severity::Error || p.code == QLatin1String("map.skipped"))
            continue;
        QString text = p.message;
        if (p.line > 0)
            text = QStringLiteral("line %1, column %2: %3").arg(p.line).arg(p.column).arg(text);
        if (!parts.contains(text))
            parts << text;
    }
    return parts.isEmpty() ? QStringLiteral("the file has errors (a scan of the folder lists them)")
                           : parts.join(QStringLiteral("; "));
}

} // namespace

Result<DiffSide> DiffSideBuilder::fromFolder(const QString& root, const KeyLayout& layout)
{
    auto scanned = PmReader::read(root);
    if (!scanned)
        return scanned.error();
    const PmIndex& index = scanned.value();
    const KeyMap map = KeyMapper::map(index, layout);

    DiffSide side;
    side.spec = root;
    side.kind = QStringLiteral("folder");
    side.description = QStringLiteral("folder ") + QDir(root).absolutePath();
    side.layout = layout.name();
    side.entries.reserve(map.entries.size());
    QSet<QString> mapped;
    for (const KeyEntry& e : map.entries) {
        SideEntry s;
        s.ref = e.ref;
        s.location = e.sourcePath;
        s.key = e.key;
        s.value = e.value;
        side.entries.append(std::move(s));
        mapped.insert(e.sourcePath);
    }
    // The tree's own problems (its lint warnings included) belong to the side: a strict
    // verdict counts them, and the JSON lists them.
    side.problems = index.problems;
    QHash<QString, QVector<Problem>> mapProblems;
    for (const Problem& p : map.problems) {
        mapProblems[p.path].append(p);
        if (p.code != QLatin1String("map.skipped"))
            side.problems.append(p);
    }
    for (const Entity& e : index.entities) {
        const auto role = KeyMapper::roleOf(e.kind);
        if (!role || !layout.has(*role) || mapped.contains(e.relativePath))
            continue;
        SideEntry s;
        s.ref = EntityRef{*role, e.project, e.epic, e.story};
        s.location = e.relativePath;
        s.unreadable =
            reasonText(index.problemsFor(e.relativePath) + mapProblems.value(e.relativePath));
        side.entries.append(std::move(s));
    }
    side.finish();
    return side;
}

DiffSide DiffSideBuilder::fromKvItems(const QString& spec, const QString& description,
                                      const QVector<KvItem>& items, const KeyLayout& layout)
{
    DiffSide side;
    side.spec = spec;
    side.kind = QStringLiteral("kv");
    side.description = description;
    side.layout = layout.name();
    side.entries.reserve(items.size());
    for (const KvItem& item : items) {
        const std::optional<EntityRef> ref = layout.entityFor(item.key);
        if (!ref) {
            side.unmappedKeys << item.key;
            continue;
        }
        SideEntry s;
        s.ref = *ref;
        s.location = item.key;
        s.key = item.key;
        s.value = item.value;
        s.kvType = item.type;
        s.ttl = item.ttl;
        if (!item.type.isEmpty() && item.type != QLatin1String("string"))
            s.unreadable = QStringLiteral("the key is a Redis %1, not a STRING holding JSON")
                               .arg(item.type.toUpper());
        side.entries.append(std::move(s));
    }
    side.unmappedKeys.sort();
    side.finish();
    return side;
}

} // namespace pmkv
