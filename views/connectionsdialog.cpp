#include "connectionsdialog.h"

#include "connections/envfileimport.h"
#include "connections/profilestore.h"
#include "connections/secretstore.h"
#include "connections/storefactory.h"
#include "connections/storethread.h"
#include "layout/keylayout.h"
#include "postto.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pmkv {

ConnectionsDialog::ConnectionsDialog(ProfileStore* profiles, SecretStore* secrets, QWidget* parent)
    : QDialog(parent), m_profiles(profiles), m_secrets(secrets),
      m_testThread(std::make_unique<StoreThread>())
{
    setObjectName(QStringLiteral("connectionsDialog"));
    setWindowTitle(tr("Connections"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    auto* add = new QPushButton(tr("&New"), this);
    auto* remove = new QPushButton(tr("&Remove"), this);
    auto* import = new QPushButton(tr("&Import .env.local..."), this);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("profileAddress"));
    m_address->setPlaceholderText(
        tr("https://eu1-xyz.upstash.io, http://127.0.0.1:8080 or redis://127.0.0.1:6379"));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Upstash REST"), int(ConnectionProfile::Kind::Upstash));
    m_kind->addItem(tr("Local REST proxy"), int(ConnectionProfile::Kind::LocalProxy));
    m_kind->addItem(tr("Redis"), int(ConnectionProfile::Kind::Redis));
    m_database = new QSpinBox(this);
    m_database->setRange(0, 15000);
    m_layout = new QComboBox(this);
    m_layout->setEditable(true);
    m_layout->addItems(KeyLayout::presetNames());
    m_prefix = new QLineEdit(this);
    m_prefix->setPlaceholderText(tr("pm (the layout's own)"));
    m_environment = new QComboBox(this);
    for (auto env : {ConnectionProfile::Environment::None, ConnectionProfile::Environment::Dev,
                     ConnectionProfile::Environment::Staging, ConnectionProfile::Environment::Prod})
        m_environment->addItem(env == ConnectionProfile::Environment::None
                                   ? tr("(none)")
                                   : ConnectionProfile::environmentName(env),
                               int(env));
    m_readOnly = new QCheckBox(tr("Read-only (only reading commands are sent)"), this);
    m_readOnly->setObjectName(QStringLiteral("profileReadOnly"));
    // REST only: the choices by name, or a proxy address typed in.
    m_proxy = new QComboBox(this);
    m_proxy->setObjectName(QStringLiteral("profileProxy"));
    m_proxy->setEditable(true);
    m_proxy->setInsertPolicy(QComboBox::NoInsert);
    m_proxy->addItem(tr("System setting"), RestProxy{}.toString());
    m_proxy->addItem(tr("No proxy"), RestProxy{RestProxy::Mode::None, {}}.toString());
    m_proxy->setToolTip(tr("REST connections: the system's proxy setting, none, or an address "
                           "such as http://proxy:3128 or socks5://proxy:1080"));
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("profileSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("token or password (leave empty to use the saved one)"));
    m_remember = new QCheckBox(tr("Remember in the system keychain"), this);
    m_remember->setChecked(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&Layout:"), m_layout);
    form->addRow(tr("&Prefix:"), m_prefix);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(QString(), m_readOnly);
    form->addRow(tr("Pro&xy:"), m_proxy);
    form->addRow(tr("&Secret:"), m_secret);
    form->addRow(QString(), m_remember);

    auto* test = new QPushButton(tr("&Test"), this);
    test->setObjectName(QStringLiteral("testButton"));
    auto* save = new QPushButton(tr("&Save"), this);
    auto* connectButton = new QPushButton(tr("&Connect"), this);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setDefault(true);
    auto* close = new QPushButton(tr("Close"), this);

    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);
    left->addWidget(import);
    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_status);
    right->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addLayout(left, 1);
    top->addLayout(right, 2);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(test);
    buttons->addStretch(1);
    buttons->addWidget(save);
    buttons->addWidget(connectButton);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(buttons);
    resize(760, 440);

    connect(add, &QPushButton::clicked, this, [this] {
        m_list->clearSelection();
        edit(ConnectionProfile{});
    });
    connect(remove, &QPushButton::clicked, this, &ConnectionsDialog::removeProfile);
    connect(import, &QPushButton::clicked, this, &ConnectionsDialog::importEnvFile);
    connect(test, &QPushButton::clicked, this, &ConnectionsDialog::testConnection);
    connect(save, &QPushButton::clicked, this, &ConnectionsDialog::saveProfile);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(connectButton, &QPushButton::clicked, this, [this] {
        const ConnectionProfile profile = profileFromForm();
        if (auto ok = validateForm(profile); !ok) {
            m_status->setText(ok.error().message);
            return;
        }
        Q_EMIT connectRequested(profile, typedSecret());
        accept();
    });
    connect(m_address, &QLineEdit::textEdited, this, [this](const QString& text) {
        const int i = m_kind->findData(int(ConnectionProfile::guessKind(text)));
        if (i >= 0)
            m_kind->setCurrentIndex(i);
    });
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString& name) {
        if (name.isEmpty())
            return;
        if (auto p = m_profiles->find(name))
            edit(p.value());
    });
    reloadList();
}

