#pragma once

#include "connections/connectionprofile.h"
#include "core/result.h"
#include "jobs/jobpaths.h"

#include <QWizardPage>

#include <functional>
#include <memory>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pmkv {

class TargetSession;
class WorkflowRunner;

// The key space a wizard writes to. The write rule is the session's (TargetSession::
// authorizeWrite): a read-only connection is refused with its reason, said at once; a PROD
// one until its name is typed. Next opens the connection on the wizard's runner (off the GUI
// thread) and runs the wizard's check (an interrupted run in the way ...): a check that fails
// shows its message and its next step as a button, and the page waits.
class ConnectionPage final : public QWizardPage
{
    Q_OBJECT

public:
    // Runs on the worker once the session is open.
    using Check = std::function<Result<void>(TargetSession& session, const JobPaths& paths)>;

    ConnectionPage(WorkflowRunner* runner, QList<ConnectionProfile> profiles,
                   QWidget* parent = nullptr);

    // The connection to preselect (the main window's), and the secret the window opened it
    // with when one was typed: used while the secret field is left empty.
    void setPreselected(const QString& profileName, const QByteArray& secret = {},
                        bool readOnlyToken = false);
    void setCheck(Check check) { m_check = std::move(check); }
    // The session, once connected and checked (nullptr before).
    std::shared_ptr<TargetSession> session() const { return m_session; }
    // Lets Next through without connecting again (after the wizard took the offered step).
    void accept() { m_checked = true; }
    // Next connects and checks again (the wizard's choice before this page changed).
    void invalidate() { m_checked = false; }

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

    ConnectionProfile profile() const;
    QString confirmation() const;

    QComboBox* connectionBox() const { return m_connections; }
    QLineEdit* secretEdit() const { return m_secret; }
    QLineEdit* confirmEdit() const { return m_confirm; }
    QString ruleText() const;
    // The failed check's message (empty when none is shown).
    QString blockedText() const;
    QPushButton* stepButton() const { return m_step; }
    QPushButton* rollbackButton() const { return m_rollback; }

Q_SIGNALS:
    void connected(std::shared_ptr<pmkv::TargetSession> session);
    // The user took the failed check's step (or rolled the run back instead of resuming it).
    void stepChosen(const pmkv::NextStep& step);

private:
    void profileChanged();
    void connectAndCheck();
    void showBlocked(const Error& error);

    WorkflowRunner* m_runner;
    QList<ConnectionProfile> m_profiles;
    QString m_preselected;
    QByteArray m_preselectedSecret;
    bool m_preselectedReadOnlyToken = false;
    Check m_check;
    std::shared_ptr<TargetSession> m_session;
    QComboBox* m_connections;
    QLabel* m_where;
    QLineEdit* m_secret;
    QLabel* m_confirmLabel;
    QLineEdit* m_confirm;
    QLabel* m_rule;
    QFrame* m_blockedBox;
    QLabel* m_blocked;
    QPushButton* m_step;
    QPushButton* m_rollback;
    NextStep m_offered;
    bool m_connecting = false;
    bool m_checked = false;
};

} // namespace pmkv
