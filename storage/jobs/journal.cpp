#include "jobs/journal.h"

#include "core/logging.h"
#include "files/sha256.h"
#include "jobs/filesync.h"
#include "jobs/jobpaths.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <unistd.h>

namespace pmkv {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Error sqlError(const QString& path, const QString& what, const QSqlError& error)
{
    return makeError(QStringLiteral("journal.sql"),
                     QStringLiteral("journal %1: cannot %2: %3. Check that the disk is not full "
                                    "and that no other program locks the file.")
                         .arg(path, what, error.text()));
}

JournalBatch::State batchStateFromName(const QString& name)
{
    if (name == QLatin1String("done"))
        return JournalBatch::State::Done;
    if (name == QLatin1String("undone"))
        return JournalBatch::State::Undone;
    return JournalBatch::State::Pending;
}

// 2 adds the previous value's absolute expiry; 1 is still read (no absolute expiry).
constexpr quint32 kEntriesFormat = 2;

QByteArray encodeEntries(const QVector<JournalEntry>& entries)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << kEntriesFormat << quint32(entries.size());
    for (const JournalEntry& e : entries) {
        out << e.key << quint8(e.op == JournalEntry::Op::Delete ? 1 : 0) << e.newHash
            << e.hasNewValue << (e.hasNewValue ? e.newValue : QByteArray()) << e.newPttl
            << e.previous.type << (e.previous.isString() ? e.previous.value : QByteArray())
            << e.previous.pttl << e.previous.expireAtMs;
    }
    return bytes;
}

bool decodeEntries(const QByteArray& bytes, QVector<JournalEntry>& entries)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    quint32 format = 0;
    quint32 count = 0;
    in >> format >> count;
    if (format != kEntriesFormat && format != 1)
        return false;
    entries.reserve(int(count));
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        JournalEntry e;
        quint8 op = 0;
        in >> e.key >> op >> e.newHash >> e.hasNewValue >> e.newValue >> e.newPttl >>
            e.previous.type >> e.previous.value >> e.previous.pttl;
        if (format >= 2)
            in >> e.previous.expireAtMs;
        e.op = op == 1 ? JournalEntry::Op::Delete : JournalEntry::Op::Set;
        entries.append(std::move(e));
    }
    return in.status() == QDataStream::Ok && quint32(entries.size()) == count;
}

} // namespace

QByteArray stateHash(const PreviousValue& value)
{
    if (!value.existed())
        return QByteArray();
    if (!value.isString())
        return QByteArray("type:") + value.type.toLatin1();
    return Sha256::hex(value.value);
}

QString journalRunStateName(JournalRun::State state)
{
    switch (state) {
    case JournalRun::State::Running:
        return QStringLiteral("running");
    case JournalRun::State::Done:
        return QStringLiteral("done");
    case JournalRun::State::Failed:
        return QStringLiteral("failed");
    case JournalRun::State::Cancelled:
        return QStringLiteral("cancelled");
    case JournalRun::State::Undone:
        return QStringLiteral("undone");
    }
    return QStringLiteral("running");
}

JournalRun::State journalRunStateFromName(const QString& name)
{
    for (auto s : {JournalRun::State::Running, JournalRun::State::Done, JournalRun::State::Failed,
                   JournalRun::State::Cancelled, JournalRun::State::Undone}) {
        if (journalRunStateName(s) == name)
            return s;
    }
    return JournalRun::State::Running;
}

QString journalBatchStateName(JournalBatch::State state)
{
    switch (state) {
    case JournalBatch::State::Pending:
        return QStringLiteral("pending");
    case JournalBatch::State::Done:
        return QStringLiteral("done");
    case JournalBatch::State::Undone:
        return QStringLiteral("undone");
    }
    return QStringLiteral("pending");
}

