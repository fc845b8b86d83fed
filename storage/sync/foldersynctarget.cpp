#include "sync/foldersynctarget.h"

#include "core/namesafety.h"
#include "diff/jsonparser.h"
#include "jobs/filesync.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace pmkv {

namespace {

// A location is a relative path of safe names (NameSafety): whatever key or diff it came
// from, it stays inside the folder.
Result<void> checkLocations(const QStringList& locations)
{
    for (const QString& location : locations) {
        const QStringList parts = location.split(QLatin1Char('/'));
        for (const QString& part : parts) {
            const QString why = NameSafety::whyUnsafe(part);
            if (!why.isEmpty())
                return makeError(QStringLiteral("sync.unsafe-path"),
                                 QStringLiteral("\"%1\" cannot be a file below the folder: "
                                                "a part of it (\"%2\") %3; nothing was written")
                                     .arg(location, part, why));
        }
    }
    return {};
}

} // namespace

QString FolderSyncTarget::describe() const
{
    return QStringLiteral("folder ") + QDir(m_root).absolutePath();
}

bool FolderSyncTarget::matches(const QByteArray& current, const QByteArray& expected) const
{
    if (current == expected)
        return true;
    auto a = JsonParser::parse(current);
    auto b = JsonParser::parse(expected);
    return a && b && a.value() == b.value();
}

Result<QVector<SyncTarget::Value>> FolderSyncTarget::read(const QStringList& locations)
{
    if (auto safe = checkLocations(locations); !safe)
        return safe.error();
    QVector<Value> out;
    out.reserve(locations.size());
    for (const QString& location : locations) {
        Value v;
        QFile file(QDir(m_root).filePath(location));
        if (file.exists()) {
            if (!file.open(QIODevice::ReadOnly))
                return makeError(
                    QStringLiteral("sync.read"),
                    QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
            v.exists = true;
            v.bytes = file.readAll();
        }
        out.append(std::move(v));
    }
    return out;
}

Result<void> FolderSyncTarget::write(const QVector<Write>& writes)
{
    QStringList locations;
    for (const Write& w : writes)
        locations << w.location;
    if (auto safe = checkLocations(locations); !safe)
        return safe;
    const QDir root(m_root);
    for (const Write& w : writes) {
        const QString path = root.filePath(w.location);
        if (!w.bytes) {
            if (QFile::exists(path) && !QFile::remove(path))
                return makeError(QStringLiteral("sync.write"),
                                 QStringLiteral("cannot remove %1").arg(path));
            // Remove the folders a create made, if nothing else is in them.
            QDir parent = QFileInfo(path).dir();
            while (parent.absolutePath() != root.absolutePath() && parent.isEmpty() &&
                   parent.rmdir(parent.absolutePath()))
                parent.cdUp();
            continue;
        }
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return makeError(QStringLiteral("sync.write"),
                             QStringLiteral("cannot create the folder of %1").arg(path));
        // Through a temporary file beside it, never longer than its own name (filesync.h).
        if (auto written = filesync::writeAtomically(path, *w.bytes, 0644); !written)
            return makeError(QStringLiteral("sync.write"), written.error().message);
    }
    return {};
}

} // namespace pmkv
