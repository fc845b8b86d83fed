#include "jobs/jobpaths.h"

#include "jobs/filesync.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <sys/stat.h>

namespace pmkv {

JobPaths::JobPaths(const QString& folder)
    : m_root(QDir::cleanPath(QDir(folder.isEmpty() ? defaultRoot() : folder).absolutePath()))
{
}

QString JobPaths::defaultRoot()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty())
        base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/pmkv-studio");
}

QString JobPaths::auditLogPath() const
{
    return m_root + QStringLiteral("/audit.jsonl");
}

QString JobPaths::runsFolder() const
{
    return m_root + QStringLiteral("/runs");
}

QString JobPaths::journalPath(const QString& runId) const
{
    return runsFolder() + QLatin1Char('/') + runId + QStringLiteral(".sqlite");
}

QString JobPaths::reportsFolder() const
{
    return m_root + QStringLiteral("/reports");
}

QString JobPaths::plansFolder() const
{
    return m_root + QStringLiteral("/plans");
}

QString JobPaths::snapshotsFolder() const
{
    return m_root + QStringLiteral("/snapshots");
}

bool JobPaths::ensure() const
{
    // Journals, plans, reports and snapshots hold whole values: the folders the tool makes
    // are its owner's only (an existing folder the user named is left as it is).
    if (!filesync::makeFolders(m_root, filesync::kPrivateFolder))
        return false;
    for (const QString& folder :
         {runsFolder(), reportsFolder(), snapshotsFolder(), plansFolder()}) {
        if (!filesync::makeFolders(folder, filesync::kPrivateFolder))
            return false;
        ::chmod(QFile::encodeName(folder).constData(), filesync::kPrivateFolder);
    }
    return true;
}

} // namespace pmkv
