#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace pmkv::test {

// How long the event loop of this thread was held: a timer ticks every 5 ms; the longest time
// between two ticks (or since start(), for a stall that began before the first tick) is the
// longest stall. A user sees a window that does not answer for that long.
class EventLoopGap final : public QObject
{
public:
    explicit EventLoopGap(QObject* parent = nullptr);

    void start();
    // The longest gap since start(), in milliseconds (the tick interval included).
    qint64 longest() const { return m_longest; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

} // namespace pmkv::test
