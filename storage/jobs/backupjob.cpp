#include "jobs/backupjob.h"

#include "core/utf8.h"
#include "jobs/backupformat.h"
#include "jobs/backupverifier.h"
#include "jobs/filesync.h"
#include "jobs/treewalk.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
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

    // Every entry by its names' bytes, never following a symbolic link. What cannot be taken
    // (links, pipes and devices, unreadable files or folders) is listed, in the manifest too.
    Outcome outcome;
    QVector<QByteArray> files;
    QVector<QByteArray> folders;
    QJsonArray notTaken;
    auto leaveOut = [&](const QByteArray& rel, const QString& why) {
        const QString shown = escapedBytes(rel);
        outcome.skipped << shown + QStringLiteral(" (") + why + QLatin1Char(')');
        QJsonObject item{{QStringLiteral("path"), shown}, {QStringLiteral("reason"), why}};
        if (firstInvalidUtf8(rel) >= 0)
            item.insert(QStringLiteral("pathBase64"), QString::fromLatin1(rel.toBase64()));
        notTaken.append(item);
    };
    const QByteArray rootBytes = QFile::encodeName(root);
    for (const TreeWalk::Entry& entry : TreeWalk::list(rootBytes)) {
        switch (entry.kind) {
        case TreeWalk::Entry::Kind::File:
            files << entry.path;
            break;
        case TreeWalk::Entry::Kind::Folder:
            folders << entry.path;
            break;
        case TreeWalk::Entry::Kind::Link:
            leaveOut(entry.path,
                     QStringLiteral("symbolic link to %1, not followed").arg(entry.detail));
            break;
        case TreeWalk::Entry::Kind::Special:
            leaveOut(entry.path, QStringLiteral("not a regular file: a pipe, socket or device"));
            break;
        case TreeWalk::Entry::Kind::Unreadable:
            leaveOut(entry.path, QStringLiteral("cannot be read: %1").arg(entry.detail));
            break;
        }
    }

    // A temporary name no longer than the archive's (filesync::temporaryName()).
    QByteArray tempPath;
    const int fd = filesync::createTemporary(QFile::encodeName(QFileInfo(target).absolutePath()),
                                             0644, tempPath);
    const QString temp = QFile::decodeName(tempPath);
    if (fd < 0)
        return makeError(QStringLiteral("backup.open"),
                         QStringLiteral("cannot create a file beside ") + target +
                             QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno)));
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

        for (const QByteArray& rel : std::as_const(folders)) {
            archive_entry* entry = archive_entry_new();
            // The name's bytes as they are (a pax "hdrcharset=BINARY" entry when they are not
            // UTF-8): archive_entry_set_pathname, not the _utf8 form, which refuses them.
            const QByteArray path = backupformat::dataPrefix().toUtf8() + rel + '/';
            archive_entry_set_pathname(entry, path.constData());
            archive_entry_set_filetype(entry, AE_IFDIR);
            archive_entry_set_perm(entry, 0755);
            const int rc = archive_write_header(a, entry);
            archive_entry_free(entry);
            if (rc < ARCHIVE_WARN)
                return fail(makeError(
                    QStringLiteral("backup.write"),
                    archiveError(a, QStringLiteral("cannot write ") + escapedBytes(rel))));
        }

        QJsonArray manifest;
        QByteArray buffer(256 * 1024, Qt::Uninitialized);
        for (const QByteArray& rel : std::as_const(files)) {
            const QString shown = escapedBytes(rel);
            const QByteArray source = rootBytes + '/' + rel;
            const int in =
                ::open(source.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
            struct stat info
            {
            };
            if (in < 0 || ::fstat(in, &info) != 0 || !S_ISREG(info.st_mode)) {
                leaveOut(rel, QStringLiteral("cannot be read: %1")
                                  .arg(QString::fromLocal8Bit(std::strerror(errno))));
                if (in >= 0)
                    ::close(in);
                continue;
            }
            const auto closeInput = qScopeGuard([in] { ::close(in); });
            archive_entry* entry = archive_entry_new();
            const QByteArray path = backupformat::dataPrefix().toUtf8() + rel;
            archive_entry_set_pathname(entry, path.constData());
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_perm(entry, (info.st_mode & S_IXUSR) ? 0755 : 0644);
            archive_entry_set_size(entry, info.st_size);
            archive_entry_set_mtime(entry, info.st_mtim.tv_sec, 0);
            const int rc = archive_write_header(a, entry);
            archive_entry_free(entry);
            if (rc < ARCHIVE_WARN)
                return fail(makeError(QStringLiteral("backup.write"),
                                      archiveError(a, QStringLiteral("cannot write ") + shown)));
            QCryptographicHash hash(QCryptographicHash::Sha256);
            qint64 size = 0;
            while (size < info.st_size) {
                const ssize_t n = ::read(in, buffer.data(),
                                         size_t(qMin<qint64>(buffer.size(), info.st_size - size)));
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0)
                    return fail(makeError(QStringLiteral("backup.read"),
                                          QStringLiteral("cannot read ") + shown +
                                              QStringLiteral(": ") +
                                              (n < 0 ? QString::fromLocal8Bit(std::strerror(errno))
                                                     : QStringLiteral("it shrank while it was "
                                                                      "read"))));
                hash.addData(QByteArrayView(buffer.constData(), n));
                size += n;
                if (archive_write_data(a, buffer.constData(), size_t(n)) < 0)
                    return fail(makeError(QStringLiteral("backup.write"),
                                          archiveError(a, QStringLiteral("cannot write ") + shown +
                                                              QStringLiteral(" into ") + temp)));
            }
            QJsonObject item{
                {QStringLiteral("path"), shown},
                {QStringLiteral("size"), size},
                {QStringLiteral("sha256"), QString::fromLatin1(hash.result().toHex())}};
            if (firstInvalidUtf8(rel) >= 0)
                item.insert(QStringLiteral("pathBase64"), QString::fromLatin1(rel.toBase64()));
            manifest.append(item);
            outcome.totalBytes += size;
            ++outcome.fileCount;
        }
        const QJsonObject manifestDoc{{QStringLiteral("format"), backupformat::formatName()},
                                      {QStringLiteral("count"), int(manifest.size())},
                                      {QStringLiteral("files"), manifest},
                                      {QStringLiteral("notTaken"), notTaken}};
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
    auto digest = filesync::sha256OfFile(target);
    if (digest)
        outcome.archiveSha256 = QString::fromLatin1(digest.value());
    return outcome;
}

} // namespace pmkv
