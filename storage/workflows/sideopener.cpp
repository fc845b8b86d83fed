#include "workflows/sideopener.h"

#include "diff/backupsidereader.h"
#include "diff/diffsidebuilder.h"
#include "diff/kvsidereader.h"
#include "diff/kvsnapshotreader.h"
#include "workflows/targetspec.h"

#include <QFileInfo>

namespace pmkv {

Result<SideOpener::Kind> SideOpener::kindOf(const QString& spec)
{
    if (TargetSpec::isKeySpace(spec))
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

Result<SideOpener::Opened> SideOpener::open(const QString& spec, const KeyLayout& layout)
{
    auto kind = kindOf(spec);
    if (!kind)
        return kind.error();
    if (kind.value() == Kind::Kv) {
        auto connected = connect(spec);
        if (!connected)
            return connected.error();
        Opened opened = std::move(connected.value());
        auto side = KvSideReader::read(opened.session->store(), layout, spec);
        if (!side)
            return side.error();
        opened.side = std::move(side.value());
        // What the user typed may hold a password (redis://user:pass@host); reports name the
        // store the way it describes itself, which never includes a secret.
        if (!spec.startsWith(QLatin1String("conn:")))
            opened.side.spec = opened.session->describe();
        return opened;
    }
    Result<DiffSide> side = kind.value() == Kind::Folder ? DiffSideBuilder::fromFolder(spec, layout)
                            : kind.value() == Kind::Backup ? BackupSideReader::read(spec, layout)
                                                           : KvSnapshotReader::read(spec, layout);
    if (!side)
        return side.error();
    Opened opened;
    opened.kind = kind.value();
    opened.side = std::move(side.value());
    return opened;
}

Result<SideOpener::Opened> SideOpener::connect(const QString& spec)
{
    const bool sessionConnection = m_sessionConnection && m_sessionConnection->address == spec;
    auto profile = sessionConnection ? Result<ConnectionProfile>(m_sessionConnection->profile)
                                     : TargetSpec::profile(spec);
    if (!profile)
        return profile.error();
    auto session =
        TargetSession::open(profile.value(), sessionConnection ? m_sessionConnection->options
                                                               : TargetSession::Options());
    if (!session)
        return session.error();
    m_sessions.push_back(std::move(session.value()));
    Opened opened;
    opened.kind = Kind::Kv;
    opened.session = m_sessions.back().get();
    return opened;
}

} // namespace pmkv
