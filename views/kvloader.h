#pragma once

#include "alignment.h"
#include "connections/connectionprofile.h"
#include "core/result.h"
#include "kv/kvstore.h"
#include "kv/typedvalue.h"
#include "kvtreemodel.h"
#include "workflows/targetsession.h"

#include <QObject>

#include <memory>

namespace pmkv {

// What GET-ting one key found: its type, TTL and (at most kValueLimit bytes of) its value.
// A value above kLargeValue loads in chunks of that size, one GETRANGE after the other, with
// progress (valueProgress) and a cancel (cancelValue) between chunks.
struct KvValue
{
    QByteArray key;
    QByteArray type; // "string", "hash", "none" ...
    qint64 ttlMs = -1;
    qint64 size = 0;
    QByteArray bytes;
    bool truncated = false;
    QString error;
    // For a large value: its text as the detail pane shows it (formatted JSON, or the start
    // of the raw text), prepared off the GUI thread. Null for small values (formatted there).
    QString text;
    // A hash, list, set, sorted set or stream: its first rows (TypedValueRead) and its count.
    TypedValue typed;
};

// Feeds a KvTreeModel from one key space, off the GUI thread: the key space is a
// TargetSession (opened on a worker: the keychain and the connection block), its store on the
// session's own thread; SCAN pages are classified there (against the Alignment) and handed to the
// GUI thread one page at a time. Values are compared with the folder in batches of MGET on that
// thread too. Every request carries the generation it was made in; a reply from an older
// generation (after a refresh, a new connection or a new folder) is dropped unseen.
class KvLoader final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kValueLimit = 16 * 1024 * 1024;
    static constexpr qint64 kLargeValue = 1024 * 1024;
    // Rows of a hash, list, set, sorted set or stream read for the detail pane.
    static constexpr int kTypedRows = 1000;

    explicit KvLoader(KvTreeModel* model, QObject* parent = nullptr);
    ~KvLoader() override;

    // Opens a profile's target session on a worker (`options`: a secret typed for this session
    // only; empty, the profile's own source), then starts scanning: opened() or failed().
    void open(const ConnectionProfile& profile,
              const TargetSession::Options& options = TargetSession::Options());
    // Opens the same profile again (after the server went away).
    void reconnect();
    void close();
    void refresh();   // F5: rescan and compare again
    void fetchMore(); // the next chunk of keys
    void loadAll();   // every remaining key, chunk after chunk
    void setAlignment(std::shared_ptr<const Alignment> alignment);
    // Loads a key's value (a newer call drops the older load).
    void fetchValue(const QByteArray& key);
    // Stops a large value's load between two chunks: valueCancelled(), no valueLoaded().
    void cancelValue();
    bool isLoadingValue() const { return m_valueLoading; }
    // The open session, for a workflow run on a worker thread (never on the store's own
    // thread); null while opening and when closed.
    std::shared_ptr<TargetSession> session() const { return m_session; }
    // After a write made elsewhere (a journaled run): compares the key again, emits written().
    void noteWritten(const QByteArray& key);
    // Compares one key of the folder again (a list key a write changed alongside).
    void compareAgain(const QByteArray& key) { recompareKey(key); }

    void setChunkSize(int keys) { m_chunk = keys; }
    bool isOpen() const { return m_store != nullptr; }
    bool isOpening() const { return m_opening; }
    const ConnectionProfile& profile() const { return m_profile; }
    // The secret typed for this session (in memory only), for a wizard's own session.
    const TargetSession::Options& sessionOptions() const { return m_options; }
    KvStore::Capabilities capabilities() const { return m_caps; }
    QString description() const { return m_description; }
    QString progressText() const;
    bool isComparing() const { return m_comparing; }
    // The connection answered SCAN with NOPERM: its token is a read-only one (Upstash's
    // read-only tokens and pmkv-proxy's answer so), whatever the profile says.
    bool hasReadOnlyToken() const { return m_scanRefused; }
    // No page and no comparison on its way.
    bool isIdle() const { return !m_opening && !m_scanBusy && !m_comparing; }
    qint64 comparedCount() const { return m_compared; }

Q_SIGNALS:
    void opened(const QString& description);
    void failed(const QString& message);
    void progressChanged(const QString& text);
    void fileStatesReady(const QVector<QPair<QString, pmkv::SyncState>>& states);
    void comparisonFinished();
    void scanFinished();
    void valueLoaded(const pmkv::KvValue& value);
    void valueProgress(const QByteArray& key, qint64 loaded, qint64 total);
    void valueCancelled(const QByteArray& key, qint64 loaded, qint64 total);
    void written(const QByteArray& key);
    // hasReadOnlyToken() became true.
    void readOnlyTokenFound();

private:
    void startSession(const ConnectionProfile& profile, const TargetSession::Options& options);
    void closeSession();
    // The first page of a scan in: the tree starts again (see m_resetPending).
    void resetModelOnce();
    void startScan();
    void scanPage();
    void followLists(); // when the store cannot SCAN
    void startCompare();
    void compareBatch();
    void reportError(const QString& message);
    void recompareKey(const QByteArray& key);
    void fetchChunk(KvValue value, quint64 valueGeneration);
    void finishValue(KvValue value, quint64 valueGeneration);
    // The Type, TTL and Size cells of the keys a view shows (KvTreeModel::metaRequested).
    void fetchMeta(const QVector<QByteArray>& keys);
    // The rows of a hash, list, set, sorted set or stream (then valueLoaded).
    void fetchTyped(KvValue value, quint64 valueGeneration);

    KvTreeModel* m_model;
    std::shared_ptr<TargetSession> m_session;
    // Only with a profile reading a cluster's replicas: the session the reads go through.
    std::shared_ptr<TargetSession> m_browsing;
    KvStore* m_store = nullptr; // the reading session's, while it is open
    bool m_opening = false;
    ConnectionProfile m_profile;
    TargetSession::Options m_options; // in memory only, for reconnect()
    KvStore::Capabilities m_caps;
    QString m_description;
    std::shared_ptr<const Alignment> m_alignment;
    quint64 m_generation = 0;
    QByteArray m_cursor = "0";
    qint64 m_scanned = 0;
    qint64 m_total = -1;
    qint64 m_chunkTarget = 0; // keys to reach before pausing
    int m_chunk = 25000;
    bool m_loadAll = false;
    bool m_scanBusy = false;
    bool m_resetPending = false; // the tree still shows the previous scan's keys
    bool m_listMode = false;
    bool m_scanRefused = false; // this connection answered SCAN with NOPERM
    bool m_scanDone = false;    // the scan reached its end (the tree may still be announcing it)
    bool m_comparing = false;
    int m_compareNext = 0;
    qint64 m_compared = 0;
    quint64 m_valueGeneration = 0;
    bool m_valueLoading = false;
    QByteArray m_valueKey;
    qint64 m_valueLoaded = 0;
    qint64 m_valueTotal = 0;
};

} // namespace pmkv

Q_DECLARE_METATYPE(pmkv::KvValue)
