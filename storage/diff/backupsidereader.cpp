#include "diff/backupsidereader.h"

#include "diff/diffsidebuilder.h"
#include "jobs/backupverifier.h"

#include <QFileInfo>
#include <QTemporaryDir>

namespace pmkv {

bool BackupSideReader::looksLikeArchive(const QString& path)
{
    return path.endsWith(QLatin1String(".tar.gz")) || path.endsWith(QLatin1String(".tgz"));
}

Result<DiffSide> BackupSideReader::read(const QString& archivePath, const KeyLayout& layout)
{
    QTemporaryDir temp;
    if (!temp.isValid())
        return makeError(QStringLiteral("backup.temp"),
                         QStringLiteral("cannot make a temporary folder to read %1: %2")
                             .arg(archivePath, temp.errorString()));
    const QString folder = temp.filePath(QStringLiteral("pm"));
    auto restored = BackupVerifier::restore(archivePath, folder, false);
    if (!restored)
        return restored.error();
    auto side = DiffSideBuilder::fromFolder(folder, layout);
    if (!side)
        return side.error();
    DiffSide out = std::move(side.value());
    out.spec = archivePath;
    out.kind = QStringLiteral("backup");
    out.description = QStringLiteral("backup ") + QFileInfo(archivePath).absoluteFilePath();
    return out;
}

} // namespace pmkv
