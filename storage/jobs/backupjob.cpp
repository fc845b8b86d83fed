#include "jobs/backupjob.h"

#include "jobs/backupformat.h"
#include "jobs/backupverifier.h"
#include "jobs/filesync.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace pmkv {

namespace {

struct ArchiveCloser
{
    archive* a = nullptr;
    ~ArchiveCloser()
    {
        if (a)
            archive_write_free(a);
    }
};

QString archiveError(archive* a, const QString& what)
{
    const char* text = archive_error_string(a);
    return what + QStringLiteral(": ") +
           (text ? QString::fromLocal8Bit(text) : QStringLiteral("unknown libarchive error"));
}

Result<void> writeEntry(archive* a, const QString& name, const QByteArray& bytes, qint64 mtime)
{
    archive_entry* entry = archive_entry_new();
    const QByteArray path = name.toUtf8();
    archive_entry_set_pathname_utf8(entry, path.constData());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, bytes.size());
    archive_entry_set_mtime(entry, mtime, 0);
    const int rc = archive_write_header(a, entry);
    archive_entry_free(entry);
    if (rc != ARCHIVE_OK)
        return makeError(QStringLiteral("backup.write"),
                         archiveError(a, QStringLiteral("cannot write ") + name));
    if (!bytes.isEmpty() && archive_write_data(a, bytes.constData(), size_t(bytes.size())) < 0)
        return makeError(QStringLiteral("backup.write"),
                         archiveError(a, QStringLiteral("cannot write ") + name));
    return {};
}

// The folder and its missing parents; an error that says why when one cannot be made.
Result<void> makeFolder(const QString& folder)
{
    std::error_code error;
    std::filesystem::create_directories(QFile::encodeName(folder).toStdString(), error);
    if (error)
        return makeError(QStringLiteral("backup.folder"),
                         QStringLiteral("cannot create the folder %1: %2")
                             .arg(folder, QString::fromLocal8Bit(error.message().c_str())));
    return {};
}

} // namespace

QString BackupJob::defaultFileName(const QString& root, const QDateTime& when)
{
    QString base = QFileInfo(QDir::cleanPath(root)).fileName();
    if (base.isEmpty())
        base = QStringLiteral("pm");
    return base + QStringLiteral("-backup-") +
           when.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")) +
           QStringLiteral(".tar.gz");
}

