#pragma once

#include "connections/connectionprofile.h"
#include "connections/connectionsecrets.h"

#include "core/result.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace pmkv {

class ProfileStore;

// The connection manager: saved profiles (add, edit, remove, import a .env.local), a test of
// the one being edited, and Connect. Saving, importing and removing go through the
// ConnectionBook workflow (as `pmkv conn` does), on a worker: a secret typed here goes to the
// keychain first when "remember" is on (the profile is saved only once it is there), and
// otherwise stays in memory for this session; it is never written to the profile file.
class ConnectionsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionsDialog(ProfileStore* profiles, QWidget* parent = nullptr);
    ~ConnectionsDialog() override;

    // Fills the form (e.g. from the command line or tests).
    void edit(const ConnectionProfile& profile);
    ConnectionProfile profileFromForm() const;
    // The secret typed in the form (empty: resolve the profile's own source).
    QByteArray typedSecret() const;
    void testConnection();
    QString testResult() const;
    // The proxy choice in the form: system, none, or the address typed (REST kinds).
    Result<RestProxy> proxyFromForm() const;
    void saveProfile();
    void removeProfile();
    void importEnvFile(const QString& path);

Q_SIGNALS:
    void connectRequested(const pmkv::ConnectionProfile& profile, const QByteArray& typedSecret);
    void testFinished(bool ok, const QString& message);
    // After Save, Remove or Import, once the book is done (the status line says what happened).
    void bookFinished(bool ok, const QString& message);

private:
    void reloadList(const QString& select = QString());
    // What Connect, Test and Save refuse: a wrong proxy address, then the profile's checks.
    Result<void> validateForm(const ConnectionProfile& profile) const;
    void chooseEnvFile();
    // Shows the outcome of a book call; true when it went through.
    bool showOutcome(const Error* error, const QString& done);

    ProfileStore* m_profiles;
    QListWidget* m_list;
    QLineEdit* m_name;
    QLineEdit* m_address;
    QComboBox* m_kind;
    QSpinBox* m_database;
    QComboBox* m_layout;
    QLineEdit* m_prefix;
    QComboBox* m_environment;
    QCheckBox* m_readOnly;
    QCheckBox* m_replicaReads;
    QComboBox* m_proxy;
    QLineEdit* m_secret;
    QCheckBox* m_remember;
    QPushButton* m_save;
    QLabel* m_status;
    QString m_testResult;
};

} // namespace pmkv
