#include "localenvpanel.h"

#include "localenvconnection.h"
#include "workflowrunner.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pmkv {

namespace {

QString describe(const LocalEnv::ProcessStatus& process)
{
    if (process.healthy)
        return LocalEnvPanel::tr("running, answers (pid %1, 127.0.0.1:%2)")
            .arg(process.pid)
            .arg(process.port);
    if (process.running)
        return LocalEnvPanel::tr("running, does not answer (pid %1): %2")
            .arg(process.pid)
            .arg(process.detail);
    return LocalEnvPanel::tr("stopped") +
           (process.detail.isEmpty() ? QString() : QStringLiteral(": ") + process.detail);
}

} // namespace

LocalEnvPanel::LocalEnvPanel(const LocalEnv::Options& options, QWidget* parent)
    : QWidget(parent), m_options(options), m_runner(new WorkflowRunner(JobPaths(), this)),
      m_redis(new QLabel(this)), m_proxy(new QLabel(this)), m_message(new QLabel(this)),
      m_lines(new QPlainTextEdit(this)), m_start(new QPushButton(tr("&Start"), this)),
      m_stop(new QPushButton(tr("S&top"), this)), m_check(new QPushButton(tr("&Check"), this)),
      m_flush(new QPushButton(tr("&Flush"), this)),
      m_confirmFlush(new QCheckBox(tr("Delete every key of the local Redis"), this)),
      m_copy(new QPushButton(tr("Copy the lines"), this)),
      m_connect(new QPushButton(tr("Connect to it"), this))
{
    auto* state = new QGroupBox(tr("Local Redis + REST proxy"), this);
    auto* form = new QFormLayout(state);
    for (QLabel* label : {m_redis, m_proxy, m_message}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    form->addRow(tr("redis-server:"), m_redis);
    form->addRow(tr("pmkv-proxy:"), m_proxy);
    form->addRow(m_message);

    auto* actions = new QHBoxLayout;
    for (QPushButton* button : {m_start, m_stop, m_check})
        actions->addWidget(button);
    actions->addStretch(1);
    auto* flush = new QHBoxLayout;
    flush->addWidget(m_flush);
    flush->addWidget(m_confirmFlush);
    flush->addStretch(1);

    auto* env = new QGroupBox(tr("Lines for .env.local"), this);
    auto* envLayout = new QVBoxLayout(env);
    m_lines->setReadOnly(true);
    m_lines->setMaximumHeight(m_lines->fontMetrics().lineSpacing() * 4);
    m_lines->setPlaceholderText(tr("Start the pair to get the lines."));
    envLayout->addWidget(m_lines);
    auto* envButtons = new QHBoxLayout;
    envButtons->addWidget(m_copy);
    envButtons->addWidget(m_connect);
    envButtons->addStretch(1);
    envLayout->addLayout(envButtons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(state);
    layout->addLayout(actions);
    layout->addLayout(flush);
    layout->addWidget(env);
    layout->addStretch(1);

    connect(m_start, &QPushButton::clicked, this, &LocalEnvPanel::start);
    connect(m_stop, &QPushButton::clicked, this, &LocalEnvPanel::stop);
    connect(m_check, &QPushButton::clicked, this, &LocalEnvPanel::check);
    connect(m_flush, &QPushButton::clicked, this, &LocalEnvPanel::flush);
    connect(m_confirmFlush, &QCheckBox::toggled, this, &LocalEnvPanel::updateButtons);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_lines->toPlainText()); });
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (!m_state || !m_state->status.allHealthy())
            return;
        Q_EMIT connectRequested(LocalEnvConnection::profile(m_state->url), m_state->token);
    });
    updateButtons();
    check(); // what runs already (a pair started by `pmkv env up` counts)
}

void LocalEnvPanel::start()
{
    run(Action::Start);
}

void LocalEnvPanel::stop()
{
    run(Action::Stop);
}

void LocalEnvPanel::check()
{
    run(Action::Check);
}

void LocalEnvPanel::flush()
{
    if (m_confirmFlush->isChecked())
        run(Action::Flush);
}

bool LocalEnvPanel::isBusy() const
{
    return m_runner->isRunning();
}

QString LocalEnvPanel::redisText() const
{
    return m_redis->text();
}

QString LocalEnvPanel::proxyText() const
{
    return m_proxy->text();
}

QString LocalEnvPanel::envLines() const
{
    return m_lines->toPlainText();
}

QString LocalEnvPanel::messageText() const
{
    return m_message->text();
}

void LocalEnvPanel::run(Action action)
{
    const LocalEnv::Options options = m_options;
    const bool started = m_runner->start<State>(
        [options, action](const WorkflowContext&) { return perform(options, action); },
        [this, action](Result<State> result, const QStringList&) { showState(action, result); });
    if (!started)
        return;
    m_message->setText(action == Action::Start ? tr("Starting; waiting until both answer...")
                                               : tr("Working..."));
    updateButtons();
}

Result<LocalEnvPanel::State> LocalEnvPanel::perform(const LocalEnv::Options& options, Action action)
{
    LocalEnv env(options);
    State state;
    switch (action) {
    case Action::Start: {
        auto up = env.up(&state.changed);
        if (!up)
            return up.error();
        break;
    }
    case Action::Stop:
        if (auto down = env.down(&state.changed); !down)
            return down.error();
        break;
    case Action::Flush:
        if (auto flushed = env.flush(); !flushed)
            return flushed.error();
        break;
    case Action::Check:
        break;
    }
    state.status = env.status();
    state.url = env.url();
    if (state.status.allHealthy()) {
        auto lines = env.envLocalLines();
        if (!lines)
            return lines.error();
        state.envLines = lines.value();
        auto token = env.token();
        if (!token)
            return token.error();
        state.token = token.value();
    }
    return state;
}

void LocalEnvPanel::showState(Action action, const Result<State>& result)
{
    if (!result) {
        m_message->setText(result.error().message);
        updateButtons();
        Q_EMIT updated();
        return;
    }
    m_state = result.value();
    const State& s = *m_state;
    m_redis->setText(describe(s.status.redis));
    m_proxy->setText(describe(s.status.proxy));
    m_lines->setPlainText(s.envLines.join(QLatin1Char('\n')));
    QString message;
    switch (action) {
    case Action::Start:
        message = s.changed.isEmpty() ? tr("Already running.")
                                      : tr("Started %1.").arg(s.changed.join(tr(" and ")));
        break;
    case Action::Stop:
        message = s.changed.isEmpty() ? tr("Nothing to stop.")
                                      : tr("Stopped %1.").arg(s.changed.join(tr(" and ")));
        break;
    case Action::Flush:
        message = tr("Every key of the local Redis is deleted.");
        m_confirmFlush->setChecked(false);
        break;
    case Action::Check:
        break;
    }
    m_message->setText(message + (message.isEmpty() ? QString() : QStringLiteral(" ")) +
                       tr("Data in %1.").arg(s.status.dataDir));
    updateButtons();
    Q_EMIT updated();
}

void LocalEnvPanel::updateButtons()
{
    const bool idle = !m_runner->isRunning();
    const bool healthy = m_state && m_state->status.allHealthy();
    m_start->setEnabled(idle && !healthy);
    m_stop->setEnabled(idle && m_state &&
                       (m_state->status.redis.running || m_state->status.proxy.running));
    m_check->setEnabled(idle);
    m_flush->setEnabled(idle && healthy && m_confirmFlush->isChecked());
    m_confirmFlush->setEnabled(idle && healthy);
    m_copy->setEnabled(healthy);
    m_connect->setEnabled(healthy);
}

} // namespace pmkv
