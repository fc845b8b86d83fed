#include "diff/kvsnapshotreader.h"

#include "diff/diffsidebuilder.h"
#include "jobs/snapshotjob.h"

#include <QFileInfo>

namespace pmkv {

bool KvSnapshotReader::looksLikeSnapshot(const QString& path)
{
    return QFileInfo::exists(path + QStringLiteral(".manifest.json")) ||
           path.endsWith(QLatin1String(".ndjson")) || path.endsWith(QLatin1String(".jsonl"));
}

Result<DiffSide> KvSnapshotReader::read(const QString& path, const KeyLayout& layout)
{
    auto records = SnapshotJob::read(path);
    if (!records)
        return records.error();
    QVector<DiffSideBuilder::KvItem> items;
    items.reserve(records.value().size());
    for (const SnapshotJob::Record& r : records.value()) {
        DiffSideBuilder::KvItem item;
        item.key = QString::fromUtf8(r.key);
        item.type = r.type.isEmpty() ? QStringLiteral("string") : r.type;
        item.ttl = r.ttl < 0 ? qint64(-1) : (r.ttl + 999) / 1000;
        item.value = r.value;
        items.append(std::move(item));
    }
    DiffSide side = DiffSideBuilder::fromKvItems(
        path, QStringLiteral("snapshot ") + QFileInfo(path).absoluteFilePath(), items, layout);
    side.kind = QStringLiteral("snapshot");
    return side;
}

} // namespace pmkv
