#pragma once

#include "core/result.h"
#include "filetreesnapshot.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace pmkv {

// Scans a pm/ folder on a worker thread and hands back a ready snapshot. A newer load makes
// the result of an older one stale: it is dropped, never shown. Reading 100,000 files takes
// seconds, so a second worker first lists the folder (names and sizes only, nothing read)
// and hands that over as `listed`, for a tree to look at at once; `loaded` replaces it.
// A newer load, or destroying the loader (closing the window), stops the read in progress
// between files, so neither waits for a read nobody will see.
class FolderLoader final : public QObject
{
    Q_OBJECT

public:
    explicit FolderLoader(QObject* parent = nullptr);
    ~FolderLoader() override;

    void load(const QString& root);
    bool isLoading() const { return m_running > 0; }

Q_SIGNALS:
    void started(const QString& root);
    void listed(std::shared_ptr<const pmkv::FileTreeSnapshot> snapshot, qint64 milliseconds);
    void loaded(std::shared_ptr<const pmkv::FileTreeSnapshot> snapshot, qint64 milliseconds);
    void failed(const QString& root, const QString& message);

private:
    // Reading runs on this pool, never on the global one: Qt's raster painting uses the
    // global pool, and the window must not wait behind the file reads to paint.
    // The listing has its own thread, so it never waits behind the reading (it is what shows
    // first).
    QThreadPool m_pool;
    QThreadPool m_listPool;
    quint64 m_generation = 0;
    bool m_loadedCurrent = false; // the full read of the current generation is in
    int m_running = 0;
    // Set to stop the read in progress: a newer load or closing makes it pointless.
    std::shared_ptr<std::atomic_bool> m_cancelRead;
};

} // namespace pmkv
