#pragma once

#include "diff/diffside.h"
#include "jobs/jobpaths.h"
#include "layout/keylayout.h"
#include "sync/synctarget.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace pmkv {

// The dual-write follower: watches a pm/ folder and writes every document that changes to
// the key space, through the journal (one SyncRunner run per burst), within about a second.
//
// * Changes are found by watching every folder (creates, deletes, editors that save by
//   writing a temporary file and renaming it over the original) and every data file (writes
//   in place); events are coalesced for `debounceMs` (at most `maxDelayMs` after the first),
//   then the folder is read again and compared with the previous reading, so a burst of
//   thousands of changes is one pass.
// * Before writing a key it checks the key still holds what the watcher last saw or wrote;
//   if it changed underneath (someone else wrote it), the change is logged as a discrepancy
//   and the key is left alone. A file that no longer parses is logged, never written.
//   Deleted files are logged (sync never deletes).
// * If the folder disappears (renamed away), that is logged and the watcher polls until a
//   folder with that name is back, then carries on from a fresh reading.
// Lives on the thread that runs its event loop; `target` must block on a store that lives on
// another thread (KvSyncTarget with the store on a StoreThread).
class SyncWatcher final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int debounceMs = 150;
        int maxDelayMs = 600;
        int pollMs = 1000; // while the folder is gone
    };

    SyncWatcher(QString root, KeyLayout layout, SyncTarget& target, JobPaths paths, Options options,
                QObject* parent = nullptr);

    // Reads the folder and the key space once; false (and a logged reason) when it cannot.
    // Differences found at start are logged, not written: sync once first.
    bool start(const DiffSide& keySpace);

    int writtenCount() const { return m_written; }
    int passCount() const { return m_passes; }

Q_SIGNALS:
    // One line per event worth telling: "wrote 3 keys (run ...)", "discrepancy: ...".
    void logged(const QString& line);
    // After each pass over a burst of changes.
    void passFinished(int written, int discrepancies);

private:
    void onChanged(const QString& path);
    void pass();
    void poll();
    void watchTree();
    void log(const QString& line);

    QString m_root;
    KeyLayout m_layout;
    SyncTarget& m_target;
    JobPaths m_paths;
    Options m_options;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QTimer m_poll;
    qint64 m_firstEventMs = -1;
    bool m_gone = false;
    DiffSide m_folder;                    // the last reading of the folder
    QHash<QString, QByteArray> m_kvKnown; // what each key held when last seen or written
    int m_written = 0;
    int m_passes = 0;
};

} // namespace pmkv
