#include "diff/kvsidereader.h"

#include "diff/jsonparser.h"
#include "kv/kvwait.h"

namespace pmkv {
namespace {

Result<QStringList> scanKeys(KvStore& store, const QString& pattern)
{
    auto listed = scanAllKeys(store, pattern);
    if (!listed)
        return listed.error();
    QStringList keys;
    keys.reserve(listed.value().size());
    for (const QByteArray& key : listed.value())
        keys.append(QString::fromUtf8(key));
    keys.sort();
    return keys;
}

// The strings of a JSON array value (a list key, epicIds, storyIds); empty when it is not one.
QStringList namesIn(const QByteArray& value, const char* member = nullptr)
{
    QStringList out;
    auto parsed = JsonParser::parse(value);
    if (!parsed)
        return out;
    const JsonValue* array = &parsed.value();
    if (member)
        array = parsed.value().isObject() ? parsed.value().find(member) : nullptr;
    if (!array || !array->isArray())
        return out;
    for (const JsonValue& item : array->items()) {
        if (item.isString())
            out << QString::fromStdString(item.text());
    }
    return out;
}

// Follows the lists down from the projects list, level by level, one batch per level.
Result<QVector<DiffSideBuilder::KvItem>> walkLists(KvStore& store, const KeyLayout& layout,
                                                   int batchKeys)
{
    QVector<DiffSideBuilder::KvItem> all;
    auto keyOf = [&layout](KeyRole role, const QString& p, const QString& e, const QString& s) {
        if (!layout.has(role))
            return QString();
        auto key = layout.keyFor(EntityRef{role, p, e, s});
        return key ? key.value() : QString();
    };
    auto fetchOne = [&](const QStringList& keys) -> Result<QHash<QString, QByteArray>> {
        QStringList wanted;
        for (const QString& k : keys) {
            if (!k.isEmpty())
                wanted << k;
        }
        auto items = KvSideReader::fetch(store, wanted, batchKeys);
        if (!items)
            return items.error();
        QHash<QString, QByteArray> values;
        for (const auto& item : items.value())
            values.insert(item.key, item.value);
        all += items.value();
        return values;
    };

    const QString projectsKey = keyOf(KeyRole::ProjectsList, {}, {}, {});
    auto top = fetchOne({keyOf(KeyRole::People, {}, {}, {}), projectsKey});
    if (!top)
        return top.error();
    const QStringList projects = namesIn(top.value().value(projectsKey));

    QStringList level;
    for (const QString& p : projects)
        level << keyOf(KeyRole::Project, p, {}, {}) << keyOf(KeyRole::EpicsList, p, {}, {});
    auto projectValues = fetchOne(level);
    if (!projectValues)
        return projectValues.error();
    QVector<QPair<QString, QString>> epics;
    for (const QString& p : projects) {
        const QString listKey = keyOf(KeyRole::EpicsList, p, {}, {});
        QStringList names =
            listKey.isEmpty() || !projectValues.value().contains(listKey)
                ? namesIn(projectValues.value().value(keyOf(KeyRole::Project, p, {}, {})),
                          "epicIds")
                : namesIn(projectValues.value().value(listKey));
        names.removeDuplicates();
        for (const QString& e : names)
            epics.append({p, e});
    }

    level.clear();
    for (const auto& [p, e] : epics)
        level << keyOf(KeyRole::Epic, p, e, {}) << keyOf(KeyRole::StoriesList, p, e, {});
    auto epicValues = fetchOne(level);
    if (!epicValues)
        return epicValues.error();
    level.clear();
    for (const auto& [p, e] : epics) {
        const QString listKey = keyOf(KeyRole::StoriesList, p, e, {});
        QStringList names =
            listKey.isEmpty() || !epicValues.value().contains(listKey)
                ? namesIn(epicValues.value().value(keyOf(KeyRole::Epic, p, e, {})), "storyIds")
                : namesIn(epicValues.value().value(listKey));
        names.removeDuplicates();
        for (const QString& s : names)
            level << keyOf(KeyRole::Story, p, e, s);
    }
    auto storyValues = fetchOne(level);
    if (!storyValues)
        return storyValues.error();
    return all;
}

} // namespace

Result<QVector<DiffSideBuilder::KvItem>> KvSideReader::fetch(KvStore& store,
                                                             const QStringList& keys, int batchKeys)
{
    QVector<DiffSideBuilder::KvItem> items;
    items.reserve(keys.size());
    for (qsizetype start = 0; start < keys.size(); start += batchKeys) {
        const qsizetype end = std::min<qsizetype>(keys.size(), start + batchKeys);
        QVector<KvCommand> batch;
        batch.reserve((end - start) * 3);
        for (qsizetype i = start; i < end; ++i) {
            const QByteArray key = keys[i].toUtf8();
            batch << KvCommand{"TYPE", key} << KvCommand{"PTTL", key} << KvCommand{"GET", key};
        }
        auto replies = waitFor(store, store.execute(std::move(batch)));
        if (!replies)
            return replies.error();
        const KvStore::Replies& r = replies.value();
        if (r.size() != (end - start) * 3)
            return makeError(QStringLiteral("kv.reply"),
                             QStringLiteral("%1 answered %2 replies to %3 commands")
                                 .arg(store.describe())
                                 .arg(r.size())
                                 .arg((end - start) * 3));
        for (qsizetype i = start; i < end; ++i) {
            const KvReply& type = r[(i - start) * 3];
            const KvReply& pttl = r[(i - start) * 3 + 1];
            const KvReply& get = r[(i - start) * 3 + 2];
            const QString typeName = QString::fromUtf8(type.bytes);
            if (typeName == QLatin1String("none"))
                continue; // deleted between SCAN and now
            DiffSideBuilder::KvItem item;
            item.key = keys[i];
            item.type = typeName;
            if (pttl.type == KvReply::Type::Integer)
                item.ttl = pttl.integer < 0 ? qint64(-1) : (pttl.integer + 999) / 1000;
            if (get.type == KvReply::Type::String)
                item.value = get.bytes;
            items.append(std::move(item));
        }
    }
    return items;
}

Result<DiffSide> KvSideReader::read(KvStore& store, const KeyLayout& layout, const QString& spec,
                                    const Options& options)
{
    QVector<DiffSideBuilder::KvItem> items;
    if (store.capabilities().canScan && !options.forceListWalk) {
        auto keys = scanKeys(store, layout.scanPattern());
        if (!keys)
            return keys.error();
        auto fetched = fetch(store, keys.value(), options.batchKeys);
        if (!fetched)
            return fetched.error();
        items = std::move(fetched.value());
    } else {
        auto walked = walkLists(store, layout, options.batchKeys);
        if (!walked)
            return walked.error();
        items = std::move(walked.value());
    }
    return DiffSideBuilder::fromKvItems(spec, store.describe(), items, layout);
}

} // namespace pmkv
