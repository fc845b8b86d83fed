#include "files/pmreader.h"

#include "core/logging.h"
#include "core/textposition.h"
#include "core/utf8.h"
#include "core/workpool.h"
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
#include <QHash>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstring>
#include <functional>
#include <numeric>
#include <vector>
namespace pmkv {
namespace {

// One file to read: its entity, in the index's vector, and its problems. The file is found at
// the root's path + '/' + entity.relativePath: 100,000 absolute paths kept until the read ends
// would take 16 MB.
struct FileWork
{
    Entity& entity;
    QVector<Problem>& problems;
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

bool isSkippedFolder(const QString& name)
{
    return name == QLatin1String(".git") || name == QLatin1String("node_modules") ||
           name.startsWith(QLatin1Char('.'));
}

// The walk goes into a folder only if it is a real one (a link to a folder could loop) and
// not tooling or hidden.
bool isEntered(const FolderEntry& entry)
{
    return entry.isDir && !entry.symLink && entry.nameIsUtf8 && !isSkippedFolder(entry.name);
}

// A file the walk reads: a regular file, never a link (one rule for every command: backups
// do not follow links either), under a name that is text.
bool isRead(const FolderEntry& entry)
{
    return !entry.symLink && !entry.isDir && entry.isFile && entry.nameIsUtf8;
}

// Every folder the walk enters, listed before it starts: the walk then knows how many files
// there are, and their entities go straight into the index's vector, which never moves, rather
// than into a second copy first (40 MB for 100,000 files). The folder names are sorted in the
// order of the relative paths ("atlas-2/..." before "atlas/..."), so the index needs no sort
// of its entities afterwards.
class TreeListing
{
public:
    struct Folder
    {
        std::vector<FolderEntry> entries;
        bool readable = true;
    };

    explicit TreeListing(const std::function<bool()>& cancelled) : m_cancelled(cancelled) {}

    // The root here, each project's folders on the pool, which has nothing to read yet.
    void listTree(const QString& root, QThreadPool* pool)
    {
        QStringList projects;
        list(root, &projects);
        std::vector<TreeListing> parts(size_t(projects.size()), TreeListing(m_cancelled));
        std::vector<int> order(parts.size());
        std::iota(order.begin(), order.end(), 0);
        QtConcurrent::blockingMap(pool, order,
                                  [&](int i) { parts[size_t(i)].list(projects.at(i), nullptr); });
        for (TreeListing& part : parts) {
            m_files += part.m_files;
            m_folders.insert(part.m_folders);
        }
    }

    Folder take(const QString& absolute) { return m_folders.take(absolute); }
    qsizetype fileCount() const { return m_files; }

private:
    // Lists `absolute` and, unless `entered` collects them, the folders in it.
    void list(const QString& absolute, QStringList* entered)
    {
        if (m_cancelled())
            return;
        Folder folder;
        folder.entries = FolderListing::list(absolute, folder.readable);
        if (!std::is_sorted(folder.entries.cbegin(), folder.entries.cend(), inPathOrder))
            std::sort(folder.entries.begin(), folder.entries.end(), inPathOrder);
        for (const FolderEntry& entry : folder.entries) {
            if (isRead(entry)) {
                ++m_files;
            } else if (isEntered(entry)) {
                const QString path = absolute + QLatin1Char('/') + entry.name;
                if (entered)
                    entered->append(path);
                else
                    list(path, nullptr);
            }
        }
        m_folders.insert(absolute, std::move(folder));
    }

    const std::function<bool()>& m_cancelled;
    QHash<QString, Folder> m_folders;
    qsizetype m_files = 0;
};

// The walk: decides what every file is from where it stands, records skipped folders and
// folder-level problems. Depth 0 is the root, 1 a project, 2 an epic.
class Walker
{
public:
    // `listed` receives each folder's files once the folder is walked.
    using Listed = std::function<void(std::vector<FileWork>)>;

    // `index.entities` and `fileProblems` have room for every file the listing counted, so
    // neither moves while the files are read.
    Walker(PmIndex& index, std::vector<QVector<Problem>>& fileProblems, TreeListing& listing,
           Listed listed)
        : m_index(index), m_fileProblems(fileProblems), m_listing(listing),
          m_listed(std::move(listed))
    {
    }

