// The reading side of Journal: opening a run's journal without writing to it, and listing the
// runs under a folder.
#include "jobs/journal.h"

#include "jobs/jobpaths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace pmkv {

namespace {

// Where an unreadable journal is and what to do, as data: `path` the file, `runId` the run its
// name records (a front end lists it, a migration refuses naming it).
NextStep stepFor(NextStep::Action action, const QString& path)
{
    NextStep step = NextStep::forPath(action, path);
    step.runId = QFileInfo(path).completeBaseName();
    return step;
}

// A journal that a reader cannot open or read: why, in words, and what to do about it.
Error unreadable(const QString& path, const QSqlError& error)
{
    // SQLITE_BUSY (5) / SQLITE_LOCKED (6): its writer holds it, e.g. while the run closes it.
    const QString native = error.nativeErrorCode();
    if (native == QLatin1String("5") || native == QLatin1String("6"))
        return makeError(QStringLiteral("journal.busy"),
                         QStringLiteral("the journal %1 cannot be read now: the run writing it "
                                        "holds it locked (%2); look again in a moment")
                             .arg(path, error.text()),
                         stepFor(NextStep::Action::ShowStatus, path));
    // SQLite says only "unable to open database file" for a file its reader may not open.
    if (!QFileInfo(path).isReadable())
        return makeError(QStringLiteral("journal.denied"),
                         QStringLiteral("the journal %1 cannot be read: permission denied (%2). "
                                        "Give its owner read and write access (chmod 600) or "
                                        "move it out of the runs folder")
                             .arg(path, error.text()),
                         stepFor(NextStep::Action::FixFile, path));
    return makeError(QStringLiteral("journal.unreadable"),
                     QStringLiteral("the journal %1 cannot be read: %2. The file is damaged or "
                                    "is not a journal; nothing can resume or undo that run. "
                                    "Restore it from a copy or move it out of the runs folder")
                         .arg(path, error.text()),
                     stepFor(NextStep::Action::FixFile, path));
}

} // namespace

Result<std::unique_ptr<Journal>> Journal::openForReading(const QString& path)
{
    if (!QFileInfo::exists(path))
        return missing(path);
    // Read-only: no journal_mode, synchronous or CREATE TABLE (the writer set them), and
    // SQLite does not checkpoint the log when a read-only connection closes.
    std::unique_ptr<Journal> journal = withConnection(
        path, QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(kReadBusyMs));
    journal->m_readOnly = true;
    QSqlDatabase db = QSqlDatabase::database(journal->m_connectionName, false);
    if (!db.open())
        return unreadable(path, db.lastError());
    // SQLite reads the file at the first statement: a damaged file or a locked one shows here.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM run")))
        return unreadable(path, q.lastError());
    return journal;
}

Result<std::unique_ptr<Journal>> Journal::openRunForReading(const JobPaths& paths,
                                                            const QString& runId)
{
    return openForReading(paths.journalPath(runId));
}

Journal::Listing Journal::scanRuns(const JobPaths& paths)
{
    Listing listing;
    const QStringList files =
        QDir(paths.runsFolder()).entryList({QStringLiteral("*.sqlite")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        auto journal = openForReading(paths.runsFolder() + QLatin1Char('/') + file);
        if (!journal) {
            listing.unreadable.append(journal.error());
            continue;
        }
        auto run = journal.value()->readRun();
        if (run)
            listing.runs.append(std::move(run).value());
        else
            listing.unreadable.append(run.error());
    }
    std::sort(listing.runs.begin(), listing.runs.end(),
              [](const JournalRun& a, const JournalRun& b) { return a.id < b.id; });
    return listing;
}

QVector<JournalRun> Journal::listRuns(const JobPaths& paths)
{
    return scanRuns(paths).runs;
}

JournalRun Journal::run() const
{
    auto read = readRun();
    if (read)
        return std::move(read).value();
    JournalRun run;
    run.path = m_path;
    return run;
}

Result<JournalRun> Journal::readRun() const
{
    JournalRun run;
    run.path = m_path;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (!q.exec(QStringLiteral(
            "SELECT id, kind, params, state, message, parent, created, updated FROM run")))
        return unreadable(m_path, q.lastError());
    if (!q.next() || q.value(0).toString().isEmpty())
        return makeError(QStringLiteral("journal.unreadable"),
                         QStringLiteral("the journal %1 cannot be read: it records no run (not "
                                        "a journal, or one whose run was killed as it started "
                                        "and wrote nothing); move it out of the runs folder")
                             .arg(m_path),
                         stepFor(NextStep::Action::FixFile, m_path));
    run.id = q.value(0).toString();
    run.kind = q.value(1).toString();
    run.params = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
    run.state = journalRunStateFromName(q.value(3).toString());
    run.message = q.value(4).toString();
    run.parentRunId = q.value(5).toString();
    run.createdAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    run.updatedAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
    return run;
}

} // namespace pmkv
