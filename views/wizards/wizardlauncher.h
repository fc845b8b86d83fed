#pragma once

#include "connections/connectionprofile.h"
#include "core/nextstep.h"
#include "files/pmindex.h"
#include "jobs/jobpaths.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QWidget;
class QWizard;

namespace pmkv {

// Opens the wizards from the main window (menu entries, a report's next step) with what the
// window has open, keeps at most one of each kind, and takes the steps a wizard hands back
// (roll back a run: the rollback wizard; resume: the migrate wizard). Closing the window asks
// while a wizard's job runs; a job stopped that way stays resumable.
class WizardLauncher final : public QObject
{
    Q_OBJECT

public:
    // What the window has open, asked for each time a wizard opens.
    struct WindowState
    {
        QString root;
        std::shared_ptr<const PmIndex> index;
        QList<ConnectionProfile> profiles; // the saved connections
        QString profileName;               // the last saved one the window opened
        // The connection open in the window, saved or not (given with --url, typed in the
        // Connections dialog without saving, the local environment's), and the secret it was
        // opened with: the wizards' target unless the user picks another.
        std::optional<ConnectionProfile> openProfile;
        QByteArray openSecret;
        bool openReadOnlyToken = false;
        QStringList selectedProjects;
        JobPaths paths;
    };
    using StateSource = std::function<WindowState()>;

    WizardLauncher(QWidget* window, StateSource state);

    QWizard* openMigrate();
    QWizard* openRollback(const QString& runId = QString());
    QWidget* openActivity();
    // A step a wizard or report hands back.
    void takeStep(const NextStep& step);

    // True while a wizard's job runs.
    bool jobRunning() const;
    // Asks whether to stop the running jobs; on yes, cancels them and calls `close` once they
    // stopped (queued, no nested event loop).
    void askToStopThen(const std::function<void()>& close);

Q_SIGNALS:
    // A wizard's "open the differences": the window opens the folder against the connection.
    void openDifferences(const QString& root, const pmkv::ConnectionProfile& profile);
    // A step for a wizard the launcher does not open (back up, archive, connect, ...).
    void stepElsewhere(const pmkv::NextStep& step);

private:
    QWidget* m_window;
    StateSource m_state;
    QPointer<QWizard> m_migrate;
    QPointer<QWizard> m_rollback;
    QPointer<QWidget> m_activity;
};

} // namespace pmkv