Journal::Journal(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

Journal::~Journal()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Journal::newRunId(const QString& kind)
{
    const QString time =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz"));
    const quint32 salt = QRandomGenerator::global()->generate() & 0xffffu;
    return QStringLiteral("%1Z-%2-%3").arg(time, kind).arg(salt, 4, 16, QLatin1Char('0'));
}

QString Journal::kindOfRunId(const QString& runId)
{
    const qsizetype first = runId.indexOf(QLatin1Char('-'));
    const qsizetype last = runId.lastIndexOf(QLatin1Char('-'));
    if (first < 0 || last <= first + 1 || !runId.left(first).endsWith(QLatin1Char('Z')))
        return QString();
    return runId.mid(first + 1, last - first - 1);
}

std::unique_ptr<Journal> Journal::withConnection(const QString& path, const QString& options)
{
    const QString name =
        QStringLiteral("pmkv-journal-%1").arg(g_connectionCounter.fetchAndAddOrdered(1));
    std::unique_ptr<Journal> journal(new Journal(path, name));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(options);
    return journal;
}

Error Journal::missing(const QString& path)
{
    return makeError(
        QStringLiteral("journal.missing"),
        QStringLiteral("no journal at %1: no run of that id was recorded here").arg(path),
        NextStep::forPath(NextStep::Action::ShowStatus, QString()));
}

Result<std::unique_ptr<Journal>> Journal::openFile(const QString& path, bool create)
{
    if (!create && !QFileInfo::exists(path))
        return missing(path);
    if (create && !filesync::makeFolders(QFileInfo(path).absolutePath(), filesync::kPrivateFolder))
        return makeError(QStringLiteral("journal.folder"),
                         QStringLiteral("cannot create the folder of the journal %1").arg(path));
    if (create) {
        // The journal holds whole values: readable by its owner only. SQLite gives its WAL
        // and shared-memory files the mode of the database file.
        const int fd = ::open(QFile::encodeName(path).constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, filesync::kPrivateFile);
        if (fd < 0)
            return makeError(QStringLiteral("journal.folder"),
                             QStringLiteral("cannot create the journal %1: %2")
                                 .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        ::close(fd);
    }
    std::unique_ptr<Journal> journal =
        withConnection(path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    QSqlDatabase db = QSqlDatabase::database(journal->m_connectionName, false);
    if (!db.open())
        return sqlError(path, QStringLiteral("open"), db.lastError());
    QSqlQuery q(db);
    // synchronous=FULL: every commit (a batch recorded) is fsynced in the WAL before it returns,
    // which is what makes "journal, then send" hold across kill -9 and power loss. The WAL is
    // checkpointed into the main file when the journal closes (and by SQLite past 64 MiB), not
    // every ~4 MiB: a checkpoint mid-run copies pages and fsyncs the main file while the
    // batches wait, and a run's journal is one file of its own.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                               "PRAGMA wal_autocheckpoint=16384", "PRAGMA foreign_keys=ON"}) {
        if (!q.exec(QLatin1String(pragma)))
            return sqlError(path, QLatin1String(pragma), q.lastError());
    }
    auto schema = journal->initSchema();
    if (!schema)
        return schema.error();
    return journal;
}

Result<void> Journal::initSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery q(db);
    const char* statements[] = {
        "CREATE TABLE IF NOT EXISTS run(id TEXT PRIMARY KEY, kind TEXT NOT NULL, params TEXT, "
        "state TEXT NOT NULL, message TEXT, parent TEXT, created TEXT, updated TEXT)",
        // A batch's entries are one serialized value (see encodeEntries): one row per batch
        // keeps journaling a 1,000-key batch at one insert and one fsync.
        "CREATE TABLE IF NOT EXISTS batch(id INTEGER PRIMARY KEY AUTOINCREMENT, state TEXT NOT "
        "NULL, created TEXT, updated TEXT, keys INTEGER NOT NULL DEFAULT 0, entries BLOB)",
    };
    for (const char* s : statements) {
        if (!q.exec(QLatin1String(s)))
            return sqlError(m_path, QStringLiteral("create its tables"), q.lastError());
    }
    return {};
}

Result<std::unique_ptr<Journal>> Journal::create(const JobPaths& paths, const QString& kind,
                                                 const QJsonObject& params,
                                                 const QString& parentRunId, const QString& runId)
{
    const QString id = runId.isEmpty() ? newRunId(kind) : runId;
    const QString path = paths.journalPath(id);
    const QString folder = QFileInfo(path).absolutePath();
    if (!filesync::makeFolders(folder, filesync::kPrivateFolder))
        return makeError(QStringLiteral("journal.folder"),
                         QStringLiteral("cannot create the folder of the journal %1").arg(path));
    // Made whole under a temporary name (not *.sqlite, so no reader lists it) and renamed into
    // place with its run recorded: a reader never meets a journal that records no run yet,
    // which it could not tell from a damaged one. A run killed meanwhile leaves the temporary
    // file and had written nothing to its target.
    const QString staging =
        folder + QLatin1Char('/') + QString::fromLatin1(filesync::temporaryName());
    auto made = recordRun(staging, id, kind, params, parentRunId);
    if (made)
        made = moveIntoPlace(staging, path);
    if (!made) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(staging + QLatin1String(suffix));
        return made.error();
    }
    filesync::syncFolder(folder);
    return open(path);
}

