#include "kvloader.h"

#include "connections/storefactory.h"
#include "connections/storethread.h"
#include "core/offthreadrelease.h"
#include "diff/listkeywalk.h"
#include "nextsteptext.h"
#include "postto.h"
#include "synccomparer.h"

#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace pmkv {
namespace {

constexpr int kScanCount = 1000;
constexpr int kCompareBatch = 256;

struct PageOutcome
{
    QString error;
    QByteArray cursor;
    QVector<KvKeyItem> keys;
};

struct CompareOutcome
{
    QString error;
    QVector<KvKeyItem> kvStates;
    QVector<QPair<QString, SyncState>> fileStates;
};

// What opening a session on a worker gives back to the GUI thread.
struct OpenedSession
{
    std::shared_ptr<TargetSession> session;
    // A second session that may read a cluster's replicas (the profile's replicaReads): the
    // tree, the comparison and the values come from it; edits and their undo images use
    // `session`, which reads the masters.
    std::shared_ptr<TargetSession> browsing;
    KvStore::Capabilities capabilities;
    QString description;
    QString error;
};

OpenedSession openSession(const ConnectionProfile& profile, const TargetSession::Options& options)
{
    OpenedSession o;
    auto opened = TargetSession::open(profile, options);
    if (!opened) {
        const QString step = NextStepText::sentence(opened.error().next);
        o.error = opened.error().message + (step.isEmpty() ? QString() : QLatin1Char(' ') + step);
        return o;
    }
    o.session = std::move(opened).value();
    if (StoreFactory::browsesReplicas(profile)) {
        TargetSession::Options browsing = options;
        browsing.browsing = true;
        auto reader = TargetSession::open(profile, browsing);
        if (!reader) {
            o.error = reader.error().message;
            OffThreadRelease::release(o.session);
            return o;
        }
        o.browsing = std::move(reader).value();
    }
    KvStore* store = &o.session->store();
    o.capabilities = o.session->thread().call([store] { return store->capabilities(); });
    o.description = o.session->describe();
    return o;
}

} // namespace

KvLoader::KvLoader(KvTreeModel* model, QObject* parent) : QObject(parent), m_model(model)
{
    qRegisterMetaType<pmkv::KvValue>();
    connect(m_model, &KvTreeModel::moreRequested, this, &KvLoader::fetchMore);
    connect(m_model, &KvTreeModel::metaRequested, this, &KvLoader::fetchMeta);
}

KvLoader::~KvLoader()
{
    ++m_generation;
    OffThreadRelease::release(m_session); // its thread is joined off the GUI thread
    OffThreadRelease::release(m_browsing);
}

void KvLoader::open(const ConnectionProfile& profile, const TargetSession::Options& options)
{
    close();
    startSession(profile, options);
}

void KvLoader::startSession(const ConnectionProfile& profile, const TargetSession::Options& options)
{
    m_profile = profile;
    m_options = options;
    m_scanRefused = false;
    m_opening = true;
    Q_EMIT progressChanged(progressText());
    const quint64 generation = m_generation;
    QtConcurrent::run([profile, options] {
        return openSession(profile, options);
    }).then(postTo<OpenedSession>(this, [this, generation](OpenedSession o) {
        if (generation != m_generation) { // closed, or another connection, meanwhile
            OffThreadRelease::release(o.session);
            OffThreadRelease::release(o.browsing);
            return;
        }
        m_opening = false;
        if (!o.session) {
            reportError(o.error);
            return;
        }
        m_session = std::move(o.session);
        m_browsing = std::move(o.browsing);
        m_store = &(m_browsing ? m_browsing : m_session)->store();
        m_caps = o.capabilities;
        m_description = o.description;
        Q_EMIT opened(m_description);
        startScan();
        startCompare();
    }));
}

// The keys shown stay (stale) until the session is open and the first page is in.
void KvLoader::reconnect()
{
    if (m_profile.name.isEmpty())
        return;
    const ConnectionProfile profile = m_profile;
    const TargetSession::Options options = m_options;
    closeSession();
    startSession(profile, options);
}

void KvLoader::close()
{
    closeSession();
    m_model->clear();
}

void KvLoader::closeSession()
{
    ++m_generation;
    m_opening = false;
    m_store = nullptr;
    OffThreadRelease::release(m_session); // the store goes with its thread, off the GUI thread
    OffThreadRelease::release(m_browsing);
    m_scanBusy = false;
    m_comparing = false;
}

void KvLoader::refresh()
{
    if (!m_store)
        return;
    startScan();
    startCompare();
}

