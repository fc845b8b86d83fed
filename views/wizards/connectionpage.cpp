#include "connectionpage.h"

#include "localenvconnection.h"
#include "stepcaption.h"
#include "workflowrunner.h"
#include "workflows/targetsession.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

namespace pmkv {

namespace {
struct Opened
{
    std::shared_ptr<TargetSession> session;
    std::optional<Error> blocked; // the wizard's check, failed
};
} // namespace

ConnectionPage::ConnectionPage(WorkflowRunner* runner, QList<ConnectionProfile> profiles,
                               QWidget* parent)
    : QWizardPage(parent), m_runner(runner), m_profiles(std::move(profiles)),
      m_connections(new QComboBox(this)), m_where(new QLabel(this)), m_secret(new QLineEdit(this)),
      m_confirmLabel(new QLabel(this)), m_confirm(new QLineEdit(this)), m_rule(new QLabel(this)),
      m_blockedBox(new QFrame(this)), m_blocked(new QLabel(m_blockedBox)),
      m_step(new QPushButton(m_blockedBox)),
      m_rollback(new QPushButton(
          StepCaption::text(NextStep::forRun(NextStep::Action::RollbackRun, QString())),
          m_blockedBox))
{
    setTitle(tr("Target connection"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_confirm->setPlaceholderText(tr("the connection's name"));
    m_rule->setWordWrap(true);
    m_rule->setObjectName(QStringLiteral("writeRule"));
    m_where->setWordWrap(true);
    m_blocked->setWordWrap(true);
    m_blockedBox->setFrameShape(QFrame::StyledPanel);
    auto* box = new QVBoxLayout(m_blockedBox);
    box->addWidget(m_blocked);
    auto* choices = new QHBoxLayout;
    choices->addWidget(m_step);
    choices->addWidget(m_rollback);
    choices->addStretch(1);
    box->addLayout(choices);
    m_blockedBox->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Connection:"), m_connections);
    form->addRow(QString(), m_where);
    form->addRow(tr("Token or password:"), m_secret);
    form->addRow(m_confirmLabel, m_confirm);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_rule);
    layout->addWidget(m_blockedBox);
    layout->addStretch(1);

    connect(m_connections, &QComboBox::currentIndexChanged, this, &ConnectionPage::profileChanged);
    connect(m_confirm, &QLineEdit::textChanged, this, [this] { m_rule->clear(); });
    connect(m_secret, &QLineEdit::textChanged, this, [this] { m_checked = false; });
    connect(m_step, &QPushButton::clicked, this, [this] { Q_EMIT stepChosen(m_offered); });
    // An unfinished run may also be undone instead of finished.
    connect(m_rollback, &QPushButton::clicked, this, [this] {
        Q_EMIT stepChosen(NextStep::forRun(NextStep::Action::RollbackRun, m_offered.runId));
    });
}

void ConnectionPage::setPreselected(const QString& profileName, const QByteArray& secret,
                                    bool readOnlyToken)
{
    m_preselected = profileName;
    m_preselectedSecret = secret;
    m_preselectedReadOnlyToken = readOnlyToken;
}

void ConnectionPage::initializePage()
{
    if (m_connections->count() > 0)
        return;
    for (const ConnectionProfile& p : std::as_const(m_profiles)) {
        const QString env = ConnectionProfile::environmentName(p.environment);
        const QString label = LocalEnvConnection::label(p);
        m_connections->addItem(
            env.isEmpty() ? label : label + QStringLiteral("  [") + env + QLatin1Char(']'), p.name);
    }
    const int preselected = m_connections->findData(m_preselected);
    if (preselected >= 0)
        m_connections->setCurrentIndex(preselected);
    profileChanged();
}

ConnectionProfile ConnectionPage::profile() const
{
    const QString name = m_connections->currentData().toString();
    for (const ConnectionProfile& p : m_profiles) {
        if (p.name == name)
            return p;
    }
    return {};
}

QString ConnectionPage::confirmation() const
{
    return m_confirm->text();
}

QString ConnectionPage::ruleText() const
{
    return m_rule->text();
}

QString ConnectionPage::blockedText() const
{
    return m_blockedBox->isVisible() ? m_blocked->text() : QString();
}

bool ConnectionPage::isComplete() const
{
    return m_connections->currentIndex() >= 0 && !m_connecting;
}

void ConnectionPage::profileChanged()
{
    const ConnectionProfile p = profile();
    m_checked = false;
    m_session.reset();
    m_blockedBox->hide();
    m_where->setText(p.address);
    const bool prod = p.isProduction();
    m_confirmLabel->setVisible(prod);
    m_confirm->setVisible(prod);
    m_confirmLabel->setText(tr("Type %1 to write to PROD:").arg(p.name));
    m_confirm->clear();
    m_secret->setPlaceholderText(p.name == m_preselected && !m_preselectedSecret.isEmpty()
                                     ? tr("empty: the one the main window connected with")
                                     : tr("empty: the connection's own (keychain, environment)"));
    // A read-only connection: said now, before anything is typed.
    auto allowed = TargetSession::authorizeWrite(p, false, p.name);
    m_rule->setText(allowed ? QString() : allowed.error().message);
    Q_EMIT completeChanged();
}

bool ConnectionPage::validatePage()
{
    if (m_checked && m_session)
        return true;
    // The layer's write rule, the same that refuses the run itself.
    auto allowed = TargetSession::authorizeWrite(profile(), false, m_confirm->text());
    if (!allowed) {
        m_rule->setText(allowed.error().message);
        return false;
    }
    connectAndCheck();
    return false; // moves on by itself once connected and checked
}

void ConnectionPage::connectAndCheck()
{
    if (m_runner->isRunning())
        return;
    const ConnectionProfile p = profile();
    TargetSession::Options options;
    options.typedSecret = m_secret->text().toUtf8();
    if (options.typedSecret.isEmpty() && p.name == m_preselected) {
        // The window's connection, opened with a secret typed in this session.
        options.typedSecret = m_preselectedSecret;
        options.typedReadOnlyToken = m_preselectedReadOnlyToken;
    }
    const Check check = m_check;
    m_connecting = true;
    m_blockedBox->hide();
    m_rule->setText(tr("Connecting to %1…").arg(p.name));
    Q_EMIT completeChanged();
    m_runner->start<Opened>(
        [p, options, check](const WorkflowContext& context) -> Result<Opened> {
            auto opened = TargetSession::open(p, options);
            if (!opened)
                return opened.error();
            Opened o;
            o.session = std::shared_ptr<TargetSession>(std::move(opened).value());
            if (check) {
                if (auto checked = check(*o.session, context.paths); !checked)
                    o.blocked = checked.error();
            }
            return o;
        },
        [this](Result<Opened> result, const QStringList&) {
            m_connecting = false;
            Q_EMIT completeChanged();
            if (!result) {
                m_rule->setText(result.error().message);
                return;
            }
            // A read-only token is known once connected.
            if (auto allowed = result.value().session->authorizeWrite(m_confirm->text());
                !allowed) {
                m_rule->setText(allowed.error().message);
                return;
            }
            m_session = result.value().session;
            Q_EMIT connected(m_session);
            m_rule->setText(tr("Connected to %1.").arg(m_session->describe()));
            if (const auto& blocked = result.value().blocked) {
                showBlocked(*blocked);
                return;
            }
            m_checked = true;
            if (wizard() && wizard()->currentPage() == this)
                wizard()->next();
        });
}

void ConnectionPage::showBlocked(const Error& error)
{
    m_offered = error.next;
    m_blocked->setText(error.message);
    m_step->setText(StepCaption::text(error.next));
    m_step->setVisible(!error.next.isNone());
    m_rollback->setVisible(error.next.action == NextStep::Action::ResumeRun);
    m_blockedBox->show();
}

} // namespace pmkv
