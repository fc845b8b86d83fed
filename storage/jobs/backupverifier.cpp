#include "jobs/backupverifier.h"

#include "core/utf8.h"
#include "jobs/backupformat.h"
#include "jobs/stagedfolder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

namespace pmkv {

namespace {

struct ReadArchive
{
    archive* a = archive_read_new();
    ~ReadArchive() { archive_read_free(a); }
};

struct FileSeen
{
    qint64 size = 0;
    QByteArray sha256Hex;
};

QString libarchiveText(archive* a)
{
    const char* text = archive_error_string(a);
    return text ? QString::fromLocal8Bit(text) : QStringLiteral("unreadable archive");
}

// A relative path that stays inside the target: no absolute path, no "..", no empty part.
bool isSafeRelative(const QByteArray& rel)
{
    if (rel.isEmpty() || rel.startsWith('/'))
        return false;
    for (const QByteArray& part : rel.split('/')) {
        if (part.isEmpty() || part == ".." || part == ".")
            return false;
    }
    return true;
}

// A manifest item's path as bytes: "pathBase64" where the name is not UTF-8.
QByteArray manifestPath(const QJsonObject& item)
{
    const QJsonValue base64 = item.value(QStringLiteral("pathBase64"));
    if (base64.isString())
        return QByteArray::fromBase64(base64.toString().toLatin1());
    return item.value(QStringLiteral("path")).toString().toUtf8();
}

// One pass over the archive. `sink` (may be null) gets each data file's relative path (the
// name's bytes) and bytes; returns the report.
using Sink = std::function<Result<void>(const QByteArray& rel, const QByteArray& bytes, int perm)>;

Result<BackupVerifier::Report> scan(const QString& path, const Sink& sink)
{
    if (!QFileInfo(path).isFile())
        return makeError(QStringLiteral("verify.open"),
                         path + QStringLiteral(" does not exist or is not a file."));
    ReadArchive reader;
    archive_read_support_filter_gzip(reader.a);
    archive_read_support_format_tar(reader.a);
    BackupVerifier::Report report;
    if (archive_read_open_filename(reader.a, QFile::encodeName(path).constData(), 256 * 1024) !=
        ARCHIVE_OK) {
        report.problems << path + QStringLiteral(": not a readable .tar.gz: ") +
                               libarchiveText(reader.a);
        return report;
    }
    QHash<QByteArray, FileSeen> seen;
    QVector<QByteArray> order;
    QByteArray manifestBytes;
    bool haveTag = false;
    bool haveManifest = false;
    archive_entry* entry = nullptr;
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    while (true) {
        const int rc = archive_read_next_header(reader.a, &entry);
        if (rc == ARCHIVE_EOF)
            break;
        if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
            report.problems << path + QStringLiteral(": the archive is damaged: ") +
                                   libarchiveText(reader.a);
            break;
        }
        // The name's bytes as written (archive_entry_pathname, whatever the locale; the _utf8
        // form is null for a name that is not UTF-8).
        const char* raw = archive_entry_pathname(entry);
        const char* utf8 = raw ? nullptr : archive_entry_pathname_utf8(entry);
        const QByteArray nameBytes(raw ? raw : utf8 ? utf8 : "");
        const QString name = escapedBytes(nameBytes);
        const bool isFile = archive_entry_filetype(entry) == AE_IFREG;
        QByteArray bytes;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        bool readFailed = false;
        while (isFile) {
            const la_ssize_t n = archive_read_data(reader.a, buffer.data(), size_t(buffer.size()));
            if (n < 0) {
                report.problems << name + QStringLiteral(": cannot be read from the archive (") +
                                       libarchiveText(reader.a) + QStringLiteral(")");
                readFailed = true;
                break;
            }
            if (n == 0)
                break;
            hash.addData(QByteArrayView(buffer.constData(), n));
            bytes.append(buffer.constData(), n);
        }
        if (readFailed)
            break;
        if (name == backupformat::tagEntry()) {
            const QJsonDocument doc = QJsonDocument::fromJson(bytes);
            haveTag = doc.isObject();
            report.tag = doc.object();
        } else if (name == backupformat::manifestEntry()) {
            haveManifest = true;
            manifestBytes = bytes;
        } else if (name.startsWith(backupformat::dataPrefix()) && isFile) {
            const QByteArray rel = nameBytes.mid(backupformat::dataPrefix().size());
            if (!isSafeRelative(rel)) {
                report.problems << name + QStringLiteral(": unsafe path in the archive");
                continue;
            }
            seen.insert(rel, FileSeen{bytes.size(), hash.result().toHex()});
            order << rel;
            if (sink) {
                if (auto r = sink(rel, bytes, int(archive_entry_perm(entry))); !r)
                    return r.error();
            }
        }
    }
    if (!haveTag)
        report.problems << backupformat::tagEntry() +
                               QStringLiteral(
                                   ": missing or not JSON (not a backup made by PMKV Studio?)");
    if (!haveManifest) {
        report.problems << backupformat::manifestEntry() +
                               QStringLiteral(": missing (the archive is incomplete)");
        return report;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(manifestBytes);
    if (!doc.isObject() || !doc.object().value(QStringLiteral("files")).isArray()) {
        report.problems << backupformat::manifestEntry() + QStringLiteral(": not valid JSON");
        return report;
    }
    const QJsonArray files = doc.object().value(QStringLiteral("files")).toArray();
    if (doc.object().value(QStringLiteral("count")).toInt(-1) != files.size())
        report.problems << backupformat::manifestEntry() +
                               QStringLiteral(": its count does not match its file list");
    QSet<QByteArray> listed;
    for (const QJsonValue& v : files) {
        const QJsonObject o = v.toObject();
        const QByteArray rel = manifestPath(o);
        const QString shown = escapedBytes(rel);
        listed.insert(rel);
        const auto found = seen.constFind(rel);
        if (found == seen.constEnd()) {
            report.problems << shown + QStringLiteral(": listed in the manifest but missing from "
                                                      "the archive");
            continue;
        }
        if (found->sha256Hex != o.value(QStringLiteral("sha256")).toString().toLatin1())
            report.problems << shown + QStringLiteral(": SHA-256 differs from the manifest (the "
                                                      "file or the manifest was changed)");
        else if (found->size != qint64(o.value(QStringLiteral("size")).toDouble(-1)))
            report.problems << shown + QStringLiteral(": size differs from the manifest");
        report.totalBytes += found->size;
    }
    for (const QByteArray& rel : std::as_const(order))
        if (!listed.contains(rel))
            report.problems << escapedBytes(rel) +
                                   QStringLiteral(": in the archive but not in the manifest");
    for (const QJsonValue& v : doc.object().value(QStringLiteral("notTaken")).toArray()) {
        const QJsonObject o = v.toObject();
        report.notTaken << escapedBytes(manifestPath(o)) + QStringLiteral(" (") +
                               o.value(QStringLiteral("reason")).toString() + QLatin1Char(')');
    }
    report.fileCount = int(seen.size());
    report.valid = report.problems.isEmpty();
    return report;
}

} // namespace

Result<BackupVerifier::Report> BackupVerifier::verify(const QString& archivePath)
{
    return scan(archivePath, {});
}

Result<BackupVerifier::RestoreOutcome>
BackupVerifier::restore(const QString& archivePath, const QString& target, bool overwrite)
{
    auto checked = verify(archivePath);
    if (!checked)
        return checked.error();
    if (!checked.value().valid)
        return makeError(QStringLiteral("restore.invalid"),
                         archivePath + QStringLiteral(" does not verify, nothing restored: ") +
                             checked.value().problems.join(QStringLiteral("; ")));
    const QDir dir(target);
    if (dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) &&
        !overwrite) {
        NextStep next = NextStep::forPath(NextStep::Action::RestoreOverwrite, archivePath);
        next.detail = target;
        return makeError(QStringLiteral("restore.exists"),
                         target + QStringLiteral(" exists and is not empty: restore into a new "
                                                 "folder, or replace the files it holds."),
                         next);
    }
    if (QFileInfo(target).exists() && !QFileInfo(target).isDir())
        return makeError(QStringLiteral("restore.exists"),
                         target + QStringLiteral(" exists and is not a folder."));
    // All or nothing: the folder is built beside the target and renamed into place.
    auto staged = StagedFolder::beside(target);
    if (!staged)
        return staged.error();
    StagedFolder& folder = *staged.value();
    if (overwrite) {
        if (auto kept = folder.keepTarget(); !kept)
            return kept.error();
    }
    RestoreOutcome outcome;
    outcome.target = QFileInfo(target).absoluteFilePath();
    auto written = scan(
        archivePath, [&](const QByteArray& rel, const QByteArray& bytes, int perm) -> Result<void> {
            if (auto r = folder.writeFile(rel, bytes, (perm & 0100) ? 0755 : 0644); !r)
                return r;
            ++outcome.fileCount;
            outcome.totalBytes += bytes.size();
            return {};
        });
    if (!written)
        return makeError(written.error().code, written.error().message +
                                                   QStringLiteral("; nothing was restored, ") +
                                                   target + QStringLiteral(" is as it was"));
    if (!written.value().valid)
        return makeError(QStringLiteral("restore.changed"),
                         archivePath +
                             QStringLiteral(" changed while it was restored, nothing "
                                            "was restored: ") +
                             written.value().problems.join(QStringLiteral("; ")));
    if (auto committed = folder.commit(); !committed)
        return committed.error();
    return outcome;
}

} // namespace pmkv