void KvLoader::setAlignment(std::shared_ptr<const Alignment> alignment)
{
    m_alignment = std::move(alignment);
    if (!m_store)
        return;
    if (m_model->keyCount() == 0 || m_listMode) {
        // Keys are classified against the folder as they arrive (a walk of the list keys is
        // short: it starts again rather than resuming half way).
        refresh();
        return;
    }
    // Keys are on screen already: keep them and scan again as far as the first pass was going
    // (its chunk, or to the end if it finished), so that each key gets its state; then
    // compare. (Not only as far as it got: a pass still under way would stop half way, as
    // it did after one master's keys of a cluster.)
    ++m_generation;
    const bool wasFinished = m_scanDone;
    m_chunkTarget = qMax<qint64>(qMax(m_chunkTarget, m_scanned), 1);
    m_cursor = "0";
    m_scanned = 0;
    m_scanBusy = false;
    m_loadAll = wasFinished;
    scanPage();
    startCompare();
}

void KvLoader::reportError(const QString& message)
{
    Q_EMIT failed(message);
    Q_EMIT progressChanged(progressText());
}

QString KvLoader::progressText() const
{
    if (m_opening)
        return tr("Connecting to \"%1\" ...").arg(m_profile.name);
    if (!m_store)
        return tr("Not connected.");
    const QLocale locale;
    QStringList parts;
    if (m_listMode) {
        parts << tr("%1 keys named by the layout's lists (this connection cannot SCAN)")
                     .arg(locale.toString(m_model->keyCount()));
    } else if (m_scanDone) {
        // The tree's keys now: a write since the scan added or removed some (a key the
        // comparison found missing stays in the tree as "only in files").
        const qint64 keys = m_model->keyCount() - m_model->totals()[SyncState::OnlyFiles];
        parts << tr("scanned all %1 keys").arg(locale.toString(keys));
    } else if (m_total >= 0) {
        parts << tr("scanned %1 of %2 keys")
                     .arg(locale.toString(m_scanned), locale.toString(m_total));
    } else {
        parts << tr("scanned %1 keys").arg(locale.toString(m_scanned));
    }
    if (m_alignment) {
        const qint64 entries = m_alignment->entries().size();
        parts << (m_comparing
                      ? tr("compared %1 of %2 keys of the folder")
                            .arg(locale.toString(m_compared), locale.toString(entries))
                      : tr("compared all %1 keys of the folder").arg(locale.toString(entries)));
    }
    return parts.join(QStringLiteral(" - "));
}

void KvLoader::startScan()
{
    ++m_generation;
    m_cursor = "0";
    m_scanned = 0;
    m_total = -1;
    m_loadAll = false;
    m_scanBusy = false;
    m_scanDone = false;
    m_chunkTarget = m_chunk;
    m_listMode = !m_caps.canScan || m_scanRefused;
    // The keys shown stay until the first page replaces them: a server that does not answer
    // leaves the last ones (stale, the banner says so) rather than an empty tree. The states
    // the comparison (started with the scan) gives meanwhile are kept for the new tree.
    m_resetPending = true;
    m_model->forgetKnownStates();
    if (m_listMode) {
        followLists();
        return;
    }
    const quint64 generation = m_generation;
    m_store->execute({{QByteArrayLiteral("DBSIZE")}})
        .then(
            postTo<Result<KvStore::Replies>>(this, [this, generation](Result<KvStore::Replies> r) {
                if (generation != m_generation || !r || r.value().isEmpty())
                    return;
                m_total = r.value().first().integer;
                m_model->setProgress(m_scanned, m_total, m_scanBusy);
                Q_EMIT progressChanged(progressText());
            }));
    scanPage();
}

void KvLoader::resetModelOnce()
{
    if (!m_resetPending)
        return;
    m_resetPending = false;
    m_model->beginScan(true);
}

void KvLoader::fetchMore()
{
    if (!m_store || m_listMode || m_scanDone)
        return;
    m_chunkTarget = m_scanned + m_chunk;
    scanPage();
}

void KvLoader::loadAll()
{
    if (!m_store || m_listMode || m_scanDone)
        return;
    m_loadAll = true;
    scanPage();
}

