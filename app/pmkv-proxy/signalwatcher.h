#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM and SIGINT into a Qt signal on the event loop (self-pipe trick), so that a
// shutdown runs as ordinary code, not inside a signal handler.
class SignalWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminateRequested(int signalNumber);

private:
    static void handler(int signalNumber);
    QSocketNotifier* m_notifier = nullptr;
};
