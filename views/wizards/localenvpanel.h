#pragma once

#include "connections/connectionprofile.h"
#include "env/localenv.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace pmkv {

class WorkflowRunner;

// The local Redis + pmkv-proxy pair (LocalEnv, the engine of `pmkv env`) by mouse: start,
// stop, check and flush it off the GUI thread, each process's state, the .env.local lines to
// copy, and a button that connects the window to it over REST. Flush deletes every key of the
// local Redis: it waits for its own confirmation box.
class LocalEnvPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit LocalEnvPanel(const LocalEnv::Options& options, QWidget* parent = nullptr);

    void start();
    void stop();
    void check();
    void flush();

    bool isBusy() const;
    QString redisText() const;
    QString proxyText() const;
    QString envLines() const;
    QString messageText() const;
    QPushButton* startButton() const { return m_start; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* flushButton() const { return m_flush; }
    QCheckBox* flushConfirmation() const { return m_confirmFlush; }
    QPushButton* connectButton() const { return m_connect; }

Q_SIGNALS:
    // An action ended and its outcome is shown.
    void updated();
    // Connect the window to the local proxy (a DEV profile; the token for this session).
    void connectRequested(const pmkv::ConnectionProfile& profile, const QByteArray& token);

private:
    enum class Action { Start, Stop, Check, Flush };
    struct State
    {
        LocalEnv::Status status;
        QStringList changed; // what this action started or stopped
        QStringList envLines;
        QString url;
        QByteArray token;
    };

    void run(Action action);
    static Result<State> perform(const LocalEnv::Options& options, Action action);
    void showState(Action action, const Result<State>& result);
    void updateButtons();

    LocalEnv::Options m_options;
    WorkflowRunner* m_runner;
    std::optional<State> m_state;
    QLabel* m_redis;
    QLabel* m_proxy;
    QLabel* m_message;
    QPlainTextEdit* m_lines;
    QPushButton* m_start;
    QPushButton* m_stop;
    QPushButton* m_check;
    QPushButton* m_flush;
    QCheckBox* m_confirmFlush;
    QPushButton* m_copy;
    QPushButton* m_connect;
};

} // namespace pmkv
