#include "diffsideopener.h"

#include "diff/backupsidereader.h"
#include "diff/diffsidebuilder.h"
#include "diff/kvsidereader.h"
#include "diff/kvsnapshotreader.h"
#include "kvtarget.h"

#include <QFileInfo>

namespace pmkv {

Result<DiffSideOpener::Kind> DiffSideOpener::kindOf(const QString& spec)
{
    if (KvTarget::isConnectionSpec(spec))
        return Kind::Kv;
    const QFileInfo info(spec);
    if (info.isDir())
        return Kind::Folder;
    if (!info.exists())
        return makeError(QStringLiteral("side.missing"),
                         QStringLiteral("%1 does not exist: name a pm/ folder, a backup "
                                        "(.tar.gz), a snapshot file, or a connection "
                                        "(conn:NAME, http(s)://..., redis://...)")
                             .arg(spec));
    if (BackupSideReader::looksLikeArchive(spec))
        return Kind::Backup;
    if (KvSnapshotReader::looksLikeSnapshot(spec))
        return Kind::Snapshot;
    return makeError(QStringLiteral("side.unknown"),
                     QStringLiteral("%1 is neither a folder, a backup archive (.tar.gz) nor a "
                                    "KV snapshot (NDJSON)")
                         .arg(spec));
}

Result<DiffSideOpener::Opened> DiffSideOpener::open(const QString& spec, const KeyLayout& layout)
{
    auto kind = kindOf(spec);
    if (!kind)
        return kind.error();
    Opened opened;
    opened.kind = kind.value();
    switch (kind.value()) {
    case Kind::Folder: {
        auto side = DiffSideBuilder::fromFolder(spec, layout);
        if (!side)
            return side.error();
        opened.side = std::move(side.value());
        return opened;
    }
    case Kind::Backup: {
        auto side = BackupSideReader::read(spec, layout);
        if (!side)
            return side.error();
        opened.side = std::move(side.value());
        return opened;
    }
    case Kind::Snapshot: {
        auto side = KvSnapshotReader::read(spec, layout);
        if (!side)
            return side.error();
        opened.side = std::move(side.value());
        return opened;
    }
    case Kind::Kv:
        break;
    }
    auto connected = connect(spec);
    if (!connected)
        return connected.error();
    opened = std::move(connected.value());
    auto side = KvSideReader::read(*opened.store, layout, spec);
    if (!side)
        return side.error();
    opened.side = std::move(side.value());
    // What the user typed may hold a password (redis://user:pass@host); reports name the
    // store the way it describes itself, which never includes a secret.
    if (!spec.startsWith(QLatin1String("conn:")))
        opened.side.spec = opened.store->describe();
    return opened;
}

Result<DiffSideOpener::Opened> DiffSideOpener::connect(const QString& spec)
{
    auto profile = KvTarget::fromSpec(spec);
    if (!profile)
        return profile.error();
    if (!m_thread)
        m_thread = std::make_unique<StoreThread>();
    auto store = KvTarget::open(profile.value(), *m_thread);
    if (!store)
        return store.error();
    Opened opened;
    opened.kind = Kind::Kv;
    opened.profile = profile.value();
    opened.store = store.value();
    return opened;
}

} // namespace pmkv
