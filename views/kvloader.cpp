#include "kvloader.h"

#include "connections/storefactory.h"
#include "connections/storethread.h"
#include "postto.h"
#include "synccomparer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
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

QStringList jsonNames(const KvReply& reply)
{
    QStringList names;
    if (reply.type != KvReply::Type::String)
        return names;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.bytes);
    for (const QJsonValue& v : doc.array()) {
        if (v.isString())
            names << v.toString();
    }
    return names;
}

} // namespace

KvLoader::KvLoader(KvTreeModel* model, QObject* parent)
    : QObject(parent), m_model(model), m_thread(std::make_unique<StoreThread>())
{
    qRegisterMetaType<pmkv::KvValue>();
    connect(m_model, &KvTreeModel::moreRequested, this, &KvLoader::fetchMore);
}

KvLoader::~KvLoader()
{
    ++m_generation;
    if (m_store) {
        KvStore* store = m_store;
        m_thread->call([store] { delete store; });
    }
}

void KvLoader::open(const ConnectionProfile& profile, const ConnectionSecrets& secrets,
                    bool scanNow)
{
    close();
    m_profile = profile;
    m_secrets = secrets;
    m_scanRefused = false;
    QObject* context = m_thread->context();
    auto created = m_thread->call([&profile, &secrets, context]() -> Result<KvStore*> {
        auto store = StoreFactory::create(profile, secrets);
        if (!store)
            return store.error();
        KvStore* raw = store.value().release();
        raw->setParent(context);
        return raw;
    });
    if (!created) {
        reportError(created.error().message);
        return;
    }
    m_store = created.value();
    KvStore* store = m_store;
    m_caps = m_thread->call([store] { return store->capabilities(); });
    m_description = m_thread->call([store] { return store->describe(); });
    Q_EMIT opened(m_description);
    if (scanNow) {
        startScan();
        startCompare();
    }
}

void KvLoader::reconnect()
{
    if (m_profile.name.isEmpty())
        return;
    const ConnectionProfile profile = m_profile;
    const ConnectionSecrets secrets = m_secrets;
    open(profile, secrets);
}

