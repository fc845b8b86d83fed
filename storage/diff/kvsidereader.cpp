#include "diff/kvsidereader.h"

#include "diff/listkeywalk.h"
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

// The list-key walk, reading every value it meets (the side needs them all).
Result<QVector<DiffSideBuilder::KvItem>> walkLists(KvStore& store, const KeyLayout& layout,
                                                   int batchKeys)
{
    QVector<DiffSideBuilder::KvItem> all;
    auto read = [&](const QStringList& keys, bool) -> Result<QHash<QString, QByteArray>> {
        auto items = KvSideReader::fetch(store, keys, batchKeys);
        if (!items)
            return items.error();
        QHash<QString, QByteArray> values;
        for (const auto& item : items.value())
            values.insert(item.key, item.value);
        all += items.value();
        return values;
    };
    auto walked = ListKeyWalk::walk(layout, read);
    if (!walked)
        return walked.error();
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
