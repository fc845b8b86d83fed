#pragma once

#include <QString>

namespace pmkv {

// Where the jobs keep their own files, always on the user's machine (never in the key
// space): $XDG_DATA_HOME/pmkv-studio/ (usually ~/.local/share/pmkv-studio/) or a folder the
// user names. Inside: audit.jsonl, runs/<run id>.sqlite (journals), plans/, reports/,
// snapshots/.
class JobPaths final
{
public:
    // An empty `folder` means the XDG data folder.
    explicit JobPaths(const QString& folder = QString());

    QString root() const { return m_root; }
    QString auditLogPath() const;
    QString runsFolder() const;
    QString journalPath(const QString& runId) const;
    QString reportsFolder() const;
    QString plansFolder() const;
    QString snapshotsFolder() const;
    // Creates the folders; false when the root cannot be created.
    bool ensure() const;

    static QString defaultRoot();

private:
    QString m_root;
};

} // namespace pmkv