void KvLoader::scanPage()
{
    if (m_scanBusy || !m_store)
        return;
    m_scanBusy = true;
    m_model->setProgress(m_scanned, m_total, true);
    const quint64 generation = m_generation;
    const std::shared_ptr<const Alignment> alignment = m_alignment;
    m_store
        ->execute({{QByteArrayLiteral("SCAN"), m_cursor, QByteArrayLiteral("COUNT"),
                    QByteArray::number(kScanCount)}})
        .then([alignment](Result<KvStore::Replies> r) { // on the store's thread
            PageOutcome o;
            if (!r) {
                o.error = r.error().message;
                return o;
            }
            const KvReply& reply = r.value().first();
            if (reply.isError() || reply.elements.size() != 2) {
                o.error = reply.isError() ? QString::fromUtf8(reply.bytes)
                                          : QStringLiteral("SCAN: unexpected reply");
                return o;
            }
            o.cursor = reply.elements.at(0).bytes;
            o.keys.reserve(reply.elements.at(1).elements.size());
            for (const KvReply& k : reply.elements.at(1).elements)
                o.keys.append(
                    {k.bytes, alignment ? alignment->classify(k.bytes) : SyncState::Unknown});
            return o;
        })
        .then(postTo<PageOutcome>(this, [this, generation](PageOutcome o) {
            if (generation != m_generation)
                return; // a refresh or another connection came since
            m_scanBusy = false;
            if (!o.error.isEmpty() && m_scanned == 0 && o.error.contains(QLatin1String("NOPERM"))) {
                // A token that may read but not SCAN (Upstash's read-only tokens, the proxy's
                // read-only token): follow the layout's list keys instead, and say so.
                m_listMode = true;
                m_scanRefused = true;
                if (m_session) // (writes refused before anything is journaled)
                    m_session->markReadOnlyToken();
                m_model->setProgress(0, -1, false);
                followLists();
                Q_EMIT readOnlyTokenFound();
                Q_EMIT progressChanged(progressText());
                return;
            }
            if (!o.error.isEmpty()) {
                m_model->setProgress(m_scanned, m_total, false);
                reportError(tr("Scanning %1 failed: %2").arg(m_description, o.error));
                return;
            }
            m_cursor = o.cursor;
            m_scanned += o.keys.size();
            resetModelOnce();
            m_model->addKeys(o.keys);
            if (m_cursor == "0") {
                m_scanDone = true;
                m_model->setProgress(m_scanned, m_total, false);
                m_model->finish();
                Q_EMIT scanFinished();
                Q_EMIT progressChanged(progressText());
                return;
            }
            m_model->setProgress(m_scanned, m_total, false);
            Q_EMIT progressChanged(progressText());
            if (m_loadAll || m_scanned < m_chunkTarget)
                scanPage();
        }));
}

// Without SCAN (a read-only token): the keys the layout's lists name (ListKeyWalk, the walk
// the diff uses too), found on a worker and classified there.
void KvLoader::followLists()
{
    auto layout = KeyLayout::fromSpec(m_profile.layout, m_profile.prefix);
    if (!layout) {
        reportError(layout.error().message);
        return;
    }
    m_scanBusy = true;
    const quint64 generation = m_generation;
    const std::shared_ptr<TargetSession> session = m_session;
    const std::shared_ptr<const Alignment> alignment = m_alignment;
    QtConcurrent::run([session, l = layout.value(), alignment] {
        PageOutcome o;
        auto keys = ListKeyWalk::walk(l, ListKeyWalk::storeReader(session->store()));
        if (!keys) {
            o.error = keys.error().message;
            return o;
        }
        o.keys.reserve(keys.value().size());
        for (const QString& k : keys.value()) {
            const QByteArray key = k.toUtf8();
            o.keys.append({key, alignment ? alignment->classify(key) : SyncState::Unknown});
        }
        return o;
    }).then(postTo<PageOutcome>(this, [this, generation](PageOutcome o) {
        if (generation != m_generation)
            return;
        m_scanBusy = false;
        if (!o.error.isEmpty()) {
            reportError(tr("Reading the list keys of %1 failed: %2").arg(m_description, o.error));
            return;
        }
        resetModelOnce();
        m_model->addKeys(o.keys);
        m_scanDone = true;
        m_model->finish();
        Q_EMIT scanFinished();
        Q_EMIT progressChanged(progressText());
    }));
}

void KvLoader::startCompare()
{
    if (!m_store || !m_alignment)
        return;
    m_comparing = true;
    m_compareNext = 0;
    m_compared = 0;
    QVector<QPair<QString, SyncState>> unreadable;
    for (const QString& path : m_alignment->unmappedPaths())
        unreadable.append({path, SyncState::Unreadable});
    Q_EMIT fileStatesReady(unreadable);
    compareBatch();
}

