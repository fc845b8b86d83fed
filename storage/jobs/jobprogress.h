#pragma once

#include <QElapsedTimer>
#include <QString>

#include <functional>

namespace pmkv {

// What a running job reports: items (keys or files) and bytes done out of a total, the rate
// and the time left. Sent through a callback at most about 10 times a second, plus once at
// the end.
struct JobProgress
{
    QString phase; // "plan", "write", "resume", "validate", "rollback", ...
    qint64 done = 0;
    qint64 total = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    double itemsPerSecond = 0;
    double etaSeconds = -1; // unknown
    bool final = false;
};

using ProgressCallback = std::function<void(const JobProgress&)>;

// Rate, ETA and the ~10 per second throttle for one job.
class ProgressMeter final
{
public:
    ProgressMeter(ProgressCallback callback, QString phase, qint64 total, qint64 bytesTotal);

    void add(qint64 items, qint64 bytes);
    // Reports now if 100 ms passed since the last report (or `force`).
    void report(bool force = false);
    void finish();
    double elapsedSeconds() const;
    const JobProgress& current() const { return m_progress; }

private:
    ProgressCallback m_callback;
    JobProgress m_progress;
    QElapsedTimer m_clock;
    qint64 m_lastReportMs = -1000;
};

} // namespace pmkv