Result<BackupJob::Outcome> BackupJob::run(const Params& params)
{
    const QFileInfo rootInfo(params.root);
    if (!rootInfo.isDir())
        return makeError(QStringLiteral("backup.root"),
                         params.root + QStringLiteral(" is not a folder: give the pm/ folder "
                                                      "to back up."));
    const QString root = rootInfo.canonicalFilePath();
    const QDateTime now =
        params.now.isValid() ? params.now.toUTC() : QDateTime::currentDateTimeUtc();

    // A destination that is not an archive's name is a folder, made (with its parents) when
    // missing, as `mkdir -p` would.
    QString target = params.destination;
    const bool namesArchive =
        target.endsWith(QStringLiteral(".tar.gz")) || target.endsWith(QStringLiteral(".tgz"));
    if (target.isEmpty() || QFileInfo(target).isDir() || !namesArchive)
        target = QDir(target.isEmpty() ? QFileInfo(root).absolutePath() : target)
                     .filePath(defaultFileName(root, now));
    target = QFileInfo(target).absoluteFilePath();
    if (QFileInfo::exists(target))
        return makeError(QStringLiteral("backup.exists"),
                         target + QStringLiteral(" already exists: choose another name."));
    if (target.startsWith(root + QLatin1Char('/')))
        return makeError(QStringLiteral("backup.inside"),
                         QStringLiteral("the backup would be written inside the folder it backs "
                                        "up (") +
                             target + QStringLiteral("): choose a destination outside ") + root);

    if (auto made = makeFolder(QFileInfo(target).absolutePath()); !made)
        return made.error();

    // Every entry, sorted, never following a symbolic link.
    Outcome outcome;
    QStringList files;
    QStringList folders;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString rel = QDir(root).relativeFilePath(info.absoluteFilePath());
        if (info.isSymLink() || (!info.isFile() && !info.isDir()))
            outcome.skipped << rel;
        else if (info.isDir())
            folders << rel;
        else
            files << rel;
    }
    files.sort();
    folders.sort();
    outcome.skipped.sort();

    const QString temp =
        target + QStringLiteral(".partial-") + QString::number(QCoreApplication::applicationPid());
    const QByteArray tempPath = QFile::encodeName(temp);
    const int fd = ::open(tempPath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return makeError(QStringLiteral("backup.open"),
                         QStringLiteral("cannot create ") + temp + QStringLiteral(": ") +
                             QString::fromLocal8Bit(std::strerror(errno)));
    bool fdOpen = true;
    auto fail = [&](Error error) -> Result<Outcome> {
        if (fdOpen)
            ::close(fd);
        fdOpen = false;
        ::unlink(tempPath.constData());
        return error;
    };

    {
        ArchiveCloser closer{archive_write_new()};
        archive* a = closer.a;
        archive_write_add_filter_gzip(a);
        archive_write_set_format_pax_restricted(a);
        if (archive_write_open_fd(a, fd) != ARCHIVE_OK)
            return fail(makeError(QStringLiteral("backup.write"),
                                  archiveError(a, QStringLiteral("cannot start ") + temp)));

        const QJsonObject tag{{QStringLiteral("format"), backupformat::formatName()},
                              {QStringLiteral("tool"), QStringLiteral("pmkv")},
                              {QStringLiteral("version"), QStringLiteral(PMKV_VERSION)},
                              {QStringLiteral("createdAt"), now.toString(Qt::ISODate)},
                              {QStringLiteral("source"), root},
                              {QStringLiteral("layout"), params.layout},
                              {QStringLiteral("fileCount"), int(files.size())}};
        if (auto r = writeEntry(a, backupformat::tagEntry(),
                                QJsonDocument(tag).toJson(QJsonDocument::Indented),
                                now.toSecsSinceEpoch());
            !r)
            return fail(r.error());

        for (const QString& rel : folders) {
            archive_entry* entry = archive_entry_new();
            const QByteArray path = (backupformat::dataPrefix() + rel + QLatin1Char('/')).toUtf8();
            archive_entry_set_pathname_utf8(entry, path.constData());
            archive_entry_set_filetype(entry, AE_IFDIR);
            archive_entry_set_perm(entry, 0755);
            const int rc = archive_write_header(a, entry);
            archive_entry_free(entry);
            if (rc != ARCHIVE_OK)
                return fail(makeError(QStringLiteral("backup.write"),
                                      archiveError(a, QStringLiteral("cannot write ") + rel)));
        }

        QJsonArray manifest;
        QByteArray buffer(256 * 1024, Qt::Uninitialized);
        for (const QString& rel : files) {
            QFile file(QDir(root).filePath(rel));
            if (!file.open(QIODevice::ReadOnly))
                return fail(makeError(QStringLiteral("backup.read"),
                                      QStringLiteral("cannot read ") + rel + QStringLiteral(": ") +
                                          file.errorString() +
                                          QStringLiteral(" (fix its permissions and retry)")));
            const QFileInfo info(file);
            archive_entry* entry = archive_entry_new();
            const QByteArray path = (backupformat::dataPrefix() + rel).toUtf8();
            archive_entry_set_pathname_utf8(entry, path.constData());
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_perm(entry, info.permissions() & QFileDevice::ExeOwner ? 0755 : 0644);
            archive_entry_set_size(entry, file.size());
            archive_entry_set_mtime(entry, info.lastModified().toSecsSinceEpoch(), 0);
            const int rc = archive_write_header(a, entry);
            archive_entry_free(entry);
            if (rc != ARCHIVE_OK)
                return fail(makeError(QStringLiteral("backup.write"),
                                      archiveError(a, QStringLiteral("cannot write ") + rel)));
            QCryptographicHash hash(QCryptographicHash::Sha256);
            qint64 size = 0;
            while (true) {
                const qint64 n = file.read(buffer.data(), buffer.size());
                if (n < 0)
                    return fail(makeError(QStringLiteral("backup.read"),
                                          QStringLiteral("cannot read ") + rel +
                                              QStringLiteral(": ") + file.errorString()));
                if (n == 0)
                    break;
                hash.addData(QByteArrayView(buffer.constData(), n));
                size += n;
                if (archive_write_data(a, buffer.constData(), size_t(n)) < 0)
                    return fail(makeError(QStringLiteral("backup.write"),
                                          archiveError(a, QStringLiteral("cannot write ") + rel +
                                                              QStringLiteral(" into ") + temp)));
            }
            manifest.append(QJsonObject{
                {QStringLiteral("path"), rel},
                {QStringLiteral("size"), size},
                {QStringLiteral("sha256"), QString::fromLatin1(hash.result().toHex())}});
            outcome.totalBytes += size;
        }
        const QJsonObject manifestDoc{{QStringLiteral("format"), backupformat::formatName()},
                                      {QStringLiteral("count"), int(files.size())},
                                      {QStringLiteral("files"), manifest}};
        if (auto r = writeEntry(a, backupformat::manifestEntry(),
                                QJsonDocument(manifestDoc).toJson(QJsonDocument::Indented),
                                now.toSecsSinceEpoch());
            !r)
            return fail(r.error());
        if (archive_write_close(a) != ARCHIVE_OK)
            return fail(makeError(QStringLiteral("backup.write"),
                                  archiveError(a, QStringLiteral("cannot finish ") + temp)));
    }
    if (::fsync(fd) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        return fail(makeError(QStringLiteral("backup.sync"),
                              QStringLiteral("cannot flush ") + temp + QStringLiteral(": ") + why));
    }
    ::close(fd);
    fdOpen = false;

    // Read it back before it gets its real name.
    auto check = BackupVerifier::verify(temp);
    if (!check || !check.value().valid)
        return fail(makeError(QStringLiteral("backup.verify"),
                              QStringLiteral("the archive written to ") + temp +
                                  QStringLiteral(" does not read back: ") +
                                  (check ? check.value().problems.join(QStringLiteral("; "))
                                         : check.error().message)));
    if (::rename(tempPath.constData(), QFile::encodeName(target).constData()) != 0)
        return fail(makeError(QStringLiteral("backup.rename"),
                              QStringLiteral("cannot rename ") + temp + QStringLiteral(" to ") +
                                  target + QStringLiteral(": ") +
                                  QString::fromLocal8Bit(std::strerror(errno))));
    filesync::syncFolder(QFileInfo(target).absolutePath());

    outcome.archivePath = target;
    outcome.fileCount = int(files.size());
    auto digest = filesync::sha256OfFile(target);
    if (digest)
        outcome.archiveSha256 = QString::fromLatin1(digest.value());
    return outcome;
}

} // namespace pmkv
