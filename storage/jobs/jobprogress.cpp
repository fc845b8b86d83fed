#include "jobs/jobprogress.h"

namespace pmkv {

ProgressMeter::ProgressMeter(ProgressCallback callback, QString phase, qint64 total,
                             qint64 bytesTotal)
    : m_callback(std::move(callback))
{
    m_progress.phase = std::move(phase);
    m_progress.total = total;
    m_progress.bytesTotal = bytesTotal;
    m_clock.start();
}

void ProgressMeter::add(qint64 items, qint64 bytes)
{
    m_progress.done += items;
    m_progress.bytesDone += bytes;
    report();
}

double ProgressMeter::elapsedSeconds() const
{
    return double(m_clock.nsecsElapsed()) / 1e9;
}

void ProgressMeter::report(bool force)
{
    const qint64 now = m_clock.elapsed();
    if (!m_callback || (!force && now - m_lastReportMs < 100))
        return;
    m_lastReportMs = now;
    const double seconds = elapsedSeconds();
    m_progress.itemsPerSecond = seconds > 0 ? double(m_progress.done) / seconds : 0;
    const qint64 left = m_progress.total - m_progress.done;
    m_progress.etaSeconds =
        m_progress.itemsPerSecond > 0 ? double(left) / m_progress.itemsPerSecond : -1;
    m_callback(m_progress);
}

void ProgressMeter::finish()
{
    m_progress.final = true;
    report(true);
}

} // namespace pmkv