Result<void> Journal::recordRun(const QString& path, const QString& id, const QString& kind,
                                const QJsonObject& params, const QString& parentRunId)
{
    auto opened = openFile(path, true);
    if (!opened)
        return opened.error();
    std::unique_ptr<Journal> journal = std::move(opened).value();
    QSqlQuery q(QSqlDatabase::database(journal->m_connectionName));
    q.prepare(QStringLiteral("INSERT INTO run(id, kind, params, state, message, parent, created, "
                             "updated) VALUES(?, ?, ?, ?, '', ?, ?, ?)"));
    const QString now = nowText();
    q.addBindValue(id);
    q.addBindValue(kind);
    q.addBindValue(QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)));
    q.addBindValue(journalRunStateName(JournalRun::State::Running));
    q.addBindValue(parentRunId);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return sqlError(path, QStringLiteral("record the run"), q.lastError());
    // Everything into the one file before it is renamed (its log would keep the old name):
    // leaving WAL copies the log into the file and removes it. open() sets WAL again.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=DELETE")) || !q.next() ||
        q.value(0).toString() != QLatin1String("delete"))
        return sqlError(path, QStringLiteral("copy its log into the file"), q.lastError());
    return {};
}

Result<void> Journal::moveIntoPlace(const QString& staging, const QString& path)
{
    const QByteArray from = QFile::encodeName(staging);
    const QByteArray to = QFile::encodeName(path);
    // Never over another run's journal (a run id made twice).
    int renamed =
        ::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE);
    if (renamed != 0 && errno == EINVAL) { // a file system without RENAME_NOREPLACE
        if (QFileInfo::exists(path))
            errno = EEXIST;
        else
            renamed = ::rename(from.constData(), to.constData());
    }
    if (renamed != 0)
        return makeError(QStringLiteral("journal.folder"),
                         QStringLiteral("cannot create the journal %1: %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    return {};
}

Result<std::unique_ptr<Journal>> Journal::open(const QString& path)
{
    return openFile(path, false);
}

Result<std::unique_ptr<Journal>> Journal::openRun(const JobPaths& paths, const QString& runId)
{
    return open(paths.journalPath(runId));
}

Result<void> Journal::setState(JournalRun::State state, const QString& message)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("UPDATE run SET state = ?, message = ?, updated = ?"));
    q.addBindValue(journalRunStateName(state));
    q.addBindValue(message);
    q.addBindValue(nowText());
    if (!q.exec())
        return sqlError(m_path, QStringLiteral("record the run's state"), q.lastError());
    return {};
}