void KvLoader::close()
{
    ++m_generation;
    if (m_store)
        m_store->deleteLater(); // on its own thread
    m_store = nullptr;
    m_scanBusy = false;
    m_comparing = false;
    m_model->clear();
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
    // Keys are on screen already: keep them and scan again up to where the first pass got
    // (to the end if it finished), so that each key gets its state; then compare.
    ++m_generation;
    const bool wasFinished = m_scanDone;
    m_chunkTarget = qMax<qint64>(m_scanned, 1);
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
    if (!m_store)
        return tr("Not connected.");
    const QLocale locale;
    QStringList parts;
    if (m_listMode) {
        parts << tr("%1 keys named by the layout's lists (this connection cannot SCAN)")
                     .arg(locale.toString(m_model->keyCount()));
    } else if (m_scanDone) {
        parts << tr("scanned all %1 keys").arg(locale.toString(m_scanned));
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
    m_model->beginScan();
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
                m_model->setProgress(0, -1, false);
                followLists();
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

// Without SCAN (an Upstash read-only token): the projects list names the projects, each
// project's epics list its epics (or the folder does, for layouts without one), each epic's
// stories list its stories.
void KvLoader::followLists()
{
    auto layout = KeyLayout::fromSpec(m_profile.layout, m_profile.prefix);
    if (!layout) {
        reportError(layout.error().message);
        return;
    }
    const KeyLayout l = layout.value();
    const quint64 generation = m_generation;
    auto keyOf = [l](KeyRole role, const QString& p, const QString& e, const QString& s) {
        auto k = l.keyFor(EntityRef{role, p, e, s});
        return k ? k.value().toUtf8() : QByteArray();
    };
    const QByteArray projectsKey = keyOf(KeyRole::ProjectsList, {}, {}, {});
    m_store->execute({{QByteArrayLiteral("GET"), projectsKey}})
        .then(postTo<Result<KvStore::Replies>>(this, [this, generation, l, keyOf,
                                                      projectsKey](Result<KvStore::Replies> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                reportError(r.error().message);
                return;
            }
            const QStringList projects = jsonNames(r.value().first());
            QVector<KvKeyItem> keys;
            auto add = [this, &keys](const QByteArray& key) {
                if (!key.isEmpty())
                    keys.append(
                        {key, m_alignment ? m_alignment->classify(key) : SyncState::Unknown});
            };
            if (!r.value().first().isNil())
                add(projectsKey);
            add(keyOf(KeyRole::People, {}, {}, {}));
            KvCommand epicLists{QByteArrayLiteral("MGET")};
            for (const QString& p : projects) {
                add(keyOf(KeyRole::Project, p, {}, {}));
                if (l.has(KeyRole::EpicsList))
                    epicLists << keyOf(KeyRole::EpicsList, p, {}, {});
            }
            m_model->addKeys(keys);
            if (epicLists.size() == 1) {
                m_scanDone = true;
                m_model->finish();
                Q_EMIT scanFinished();
                Q_EMIT progressChanged(progressText());
                return;
            }
            m_store->execute({epicLists})
                .then(postTo<Result<KvStore::Replies>>(this, [this, generation, projects, keyOf,
                                                              l](Result<KvStore::Replies> r2) {
                    if (generation != m_generation)
                        return;
                    if (!r2 || r2.value().isEmpty()) {
                        reportError(r2 ? tr("MGET: no reply") : r2.error().message);
                        return;
                    }
                    QVector<KvKeyItem> keys;
                    KvCommand storyLists{QByteArrayLiteral("MGET")};
                    const auto& lists = r2.value().first().elements;
                    for (int i = 0; i < projects.size() && i < lists.size(); ++i) {
                        if (!lists.at(i).isNil())
                            keys.append({keyOf(KeyRole::EpicsList, projects.at(i), {}, {}),
                                         SyncState::Unknown});
                        for (const QString& e : jsonNames(lists.at(i))) {
                            keys.append(
                                {keyOf(KeyRole::Epic, projects.at(i), e, {}), SyncState::Unknown});
                            storyLists << keyOf(KeyRole::StoriesList, projects.at(i), e, {});
                        }
                    }
                    for (KvKeyItem& k : keys)
                        k.state = m_alignment ? m_alignment->classify(k.key) : SyncState::Unknown;
                    m_model->addKeys(keys);
                    if (storyLists.size() == 1) {
                        m_scanDone = true;
                        m_model->finish();
                        Q_EMIT scanFinished();
                        Q_EMIT progressChanged(progressText());
                        return;
                    }
                    m_store->execute({storyLists})
                        .then(postTo<Result<KvStore::Replies>>(
                            this,
                            [this, generation, storyLists, keyOf, l](Result<KvStore::Replies> r3) {
                                if (generation != m_generation)
                                    return;
                                if (!r3 || r3.value().isEmpty()) {
                                    reportError(r3 ? tr("MGET: no reply") : r3.error().message);
                                    return;
                                }
                                QVector<KvKeyItem> keys;
                                const auto& lists = r3.value().first().elements;
                                for (int i = 0; i < lists.size(); ++i) {
                                    if (lists.at(i).isNil())
                                        continue;
                                    const QByteArray listKey = storyLists.at(i + 1);
                                    keys.append({listKey, SyncState::Unknown});
                                    const auto ref = l.entityFor(QString::fromUtf8(listKey));
                                    if (!ref)
                                        continue;
                                    for (const QString& s : jsonNames(lists.at(i)))
                                        keys.append(
                                            {keyOf(KeyRole::Story, ref->project, ref->epic, s),
                                             SyncState::Unknown});
                                }
                                for (KvKeyItem& k : keys)
                                    k.state = m_alignment ? m_alignment->classify(k.key)
                                                          : SyncState::Unknown;
                                m_model->addKeys(keys);
                                m_scanDone = true;
                                m_model->finish();
                                Q_EMIT scanFinished();
                                Q_EMIT progressChanged(progressText());
                            }));
                }));
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

void KvLoader::writeValue(const QByteArray& key, const QByteArray& value)
{
    write(key, {QByteArrayLiteral("SET"), key, value});
}

void KvLoader::deleteKey(const QByteArray& key)
{
    write(key, {QByteArrayLiteral("DEL"), key});
}

void KvLoader::write(const QByteArray& key, KvCommand command)
{
    if (!m_store) {
        Q_EMIT writeFailed(key, tr("not connected"));
        return;
    }
    m_store->execute({command}).then(
        postTo<Result<KvStore::Replies>>(this, [this, key](Result<KvStore::Replies> r) {
            if (!r) {
                Q_EMIT writeFailed(key, r.error().message);
                return;
            }
            if (r.value().isEmpty() || r.value().first().isError()) {
                Q_EMIT writeFailed(key, r.value().isEmpty()
                                            ? tr("no reply")
                                            : QString::fromUtf8(r.value().first().bytes));
                return;
            }
            recompareKey(key);
            Q_EMIT written(key);
        }));
}

void KvLoader::noteWritten(const QByteArray& key)
{
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
        }));
}

} // namespace pmkv