void KvLoader::compareBatch()
{
    const std::shared_ptr<const Alignment> alignment = m_alignment;
    const int begin = m_compareNext;
    const int end = std::min(begin + kCompareBatch, int(alignment->entries().size()));
    if (begin >= end) {
        m_comparing = false;
        Q_EMIT comparisonFinished();
        Q_EMIT progressChanged(progressText());
        return;
    }
    KvCommand mget{QByteArrayLiteral("MGET")};
    for (int i = begin; i < end; ++i)
        mget << alignment->entries().at(i).key.toUtf8();
    const quint64 generation = m_generation;
    m_store->execute({mget})
        .then([alignment, begin, end](Result<KvStore::Replies> r) { // on the store's thread
            CompareOutcome o;
            if (!r) {
                o.error = r.error().message;
                return o;
            }
            const KvReply& reply = r.value().first();
            if (reply.isError() || reply.elements.size() != end - begin) {
                o.error = reply.isError() ? QString::fromUtf8(reply.bytes)
                                          : QStringLiteral("MGET: unexpected reply");
                return o;
            }
            for (int i = begin; i < end; ++i) {
                const KeyEntry& e = alignment->entries().at(i);
                const QByteArray key = e.key.toUtf8();
                const SyncState s =
                    SyncComparer::compare(alignment->valueOf(i), reply.elements.at(i - begin));
                o.kvStates.append({key, s});
                const QString path = alignment->pathForKey(key);
                if (!path.isEmpty())
                    o.fileStates.append({path, s});
            }
            return o;
        })
        .then(postTo<CompareOutcome>(this, [this, generation, end](CompareOutcome o) {
            if (generation != m_generation)
                return;
            if (!o.error.isEmpty()) {
                m_comparing = false;
                reportError(tr("Comparing with %1 failed: %2").arg(m_description, o.error));
                return;
            }
            m_model->setStates(o.kvStates);
            Q_EMIT fileStatesReady(o.fileStates);
            m_compared = end;
            m_compareNext = end;
            Q_EMIT progressChanged(progressText());
            compareBatch();
        }));
}

void KvLoader::noteWritten(const QByteArray& key)
{
    m_model->forgetMeta(key);
    recompareKey(key);
    Q_EMIT written(key);
}

// After a write: the key's new state on both sides, and the key in the tree if it is new.
void KvLoader::recompareKey(const QByteArray& key)
{
    const std::shared_ptr<const Alignment> alignment = m_alignment;
    const int entry = alignment ? alignment->entryForKey(key) : -1;
    if (entry < 0 || !m_store)
        return;
    const quint64 generation = m_generation;
    m_store->execute({{QByteArrayLiteral("GET"), key}})
        .then(postTo<Result<KvStore::Replies>>(this, [this, generation, alignment, entry,
                                                      key](Result<KvStore::Replies> r) {
            if (generation != m_generation || !r || r.value().isEmpty())
                return;
            const SyncState s = SyncComparer::compare(alignment->valueOf(entry), r.value().first());
            if (s != SyncState::OnlyFiles && !m_model->indexForKey(key).isValid())
                m_model->addKeys({{key, s}});
            m_model->setStates({{key, s}});
            const QString path = alignment->pathForKey(key);
            if (!path.isEmpty())
                Q_EMIT fileStatesReady({{path, s}});
            Q_EMIT progressChanged(progressText()); // (the key count follows the write)
        }));
}

void KvLoader::fetchMeta(const QVector<QByteArray>& keys)
{
    if (!m_store || keys.isEmpty())
        return;
    // A few hundred keys a pipeline; rows shown at once are far fewer.
    constexpr qsizetype kBatch = 300;
    const quint64 generation = m_generation;
    for (qsizetype start = 0; start < keys.size(); start += kBatch) {
        const QVector<QByteArray> batch = keys.mid(start, kBatch);
        QVector<KvCommand> commands;
        for (const QByteArray& key : batch)
            commands << KvCommand{"TYPE", key} << KvCommand{"PTTL", key}
                     << KvCommand{"MEMORY", "USAGE", key};
        m_store->execute(commands).then(postTo<Result<KvStore::Replies>>(
            this, [this, generation, batch](Result<KvStore::Replies> r) {
                if (generation != m_generation)
                    return;
                QVector<KvKeyMeta> metas;
                for (qsizetype i = 0; i < batch.size(); ++i) {
                    KvKeyMeta meta;
                    meta.key = batch.at(i);
                    if (r && r.value().size() == batch.size() * 3) {
                        const KvReply& type = r.value().at(i * 3);
                        const KvReply& pttl = r.value().at(i * 3 + 1);
                        const KvReply& memory = r.value().at(i * 3 + 2);
                        meta.type = type.isError() ? QByteArray("?") : type.bytes;
                        meta.ttlMs = pttl.type == KvReply::Type::Integer ? pttl.integer : -1;
                        meta.bytes = memory.type == KvReply::Type::Integer ? memory.integer : -1;
                    } else {
                        meta.type = "?"; // (asked once per scan: no retry loop)
                    }
                    metas.append(meta);
                }
                m_model->setMeta(metas);
            }));
    }
}

} // namespace pmkv