ConnectionsDialog::~ConnectionsDialog() = default;

void ConnectionsDialog::reloadList(const QString& select)
{
    m_list->clear();
    for (const ConnectionProfile& p : m_profiles->list()) {
        auto* item = new QListWidgetItem(p.name, m_list);
        if (p.isProduction())
            item->setForeground(QColor(p.effectiveColour()));
        if (p.name == select)
            m_list->setCurrentItem(item);
    }
}

void ConnectionsDialog::edit(const ConnectionProfile& p)
{
    m_name->setText(p.name);
    m_address->setText(p.address);
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(int(p.kind))));
    m_database->setValue(p.database);
    m_layout->setCurrentText(p.layout);
    m_prefix->setText(p.prefix);
    m_environment->setCurrentIndex(qMax(0, m_environment->findData(int(p.environment))));
    m_readOnly->setChecked(p.readOnly);
    const int proxy = m_proxy->findData(p.proxy.toString());
    if (proxy >= 0)
        m_proxy->setCurrentIndex(proxy);
    else
        m_proxy->setEditText(p.proxy.toString());
    m_secret->clear();
    m_status->clear();
}

ConnectionProfile ConnectionsDialog::profileFromForm() const
{
    ConnectionProfile p;
    if (auto saved = m_profiles->find(m_name->text().trimmed()))
        p = saved.value(); // keep what the form does not show (colour, secret source ...)
    p.name = m_name->text().trimmed();
    p.address = m_address->text().trimmed();
    p.kind = ConnectionProfile::Kind(m_kind->currentData().toInt());
    p.database = m_database->value();
    p.layout = m_layout->currentText().trimmed();
    p.prefix = m_prefix->text().trimmed();
    p.environment = ConnectionProfile::Environment(m_environment->currentData().toInt());
    p.readOnly = m_readOnly->isChecked();
    if (auto proxy = proxyFromForm())
        p.proxy = proxy.value(); // a wrong one is reported by validateForm()
    return p;
}

Result<RestProxy> ConnectionsDialog::proxyFromForm() const
{
    const int i = m_proxy->currentIndex();
    if (i >= 0 && m_proxy->currentText() == m_proxy->itemText(i))
        return RestProxy::parse(m_proxy->itemData(i).toString());
    return RestProxy::parse(m_proxy->currentText());
}

Result<void> ConnectionsDialog::validateForm(const ConnectionProfile& profile) const
{
    if (auto proxy = proxyFromForm(); !proxy)
        return proxy.error();
    return profile.validate();
}

QByteArray ConnectionsDialog::typedSecret() const
{
    return m_secret->text().toUtf8();
}

