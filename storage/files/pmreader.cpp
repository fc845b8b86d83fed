#include "files/pmreader.h"

#include "core/logging.h"
#include "core/prefault.h"
#include "core/textposition.h"
#include "core/utf8.h"
#include "files/documentvalidator.h"
#include "files/filebatchreader.h"
#include "files/folderlisting.h"
#include "files/jsstringify.h"
#include "files/sha256.h"
#include "files/treecheck.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstring>
#include <deque>
#include <functional>
#include <vector>
namespace pmkv {
namespace {

// The file is found at the root's path + '/' + entity.relativePath: 100,000 absolute paths
// kept until the read ends would take 16 MB.
struct FileWork
{
    Entity entity;
    QVector<Problem> problems;
};

bool isJson(const QString& name)
{
    return name.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

QString stem(const QString& name)
{
    return name.left(name.size() - 5);
}

// Orders a folder's entries as their relative paths sort: a folder's name compares as if it
// ended in '/', the separator its files' paths continue with.
bool inPathOrder(const FolderEntry& a, const FolderEntry& b)
{
    const qsizetype common = std::min(a.name.size(), b.name.size());
    const int c = QStringView(a.name).left(common).compare(QStringView(b.name).left(common));
    if (c != 0)
        return c < 0;
    if (a.name.size() < b.name.size()) // a's name is where b's begins
        return !a.isDir || u'/' < b.name.at(common);
    if (b.name.size() < a.name.size())
        return b.isDir && a.name.at(common) < u'/';
    return false;
}

// The walk: decides what every file is from where it stands, records skipped folders and
// folder-level problems. Depth 0 is the root, 1 a project, 2 an epic.
class Walker
{
public:
    // `listed` receives each folder's files once the folder is listed (pointers stay valid:
    // a deque never moves its elements when it grows at the end).
    using Listed = std::function<void(std::vector<FileWork*>)>;

    Walker(PmIndex& index, std::deque<FileWork>& work, Listed listed)
        : m_index(index), m_work(work), m_listed(std::move(listed))
    {
    }

    void walk(const QString& absolute, const QString& relative, int depth, const QString& project,
              const QString& epic)
    {
        bool readable = true;
        std::vector<FolderEntry> entries = FolderListing::list(absolute, readable);
        // Walked in the order of the relative paths ("atlas-2/..." before "atlas/..."), so the
        // index needs no sort of its 100,000 entities afterwards.
        if (!std::is_sorted(entries.cbegin(), entries.cend(), inPathOrder))
            std::sort(entries.begin(), entries.end(), inPathOrder);
        if (!readable) {
            m_index.problems.append(Problem::error(
                relative.isEmpty() ? QStringLiteral(".") : relative,
                QStringLiteral("folder.unreadable"),
                QStringLiteral(
                    "folder cannot be read (permission denied); its files are not in the "
                    "scan: fix its permissions")));
            return;
        }
        bool sawMarker = depth == 0;
        std::vector<FileWork*> files;
        for (const FolderEntry& info : entries) {
            const QString& name = info.name;
            const QString rel = relative.isEmpty() ? name : relative + QLatin1Char('/') + name;
            if (info.symLink && !info.exists) {
                m_index.problems.append(Problem::error(
                    rel, QStringLiteral("link.broken"),
                    QStringLiteral(
                        "symbolic link points to \"%1\", which does not exist; remove or fix it")
                        .arg(info.linkTarget)));
                continue;
            }
            if (info.isDir) {
                if (info.symLink) {
                    m_index.skippedFolders << rel;
                    m_index.problems.append(Problem::warning(
                        rel, QStringLiteral("link.folder"),
                        QStringLiteral(
                            "symbolic link to a folder (%1) is not followed, so it cannot "
                            "loop; copy the folder in if it belongs to the data")
                            .arg(info.linkTarget)));
                    continue;
                }
                if (name == QLatin1String(".git") || name == QLatin1String("node_modules") ||
                    name.startsWith(QLatin1Char('.'))) {
                    m_index.skippedFolders << rel;
                    continue;
                }
                if (depth >= 2) {
                    m_index.problems.append(Problem::warning(
                        rel, QStringLiteral("folder.unexpected"),
                        QStringLiteral(
                            "folder inside an epic is not part of the data model; its files "
                            "are kept as non-data")));
                }
                walk(absolute + QLatin1Char('/') + name, rel, depth + 1,
                     depth == 0 ? name : project, depth == 1 ? name : epic);
                continue;
            }
            if (!info.isFile) {
                // A FIFO, socket or device would block or never end when read.
                m_index.problems.append(Problem::error(
                    rel, QStringLiteral("file.special"),
                    QStringLiteral("is not a regular file (a pipe, socket or device), so it was "
                                   "not read; move it out of the tree")));
                continue;
            }
            FileWork item;
            Entity& e = item.entity;
            e.relativePath = rel;
            e.project = project;
            e.epic = epic;
            e.kind = classify(name, depth);
            if (e.kind == EntityKind::Story)
                e.story = stem(name);
            if ((depth == 1 && name == QLatin1String("project.json")) ||
                (depth == 2 && name == QLatin1String("epic.json")))
                sawMarker = true;
            if (e.kind == EntityKind::NonData && isJson(name))
                item.problems.append(Problem::warning(
                    rel, QStringLiteral("file.unexpected-json"),
                    QStringLiteral("JSON file in a place the data model has no entity for; kept as "
                                   "non-data")));
            if (info.symLink)
                item.problems.append(
                    Problem::warning(rel, QStringLiteral("link.file"),
                                     QStringLiteral("symbolic link to %1; its target is read")
                                         .arg(info.linkTarget)));
            m_work.push_back(std::move(item));
            files.push_back(&m_work.back());
        }
        if (!files.empty())
            m_listed(std::move(files));
        if (!sawMarker && depth <= 2) {
            const bool isProject = depth == 1;
            m_index.problems.append(Problem::warning(
                relative,
                isProject ? QStringLiteral("project.missing") : QStringLiteral("epic.missing"),
                isProject
                    ? QStringLiteral("folder has no project.json, so it is not a project; add one "
                                     "or move the folder out of the tree")
                    : QStringLiteral(
                          "folder has no epic.json, so its stories belong to no epic; add "
                          "one or move the folder out of the tree")));
        }
    }

private:
    static EntityKind classify(const QString& name, int depth)
    {
        if (!isJson(name))
            return EntityKind::NonData;
        if (depth == 0)
            return name == QLatin1String("people.json") ? EntityKind::People : EntityKind::NonData;
        if (depth == 1)
            return name == QLatin1String("project.json") ? EntityKind::Project
                                                         : EntityKind::NonData;
        if (depth == 2)
            return name == QLatin1String("epic.json") ? EntityKind::Epic : EntityKind::Story;
        return EntityKind::NonData;
    }

    PmIndex& m_index;
    std::deque<FileWork>& m_work;
    Listed m_listed;
};

void reportParseError(FileWork& item, QByteArrayView bytes, const Error& error, qsizetype offset)
{
    Entity& e = item.entity;
    const TextPosition at = TextPosition::fromOffset(bytes, offset);
    // JsStringify's message starts with "line L, column C: "; the Problem carries those already.
    QString detail = error.message;
    const qsizetype afterPosition = detail.indexOf(QStringLiteral(": "));
    if (afterPosition >= 0)
        detail = detail.mid(afterPosition + 2);
    item.problems.append(
        Problem::error(e.relativePath, QStringLiteral("json.parse"),
                       QStringLiteral("not valid JSON: %1; fix the file in an editor").arg(detail),
                       at.line, at.column));
}

bool isBlank(QByteArrayView bytes)
{
    return std::all_of(bytes.cbegin(), bytes.cend(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    });
}

void checkContent(FileWork& item, QByteArrayView bytes, const PmReader::Options& options);

// Checks one file read by FileBatchReader. `file.bytes` lives only during the call: the entity
// keeps a copy of them (Entity::raw) unless the caller keeps just the value.
void processFile(FileWork& item, const FileBatchReader::File& file,
                 const PmReader::Options& options)
{
    const qint64 maxFileBytes = options.maxFileBytes;
    Entity& e = item.entity;
    e.size = file.size;
    if (file.tooLarge) {
        item.problems.append(Problem::error(
            e.relativePath, QStringLiteral("file.too-large"),
            QStringLiteral(
                "file is %1 MiB, over the %2 MiB limit; it was not read. Split it, or raise "
                "the limit if it really is data")
                .arg(double(file.size) / (1024.0 * 1024.0), 0, 'f', 1)
                .arg(maxFileBytes / (1024 * 1024))));
        return;
    }
    if (file.error != 0) {
        item.problems.append(
            Problem::error(e.relativePath, QStringLiteral("file.unreadable"),
                           QStringLiteral("cannot be read (%1); fix its permissions")
                               .arg(QString::fromLocal8Bit(std::strerror(file.error)))));
        return;
    }
    e.readable = true;
    checkContent(item, file.bytes, options);
    // Only a caller that keeps the values may drop the bytes, and only of a file that has one.
    if (options.keepRaw || !e.hasValue)
        e.raw = file.bytes.toByteArray();
}

// The content checks of one file that was read: hash, emptiness, JSON, fields.
void checkContent(FileWork& item, QByteArrayView bytes, const PmReader::Options& options)
{
    Entity& e = item.entity;
    if (options.hashFiles)
        e.sha256Hex = Sha256::hex(bytes);
    if (!e.isData())
        return;
    if (isBlank(bytes)) {
        item.problems.append(
            Problem::error(e.relativePath, QStringLiteral("file.empty"),
                           QStringLiteral("file is empty; expected a JSON %1")
                               .arg(e.kind == EntityKind::People ? QStringLiteral("array")
                                                                 : QStringLiteral("object"))));
        return;
    }
    // One parse: JsStringify checks the syntax and the UTF-8 (the same rules as
    // firstInvalidUtf8) and writes the value the application would store; the field checks read
    // that compact text. Only a file it refuses is looked at again, to say why precisely.
    QStringList notes;
    qsizetype errorOffset = 0;
    auto value = JsStringify::fromJsonText(bytes, &notes, &errorOffset);
    if (!value) {
        const qsizetype badByte = firstInvalidUtf8(bytes);
        if (badByte >= 0) {
            const TextPosition at = TextPosition::fromOffset(bytes, badByte);
            item.problems.append(
                Problem::error(e.relativePath, QStringLiteral("file.encoding"),
                               QStringLiteral("not UTF-8 (byte 0x%1); re-save the file as UTF-8")
                                   .arg(quint8(bytes.at(badByte)), 2, 16, QLatin1Char('0')),
                               at.line, at.column));
        } else if (bytes.startsWith("\xEF\xBB\xBF")) {
            item.problems.append(Problem::error(
                e.relativePath, QStringLiteral("file.bom"),
                QStringLiteral(
                    "starts with a byte-order mark, which JSON.parse rejects; save without BOM"),
                1, 1));
        } else {
            reportParseError(item, bytes, value.error(), errorOffset);
        }
        return;
    }
    DocumentValidator::validate(e, value.value(), item.problems);
    if (!options.keepTitles)
        e.title = QString(); // freed at once, so the next file's allocations reuse it
    if (options.keepValues && e.parsed) {
        e.value = std::move(value).value();
        e.valueNotes = std::move(notes);
        e.hasValue = true;
        if (options.hashValues)
            e.valueSha256 = Sha256::hex(e.value);
    }
}

} // namespace

Result<PmIndex> PmReader::read(const QString& root, const Options& options)
{
    const QFileInfo rootInfo(root);
    if (!rootInfo.exists())
        return makeError(
            QStringLiteral("root.missing"),
            QStringLiteral("%1: no such folder; give the path of a pm/ folder").arg(root));
    if (!rootInfo.isDir())
        return makeError(
            QStringLiteral("root.not-folder"),
            QStringLiteral("%1: is a file, not a folder; give the path of a pm/ folder").arg(root));
    if (!rootInfo.isReadable())
        return makeError(QStringLiteral("root.unreadable"),
                         QStringLiteral("%1: folder cannot be read (permission denied)").arg(root));

    PmIndex index;
    index.root = rootInfo.absoluteFilePath();
    std::deque<FileWork> work;
    QElapsedTimer clock;
    clock.start();
    // Files are read, parsed and checked on the pool while the walk goes on: each folder's
    // files, in chunks, as soon as the folder is listed.
    QThreadPool* pool = options.pool ? options.pool : QThreadPool::globalInstance();
    std::vector<QFuture<void>> running;
    const auto cancelled = [&options] { return options.cancel && options.cancel->load(); };
    const QString rootPrefix = index.root + QLatin1Char('/');
    const auto process = [&options, &cancelled, &rootPrefix](const std::vector<FileWork*>& chunk) {
        if (cancelled())
            return;
        std::vector<QByteArray> paths;
        paths.reserve(chunk.size());
        for (const FileWork* item : chunk)
            paths.push_back(QFile::encodeName(rootPrefix + item->entity.relativePath));
        FileBatchReader::read(paths, options.maxFileBytes,
                              [&](size_t i, const FileBatchReader::File& file) {
                                  processFile(*chunk[i], file, options);
                              });
    };
    Walker(index, work, [&](std::vector<FileWork*> files) {
        if (cancelled())
            return;
        constexpr size_t kChunk = 128;
        for (size_t from = 0; from < files.size(); from += kChunk) {
            std::vector<FileWork*> chunk(files.begin() + qsizetype(from),
                                         files.begin() +
                                             qsizetype(qMin(from + kChunk, files.size())));
            running.push_back(QtConcurrent::run(pool, process, std::move(chunk)));
        }
    }).walk(index.root, QString(), 0, QString(), QString());
    qCDebug(lcFiles) << "walked" << index.root << work.size() << "files in" << clock.restart()
                     << "ms";
    for (QFuture<void>& f : running)
        f.waitForFinished();
    if (cancelled())
        return makeError(QStringLiteral("read.cancelled"),
                         QStringLiteral("reading %1 was cancelled").arg(index.root));

    qCDebug(lcFiles) << "read and checked in" << clock.restart() << "ms";
    // Moved in path order (the walk's), so finish() need not sort (and copy) 100,000 entities.
    std::vector<FileWork*> byPath;
    byPath.reserve(work.size());
    for (FileWork& item : work)
        byPath.push_back(&item);
    const auto byRelativePath = [](const FileWork* a, const FileWork* b) {
        return a->entity.relativePath < b->entity.relativePath;
    };
    if (!std::is_sorted(byPath.cbegin(), byPath.cend(), byRelativePath)) // the walk's order
        std::sort(byPath.begin(), byPath.end(), byRelativePath);
    index.entities.reserve(qsizetype(work.size()));
    const auto prefaulting = Prefault::laterHalfOfSpareCapacity(index.entities); // 40 MB fresh
    for (FileWork* item : byPath) {
        index.totalBytes += item->entity.size;
        index.problems += item->problems;
        index.entities.append(std::move(item->entity));
    }
    // TreeCheck looks at the entities only (no look-ups by path): one finish() after it.
    TreeCheck::run(index);
    index.finish();
    qCDebug(lcFiles) << "indexed in" << clock.restart() << "ms";
    return index;
}

} // namespace pmkv