Result<void> Journal::updateParams(const QJsonObject& params)
{
    QJsonObject merged = run().params;
    for (auto it = params.begin(); it != params.end(); ++it)
        merged.insert(it.key(), it.value());
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("UPDATE run SET params = ?, updated = ?"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(merged).toJson(QJsonDocument::Compact)));
    q.addBindValue(nowText());
    if (!q.exec())
        return sqlError(m_path, QStringLiteral("record the run's parameters"), q.lastError());
    return {};
}

Result<qint64> Journal::beginBatch(const QVector<JournalEntry>& entries,
                                   const QVector<qint64>& alsoMarkDone)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!db.transaction())
        return sqlError(m_path, QStringLiteral("start a transaction"), db.lastError());
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO batch(state, created, updated, keys, entries) VALUES(?, ?, ?, ?, ?)"));
    const QString now = nowText();
    q.addBindValue(journalBatchStateName(JournalBatch::State::Pending));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(qint64(entries.size()));
    QElapsedTimer t;
    t.start();
    const QByteArray encoded = encodeEntries(entries);
    const qint64 encodeNs = t.nsecsElapsed();
    q.addBindValue(encoded);
    if (!q.exec()) {
        const QSqlError error = q.lastError();
        db.rollback();
        return sqlError(m_path, QStringLiteral("record a batch"), error);
    }
    const qint64 batchId = q.lastInsertId().toLongLong();
    if (!alsoMarkDone.isEmpty()) {
        QSqlQuery d(db);
        d.prepare(QStringLiteral("UPDATE batch SET state = 'done', updated = ? WHERE id = ?"));
        for (const qint64 id : alsoMarkDone) {
            d.bindValue(0, now);
            d.bindValue(1, id);
            if (!d.exec()) {
                const QSqlError error = d.lastError();
                db.rollback();
                return sqlError(m_path, QStringLiteral("mark a batch done"), error);
            }
        }
    }
    const qint64 insertNs = t.nsecsElapsed();
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return sqlError(m_path, QStringLiteral("commit a batch"), error);
    }
    qCDebug(lcJobs) << "batch" << encoded.size() << "bytes: encode" << encodeNs / 1000
                    << "us insert" << (insertNs - encodeNs) / 1000 << "commit"
                    << (t.nsecsElapsed() - insertNs) / 1000;
    return batchId;
}

Result<void> Journal::setBatchState(qint64 batchId, JournalBatch::State state)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("UPDATE batch SET state = ?, updated = ? WHERE id = ?"));
    q.addBindValue(journalBatchStateName(state));
    q.addBindValue(nowText());
    q.addBindValue(batchId);
    if (!q.exec())
        return sqlError(m_path, QStringLiteral("mark a batch ") + journalBatchStateName(state),
                        q.lastError());
    if (q.numRowsAffected() != 1)
        return makeError(QStringLiteral("journal.batch"),
                         QStringLiteral("journal %1 has no batch %2").arg(m_path).arg(batchId));
    return {};
}

Result<void> Journal::markDone(qint64 batchId)
{
    return setBatchState(batchId, JournalBatch::State::Done);
}

Result<void> Journal::markDoneWith(qint64 batchId, const QVector<JournalEntry>& written)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral(
        "UPDATE batch SET state = ?, updated = ?, keys = ?, entries = ? WHERE id = ?"));
    q.addBindValue(journalBatchStateName(JournalBatch::State::Done));
    q.addBindValue(nowText());
    q.addBindValue(qint64(written.size()));
    q.addBindValue(encodeEntries(written));
    q.addBindValue(batchId);
    if (!q.exec())
        return sqlError(m_path, QStringLiteral("record what a batch wrote"), q.lastError());
    if (q.numRowsAffected() != 1)
        return makeError(QStringLiteral("journal.batch"),
                         QStringLiteral("journal %1 has no batch %2").arg(m_path).arg(batchId));
    return {};
}

Result<void> Journal::markUndone(qint64 batchId)
{
    return setBatchState(batchId, JournalBatch::State::Undone);
}

