#include "eventloopgap.h"

namespace pmkv::test {

EventLoopGap::EventLoopGap(QObject* parent) : QObject(parent)
{
    m_timer.setInterval(5);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopGap::tick);
}

void EventLoopGap::start()
{
    m_clock.start();
    m_last = 0;
    m_longest = 0;
    m_timer.start();
}

void EventLoopGap::tick()
{
    const qint64 now = m_clock.elapsed();
    m_longest = std::max(m_longest, now - m_last);
    m_last = now;
}

} // namespace pmkv::test