void ConnectionsDialog::saveProfile()
{
    ConnectionProfile p = profileFromForm();
    if (auto proxy = proxyFromForm(); !proxy) {
        m_status->setText(proxy.error().message);
        return;
    }
    const QByteArray secret = typedSecret();
    if (!secret.isEmpty()) {
        p.secretSource = m_remember->isChecked() ? ConnectionProfile::SecretSource::Keychain
                                                 : ConnectionProfile::SecretSource::Session;
    }
    if (auto ok = m_profiles->save(p, true); !ok) {
        m_status->setText(ok.error().message);
        return;
    }
    m_status->setText(tr("Saved \"%1\" in %2.").arg(p.name, m_profiles->fileName()));
    if (!secret.isEmpty() && m_remember->isChecked()) {
        const QString name = p.name;
        m_secrets->write(name, SecretSlot::Token, secret).then(this, [this, name](Result<void> r) {
            m_status->setText(r ? tr("Saved \"%1\"; its secret is in the keychain.").arg(name)
                                : r.error().message);
        });
    }
    reloadList(p.name);
}

void ConnectionsDialog::removeProfile()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return;
    if (auto ok = m_profiles->remove(name); !ok) {
        m_status->setText(ok.error().message);
        return;
    }
    m_secrets->remove(name, SecretSlot::Token);
    m_secrets->remove(name, SecretSlot::ReadOnlyToken);
    m_status->setText(tr("Removed \"%1\".").arg(name));
    reloadList();
    edit(ConnectionProfile{});
}

void ConnectionsDialog::importEnvFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a .env.local file"),
                                                      QString(), tr("Env files (.env*);;All (*)"));
    if (path.isEmpty())
        return;
    auto env = EnvFileImport::read(path);
    if (!env) {
        m_status->setText(env.error().message);
        return;
    }
    ConnectionProfile p;
    p.name =
        m_name->text().trimmed().isEmpty() ? QStringLiteral("imported") : m_name->text().trimmed();
    p.address = env.value().url;
    p.kind = ConnectionProfile::guessKind(p.address);
    edit(p);
    m_secret->setText(QString::fromUtf8(env.value().token.isEmpty() ? env.value().readOnlyToken
                                                                    : env.value().token));
    if (env.value().token.isEmpty() && !env.value().readOnlyToken.isEmpty())
        m_readOnly->setChecked(true);
    m_status->setText(tr("Read %1 from %2 (the token is not shown). Save to keep it.")
                          .arg(env.value().urlVariable, path));
}

void ConnectionsDialog::testConnection()
{
    const ConnectionProfile profile = profileFromForm();
    ConnectionProfile testProfile = profile;
    if (testProfile.name.isEmpty())
        testProfile.name = QStringLiteral("test");
    if (auto ok = validateForm(testProfile); !ok) {
        m_status->setText(ok.error().message);
        m_testResult = ok.error().message;
        Q_EMIT testFinished(false, m_testResult);
        return;
    }
    ConnectionSecrets secrets;
    secrets.secret = typedSecret();
    QObject* context = m_testThread->context();
    auto store = m_testThread->call([&]() -> Result<KvStore*> {
        auto s = StoreFactory::create(testProfile, secrets);
        if (!s)
            return s.error();
        KvStore* raw = s.value().release();
        raw->setParent(context);
        return raw;
    });
    if (!store) {
        m_status->setText(store.error().message);
        m_testResult = store.error().message;
        Q_EMIT testFinished(false, m_testResult);
        return;
    }
    KvStore* s = store.value();
    m_status->setText(tr("Testing %1 ...").arg(profile.address));
    s->execute({{QByteArrayLiteral("DBSIZE")}})
        .then(postTo<Result<KvStore::Replies>>(
            this,
            [this, s](Result<KvStore::Replies> r) {
                const bool ok = r && !r.value().isEmpty() && !r.value().first().isError();
                m_testResult =
                    ok ? tr("Connected: %n key(s).", "", int(r.value().first().integer))
                       : (r ? QString::fromUtf8(r.value().first().bytes) : r.error().message);
                m_status->setText(m_testResult);
                s->deleteLater();
                Q_EMIT testFinished(ok, m_testResult);
            }))
        .onCanceled(this, [this, s] {
            m_testResult = tr("The test was cancelled.");
            s->deleteLater();
            Q_EMIT testFinished(false, m_testResult);
        });
}

QString ConnectionsDialog::testResult() const
{
    return m_testResult;
}

} // namespace pmkv
