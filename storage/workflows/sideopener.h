#pragma once

#include "core/result.h"
#include "diff/diffside.h"
#include "layout/keylayout.h"
#include "workflows/targetsession.h"

#include <memory>
#include <optional>
#include <vector>

namespace pmkv {

// Turns a side as a user names it into a DiffSide, for the diff and the sync:
//   conn:NAME, http(s)://..., redis://...  a live key space (read with SCAN, or through the
//                                          layout's list keys when SCAN is not allowed)
//   FILE.tar.gz / FILE.tgz                 a backup archive
//   FILE (NDJSON)                          a KV snapshot file
//   FOLDER                                 a pm/ (or pm-backup/) folder
// Key spaces are opened as TargetSessions owned by the opener; keep it alive while using them.
class SideOpener final
{
public:
    enum class Kind { Folder, Backup, Snapshot, Kv };

    struct Opened
    {
        Kind kind = Kind::Folder;
        DiffSide side;
        TargetSession* session = nullptr; // Kv only; owned by the opener
    };

    // A connection of this session only (a window's, opened with --url and a typed secret):
    // a side naming exactly its address opens with its profile and options, so the secret
    // typed for it goes to that address and no other.
    struct SessionConnection
    {
        QString address;
        ConnectionProfile profile;
        TargetSession::Options options;
    };

    SideOpener() = default;
    explicit SideOpener(std::optional<SessionConnection> sessionConnection)
        : m_sessionConnection(std::move(sessionConnection))
    {
    }

    static Result<Kind> kindOf(const QString& spec);
    Result<Opened> open(const QString& spec, const KeyLayout& layout);
    // A key space without reading it (undo and resume of a sync).
    Result<Opened> connect(const QString& spec);

private:
    std::optional<SessionConnection> m_sessionConnection;
    std::vector<std::unique_ptr<TargetSession>> m_sessions;
};

} // namespace pmkv