Result<void> Journal::checkpoint()
{
    if (m_readOnly)
        return makeError(QStringLiteral("journal.read-only"),
                         QStringLiteral("journal %1 was opened for reading: it does not "
                                        "checkpoint the log of the run writing it")
                             .arg(m_path));
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
        return sqlError(m_path, QStringLiteral("checkpoint its log"), q.lastError());
    return {};
}

Result<QVector<JournalBatch>> Journal::batches(bool onlyPending) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT id, state, created, entries FROM batch");
    if (onlyPending)
        sql += QStringLiteral(" WHERE state = 'pending'");
    sql += QStringLiteral(" ORDER BY id");
    if (!q.exec(sql))
        return sqlError(m_path, QStringLiteral("read its batches"), q.lastError());
    QVector<JournalBatch> result;
    while (q.next()) {
        JournalBatch batch;
        batch.id = q.value(0).toLongLong();
        batch.state = batchStateFromName(q.value(1).toString());
        batch.createdAt = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
        if (!decodeEntries(q.value(3).toByteArray(), batch.entries))
            return makeError(QStringLiteral("journal.corrupt"),
                             QStringLiteral("journal %1: batch %2 cannot be read back; the file "
                                            "is damaged")
                                 .arg(m_path)
                                 .arg(batch.id));
        result.append(std::move(batch));
    }
    return result;
}

Result<QSet<QByteArray>> Journal::journaledKeys() const
{
    auto all = batches(false);
    if (!all)
        return all.error();
    QSet<QByteArray> keys;
    for (const JournalBatch& batch : all.value()) {
        for (const JournalEntry& entry : batch.entries)
            keys.insert(entry.key);
    }
    return keys;
}

Result<Journal::Counts> Journal::counts() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (!q.exec(QStringLiteral("SELECT state, COUNT(*) FROM batch GROUP BY state")))
        return sqlError(m_path, QStringLiteral("count its batches"), q.lastError());
    Counts counts;
    while (q.next()) {
        const qint64 n = q.value(1).toLongLong();
        switch (batchStateFromName(q.value(0).toString())) {
        case JournalBatch::State::Pending:
            counts.pendingBatches = n;
            break;
        case JournalBatch::State::Done:
            counts.doneBatches = n;
            break;
        case JournalBatch::State::Undone:
            counts.undoneBatches = n;
            break;
        }
    }
    if (!q.exec(QStringLiteral("SELECT COALESCE(SUM(keys), 0) FROM batch")) || !q.next())
        return sqlError(m_path, QStringLiteral("count its keys"), q.lastError());
    counts.keys = q.value(0).toLongLong();
    return counts;
}

Result<QVector<UndoStep>> Journal::undoSteps() const
{
    auto all = batches(false);
    if (!all)
        return all.error();
    // Per key: the first write gives what to restore, the last write what the key holds now.
    std::map<QByteArray, UndoStep> steps;
    for (const JournalBatch& batch : all.value()) {
        if (batch.state == JournalBatch::State::Undone)
            continue;
        for (const JournalEntry& entry : batch.entries) {
            const QByteArray written =
                entry.op == JournalEntry::Op::Delete ? QByteArray() : entry.newHash;
            auto found = steps.find(entry.key);
            if (found == steps.end()) {
                UndoStep step;
                step.key = entry.key;
                step.restore = entry.previous;
                step.batchId = batch.id;
                found = steps.emplace(entry.key, step).first;
            } else {
                found->second.expectedHashes.clear();
            }
            found->second.expectedHashes.append(written);
            if (batch.state == JournalBatch::State::Pending) {
                // Perhaps never sent: the key may still hold what it held before this write.
                found->second.expectedHashes.append(stateHash(entry.previous));
            }
        }
    }
    QVector<UndoStep> result;
    result.reserve(int(steps.size()));
    for (auto& [key, step] : steps)
        result.append(std::move(step));
    return result;
}

} // namespace pmkv
