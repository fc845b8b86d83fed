#include "sync/syncwatcher.h"

#include "diff/diffsidebuilder.h"
#include "diff/sidecomparer.h"
#include "sync/syncrunner.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace pmkv {

SyncWatcher::SyncWatcher(QString root, KeyLayout layout, SyncTarget& target, JobPaths paths,
                         Options options, QObject* parent)
    : QObject(parent), m_root(QDir(root).absolutePath()), m_layout(std::move(layout)),
      m_target(target), m_paths(std::move(paths)), m_options(options)
{
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &SyncWatcher::pass);
    m_poll.setInterval(m_options.pollMs);
    connect(&m_poll, &QTimer::timeout, this, &SyncWatcher::poll);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &SyncWatcher::onChanged);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &SyncWatcher::onChanged);
}

void SyncWatcher::log(const QString& line)
{
    Q_EMIT logged(line);
}

bool SyncWatcher::start(const DiffSide& keySpace)
{
    auto folder = DiffSideBuilder::fromFolder(m_root, m_layout);
    if (!folder) {
        log(QStringLiteral("cannot read %1: %2").arg(m_root, folder.error().message));
        return false;
    }
    m_folder = std::move(folder.value());
    for (const SideEntry& e : keySpace.entries)
        m_kvKnown.insert(e.key, e.value);
    const DiffReport report = SideComparer::compare(m_folder, keySpace, {});
    for (const EntityDiff& d : report.entities) {
        if (d.isDifferent())
            log(QStringLiteral("at start: %1 is %2 (left as is: a sync aligns it)")
                    .arg(entityTitle(d.ref), QString::fromLatin1(comparisonKey(d.state))));
    }
    watchTree();
    log(QStringLiteral("watching %1 (%2 entities) -> %3")
            .arg(m_root)
            .arg(m_folder.entries.size())
            .arg(m_target.describe()));
    return true;
}

void SyncWatcher::watchTree()
{
    // The parent too: renaming the folder away changes its parent, not the folder itself.
    QStringList paths{m_root, QFileInfo(m_root).absolutePath()};
    QDirIterator it(m_root, QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (info.fileName().startsWith(QLatin1Char('.')) ||
            path.contains(QLatin1String("/node_modules")))
            continue;
        if (info.isDir() || path.endsWith(QLatin1String(".json")))
            paths << path;
    }
    const QStringList watched = m_watcher.files() + m_watcher.directories();
    QStringList add;
    for (const QString& p : paths) {
        if (!watched.contains(p))
            add << p;
    }
    if (!add.isEmpty())
        m_watcher.addPaths(add);
}

void SyncWatcher::onChanged(const QString& path)
{
    if (path == QFileInfo(m_root).absolutePath() && !m_gone && QFileInfo(m_root).isDir())
        return; // something else changed beside the folder
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_firstEventMs < 0)
        m_firstEventMs = now;
    const qint64 waited = now - m_firstEventMs;
    const qint64 left = std::max<qint64>(0, m_options.maxDelayMs - waited);
    m_debounce.start(int(std::min<qint64>(m_options.debounceMs, left)));
}

void SyncWatcher::poll()
{
    if (!QFileInfo(m_root).isDir())
        return;
    m_poll.stop();
    m_gone = false;
    log(QStringLiteral("%1 is back; following it again").arg(m_root));
    const QStringList all = m_watcher.files() + m_watcher.directories();
    if (!all.isEmpty())
        m_watcher.removePaths(all);
    watchTree();
    pass();
}

void SyncWatcher::pass()
{
    m_firstEventMs = -1;
    if (!QFileInfo(m_root).isDir()) {
        if (!m_gone) {
            m_gone = true;
            log(QStringLiteral("%1 is gone (renamed or removed); nothing is written until it "
                               "is back")
                    .arg(m_root));
            QStringList all = m_watcher.files() + m_watcher.directories();
            all.removeAll(QFileInfo(m_root).absolutePath());
            if (!all.isEmpty())
                m_watcher.removePaths(all);
            m_poll.start();
        }
        return;
    }
    watchTree(); // new folders and files, and files replaced by a rename
    auto folder = DiffSideBuilder::fromFolder(m_root, m_layout);
    if (!folder) {
        log(QStringLiteral("cannot read %1: %2").arg(m_root, folder.error().message));
        return;
    }
    ++m_passes;
    const DiffReport changes = SideComparer::compare(m_folder, folder.value(), {});
    SyncPlanner::Plan plan;
    int discrepancies = 0;
    for (const EntityDiff& d : changes.entities) {
        const QString title = entityTitle(d.ref);
        if (d.state == EntityDiff::State::OnlyLeft) {
            log(QStringLiteral("removed: %1 (%2); its key is left as is")
                    .arg(title, d.leftLocation));
            continue;
        }
        if (d.state == EntityDiff::State::Unreadable && !d.rightUnreadable.isEmpty()) {
            ++discrepancies;
            log(QStringLiteral("discrepancy: %1 no longer parses (%2); its key is left as is")
                    .arg(d.rightLocation, d.rightUnreadable));
            continue;
        }
        if (d.state != EntityDiff::State::Changed && d.state != EntityDiff::State::OnlyRight &&
            d.state != EntityDiff::State::Unreadable)
            continue;
        auto key = m_layout.keyFor(d.ref);
        if (!key) {
            log(QStringLiteral("%1: %2").arg(title, key.error().message));
            continue;
        }
        SyncAction a;
        a.ref = d.ref;
        a.location = key.value();
        a.value = d.rightValue;
        a.targetExists = m_kvKnown.contains(a.location);
        a.expected = m_kvKnown.value(a.location);
        a.kind = a.targetExists ? SyncAction::Kind::Update : SyncAction::Kind::Create;
        plan.actions.append(std::move(a));
    }
    m_folder = std::move(folder.value());
    int written = 0;
    if (!plan.actions.isEmpty()) {
        auto run = SyncRunner::execute(plan, m_target, m_paths, QStringLiteral("watch ") + m_root);
        if (!run) {
            log(QStringLiteral("writing to %1 failed: %2 (the next change retries)")
                    .arg(m_target.describe(), run.error().message));
        } else {
            for (const QString& c : run.value().conflicts) {
                ++discrepancies;
                log(QStringLiteral("discrepancy: ") + c);
            }
            for (const SyncAction& a : plan.actions) {
                bool hit = false;
                for (const QString& c : run.value().conflicts)
                    hit = hit || c.startsWith(a.location + QLatin1Char(':'));
                if (!hit)
                    m_kvKnown.insert(a.location, a.value);
            }
            written = run.value().written;
            m_written += written;
            if (written > 0)
                log(QStringLiteral("wrote %1 key%2 (run %3)")
                        .arg(written)
                        .arg(written == 1 ? QString() : QStringLiteral("s"))
                        .arg(run.value().runId));
        }
    }
    Q_EMIT passFinished(written, discrepancies);
}

} // namespace pmkv
