#pragma once

#include "connections/connectionprofile.h"
#include "connections/connectionsecrets.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace pmkv {

class ProfileStore;
class SecretStore;
class StoreThread;

// The connection manager: saved profiles (add, edit, remove, import a .env.local), a test of
// the one being edited, and Connect. Secrets typed here go to the keychain (SecretStore) when
// "remember" is on and are otherwise handed to the window for this session only; they are
// never written to the profile file.
class ConnectionsDialog final : public QDialog
{
    Q_OBJECT

public:
    ConnectionsDialog(ProfileStore* profiles, SecretStore* secrets, QWidget* parent = nullptr);
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

Q_SIGNALS:
    void connectRequested(const pmkv::ConnectionProfile& profile, const QByteArray& typedSecret);
    void testFinished(bool ok, const QString& message);

private:
    void reloadList(const QString& select = QString());
    // What Connect and Test refuse: a wrong proxy address, then the profile's own checks.
    Result<void> validateForm(const ConnectionProfile& profile) const;
    void saveProfile();
    void removeProfile();
    void importEnvFile();

    ProfileStore* m_profiles;
    SecretStore* m_secrets;
    std::unique_ptr<StoreThread> m_testThread;
    QListWidget* m_list;
    QLineEdit* m_name;
    QLineEdit* m_address;
    QComboBox* m_kind;
    QSpinBox* m_database;
    QComboBox* m_layout;
    QLineEdit* m_prefix;
    QComboBox* m_environment;
    QCheckBox* m_readOnly;
    QComboBox* m_proxy;
    QLineEdit* m_secret;
    QCheckBox* m_remember;
    QLabel* m_status;
    QString m_testResult;
};

} // namespace pmkv
