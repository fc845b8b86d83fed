#include "sync/foldersynctarget.h"

#include "diff/jsonparser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace pmkv {

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
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(*w.bytes) != w.bytes->size() ||
            !file.commit())
            return makeError(QStringLiteral("sync.write"),
                             QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

} // namespace pmkv