    void walk(const QString& absolute, const QString& relative, int depth, const QString& project,
              const QString& epic)
    {
        const TreeListing::Folder folder = m_listing.take(absolute);
        const std::vector<FolderEntry>& entries = folder.entries;
        if (!folder.readable) {
            m_index.problems.append(Problem::error(
                relative.isEmpty() ? QStringLiteral(".") : relative,
                QStringLiteral("folder.unreadable"),
                QStringLiteral(
                    "folder cannot be read (permission denied); its files are not in the "
                    "scan: fix its permissions")));
            return;
        }
        bool sawMarker = depth == 0;
        std::vector<FileWork> files;
        for (const FolderEntry& info : entries) {
            const QString& name = info.name;
            const QString rel = relative.isEmpty() ? name : relative + QLatin1Char('/') + name;
            if (!info.nameIsUtf8) {
                m_index.problems.append(Problem::error(
                    rel, QStringLiteral("name.encoding"),
                    QStringLiteral("%1 name is not UTF-8 (shown escaped), so it cannot become a "
                                   "key and is not read; rename it (backups keep it as it is)")
                        .arg(info.isDir ? QStringLiteral("folder") : QStringLiteral("file"))));
                continue;
            }
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
                if (isSkippedFolder(name)) {
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
            if (info.symLink) {
                m_index.problems.append(Problem::warning(
                    rel, QStringLiteral("link.file"),
                    QStringLiteral("symbolic link to %1 is not followed: not read, not migrated, "
                                   "not backed up; copy the file in if it belongs to the data")
                        .arg(info.linkTarget)));
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
            if (m_index.entities.size() == m_index.entities.capacity())
                qFatal("pmkv: the walk found more files than its listing"); // never moves
            m_index.entities.append(Entity());
            m_fileProblems.emplace_back();
            FileWork item{m_index.entities.last(), m_fileProblems.back()};
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
            files.push_back(item);
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
    std::vector<QVector<Problem>>& m_fileProblems;
    TreeListing& m_listing;
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
    QStringList duplicates;
    qsizetype errorOffset = 0;
    auto value = JsStringify::fromJsonText(bytes, &notes, &errorOffset, &duplicates);
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
    // What the value the application stores loses or changes against the file: the scan says
    // it, as plans and reports do (they take the scan's problems).
    for (const QString& note : std::as_const(notes))
        item.problems.append(
            Problem::warning(e.relativePath, QStringLiteral("value.number"), note));
    for (const QString& note : std::as_const(duplicates))
        item.problems.append(
            Problem::warning(e.relativePath, QStringLiteral("json.duplicate-key"), note));
    if (!options.keepTitles)
        e.title = QString(); // freed at once, so the next file's allocations reuse it
    if (options.keepValues && e.parsed) {
        e.valueNotes = std::move(notes);
        e.hasValue = true;
        e.valueSize = value.value().size();
        if (options.hashValues)
            e.valueSha256 = Sha256::hex(value.value());
        // The bytes freed here are the next file's: no new memory from the kernel per file.
        if (!(options.hashOnlyValues && options.hashValues))
            e.value = std::move(value).value();
    }
}

} // namespace

Result<PmIndex> PmReader::read(const QString& root, const Options& options)
{
    const QFileInfo rootInfo(root);
    if (root.isEmpty()) // (no folder open: a wizard or a next step started without one)
        return makeError(QStringLiteral("root.missing"),
                         QStringLiteral("no pm/ folder given: open or name the pm/ folder first"));
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
    QElapsedTimer clock;
    clock.start();
    const std::function<bool()> cancelled = [&options] {
        return options.cancel && options.cancel->load();
    };
    QThreadPool* pool = options.pool ? options.pool : WorkPool::instance();
    TreeListing listing(cancelled);
    listing.listTree(index.root, pool);
    index.entities.reserve(listing.fileCount());
    std::vector<QVector<Problem>> fileProblems;
    fileProblems.reserve(size_t(listing.fileCount()));
    qCDebug(lcFiles) << "listed" << index.root << listing.fileCount() << "files in"
                     << clock.restart() << "ms";
    // Files are read, parsed and checked on the pool while the walk goes on: each folder's
    // files, in chunks, as soon as the folder is walked.
    std::vector<QFuture<void>> running;
    const QString rootPrefix = index.root + QLatin1Char('/');
    const auto process = [&options, &cancelled, &rootPrefix](const std::vector<FileWork>& chunk) {
        if (cancelled())
            return;
        std::vector<QByteArray> paths;
        paths.reserve(chunk.size());
        for (const FileWork& item : chunk)
            paths.push_back(QFile::encodeName(rootPrefix + item.entity.relativePath));
        FileBatchReader::read(paths, options.maxFileBytes,
                              [&](size_t i, const FileBatchReader::File& file) {
                                  FileWork item = chunk[i];
                                  processFile(item, file, options);
                              });
    };
    Walker(index, fileProblems, listing, [&](std::vector<FileWork> files) {
        if (cancelled())
            return;
        constexpr size_t kChunk = 128;
        for (size_t from = 0; from < files.size(); from += kChunk) {
            std::vector<FileWork> chunk(files.begin() + qsizetype(from),
                                        files.begin() +
                                            qsizetype(qMin(from + kChunk, files.size())));
            running.push_back(QtConcurrent::run(pool, process, std::move(chunk)));
        }
    }).walk(index.root, QString(), 0, QString(), QString());
    qCDebug(lcFiles) << "walked" << index.root << index.entities.size() << "files in"
                     << clock.restart() << "ms";
    for (QFuture<void>& f : running)
        f.waitForFinished();
    if (cancelled())
        return makeError(QStringLiteral("read.cancelled"),
                         QStringLiteral("reading %1 was cancelled").arg(index.root));

    qCDebug(lcFiles) << "read and checked in" << clock.restart() << "ms";
    for (qsizetype i = 0; i < index.entities.size(); ++i) {
        index.totalBytes += index.entities.at(i).size;
        index.problems += fileProblems[size_t(i)];
    }
    // TreeCheck looks at the entities only (no look-ups by path): one finish() after it.
    TreeCheck::run(index);
    index.finish();
    qCDebug(lcFiles) << "indexed in" << clock.restart() << "ms";
    return index;
}

} // namespace pmkv
