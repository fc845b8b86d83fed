#include "connectionsdialog.h"

#include "connections/envfileimport.h"
#include "connections/profilestore.h"
#include "kv/kvwait.h"
#include "layout/keylayout.h"
#include "localenvconnection.h"
#include "nextsteptext.h"
#include "postto.h"
#include "workflows/connectionbook.h"
#include "workflows/targetsession.h"

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
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {
namespace {

// A book call on a worker: a book of its own over the same profiles file (a QSettings object
// is not shared between threads; the files are).
template <typename T, typename F> QFuture<Result<T>> onBook(const QString& profilesFile, F call)
{
    return QtConcurrent::run([profilesFile, call] {
        ProfileStore profiles(profilesFile);
        ConnectionBook book(profiles);
        return Result<T>(call(book));
    });
}

struct TestOutcome
{
    bool ok = false;
    QString message;
};

} // namespace

ConnectionsDialog::ConnectionsDialog(ProfileStore* profiles, QWidget* parent)
    : QDialog(parent), m_profiles(profiles)
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
    m_replicaReads = new QCheckBox(tr("Browse from replicas (Redis Cluster)"), this);
    m_replicaReads->setObjectName(QStringLiteral("profileReplicaReads"));
    m_replicaReads->setToolTip(
        tr("The key tree, the comparison and the values are read from the masters' replicas, "
           "which spreads the load but may lag behind by the replication delay. Edits, "
           "migrations and every other job read the masters."));
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
    form->addRow(QString(), m_replicaReads);
    form->addRow(tr("Pro&xy:"), m_proxy);
    form->addRow(tr("&Secret:"), m_secret);
    form->addRow(QString(), m_remember);

    auto* test = new QPushButton(tr("&Test"), this);
    test->setObjectName(QStringLiteral("testButton"));
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
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
    buttons->addWidget(m_save);
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
    connect(import, &QPushButton::clicked, this, &ConnectionsDialog::chooseEnvFile);
    connect(test, &QPushButton::clicked, this, &ConnectionsDialog::testConnection);
    connect(m_save, &QPushButton::clicked, this, &ConnectionsDialog::saveProfile);
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
    m_replicaReads->setChecked(p.replicaReads);
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
    p.replicaReads = m_replicaReads->isChecked();
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

bool ConnectionsDialog::showOutcome(const Error* error, const QString& done)
{
    QString text = done;
    if (error) {
        text = error->message;
        const QString step = NextStepText::sentence(error->next);
        if (!step.isEmpty())
            text += QLatin1Char(' ') + step;
    }
    m_status->setText(text);
    m_save->setEnabled(true);
    Q_EMIT bookFinished(!error, text);
    return !error;
}

// The secret goes first (the keychain, or this session's memory when "remember" is off),
// then the profile: a keychain that refuses leaves the saved profiles as they were.
void ConnectionsDialog::saveProfile()
{
    ConnectionBook::Save request;
    request.profile = profileFromForm();
    request.token = typedSecret();
    request.replace = true; // Save updates the profile of that name
    if (!request.token.isEmpty()) {
        request.profile.secretSource = m_remember->isChecked()
                                           ? ConnectionProfile::SecretSource::Keychain
                                           : ConnectionProfile::SecretSource::Session;
    }
    if (auto ok = validateForm(request.profile); !ok) {
        showOutcome(&ok.error(), QString());
        return;
    }
    const bool toKeychain =
        request.profile.secretSource == ConnectionProfile::SecretSource::Keychain &&
        !request.token.isEmpty();
    m_save->setEnabled(false);
    m_status->setText(tr("Saving \"%1\" ...").arg(request.profile.name));
    onBook<ConnectionProfile>(m_profiles->fileName(),
                              [request](ConnectionBook& book) { return book.save(request); })
        .then(postTo<Result<ConnectionProfile>>(
            this, [this, toKeychain](Result<ConnectionProfile> saved) {
                if (!saved) {
                    showOutcome(&saved.error(), QString());
                    return;
                }
                const ConnectionProfile& p = saved.value();
                const QString where =
                    toKeychain ? tr("Saved \"%1\"; its secret is in the keychain.").arg(p.name)
                               : tr("Saved \"%1\" in %2.").arg(p.name, m_profiles->fileName());
                reloadList(p.name);
                showOutcome(nullptr, where);
            }));
}

// The keychain's secrets first, then the profile.
void ConnectionsDialog::removeProfile()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return;
    m_status->setText(tr("Removing \"%1\" ...").arg(name));
    onBook<QStringList>(m_profiles->fileName(), [name](ConnectionBook& book) {
        return book.remove(name);
    }).then(postTo<Result<QStringList>>(this, [this, name](Result<QStringList> removed) {
        if (!removed) {
            showOutcome(&removed.error(), QString());
            return;
        }
        reloadList();
        edit(ConnectionProfile{});
        QString text = tr("Removed \"%1\".").arg(name);
        if (!removed.value().isEmpty())
            text += QLatin1Char(' ') + removed.value().join(QLatin1Char(' '));
        showOutcome(nullptr, text);
    }));
}

void ConnectionsDialog::chooseEnvFile()
{
    auto* choose = new QFileDialog(this, tr("Import a .env.local file"), QString(),
                                   tr("Env files (.env*);;All (*)"));
    choose->setAttribute(Qt::WA_DeleteOnClose);
    choose->setFileMode(QFileDialog::ExistingFile);
    connect(choose, &QFileDialog::fileSelected, this, &ConnectionsDialog::importEnvFile);
    choose->open();
}

// Saves a connection from the file's URL and tokens at once (the tokens go to the keychain
// first), named as the form says when that name is not taken, else after the URL's host.
void ConnectionsDialog::importEnvFile(const QString& path)
{
    ConnectionBook::Import request;
    const QString typed = m_name->text().trimmed();
    if (!typed.isEmpty() && !m_profiles->contains(typed) &&
        typed != LocalEnvConnection::reservedName())
        request.profile.name = typed;
    m_status->setText(tr("Importing %1 ...").arg(path));
    onBook<ConnectionProfile>(m_profiles->fileName(),
                              [path, request](ConnectionBook& book) -> Result<ConnectionProfile> {
                                  auto env = EnvFileImport::read(path);
                                  if (!env)
                                      return env.error();
                                  return book.import(env.value(), request);
                              })
        .then(postTo<Result<ConnectionProfile>>(this, [this, path](Result<ConnectionProfile> r) {
            if (!r) {
                showOutcome(&r.error(), QString());
                return;
            }
            reloadList(r.value().name);
            edit(r.value());
            showOutcome(nullptr, tr("Imported \"%1\" from %2 (the tokens are in the keychain, "
                                    "not shown).")
                                     .arg(r.value().name, path));
        }));
}

// Opens the form's profile as a session would (a secret typed here, else the saved one), on
// a worker, and asks for DBSIZE.
void ConnectionsDialog::testConnection()
{
    ConnectionProfile testProfile = profileFromForm();
    if (testProfile.name.isEmpty())
        testProfile.name = QStringLiteral("test");
    if (auto ok = validateForm(testProfile); !ok) {
        m_status->setText(ok.error().message);
        m_testResult = ok.error().message;
        Q_EMIT testFinished(false, m_testResult);
        return;
    }
    TargetSession::Options options;
    options.typedSecret = typedSecret();
    m_status->setText(tr("Testing %1 ...").arg(testProfile.address));
    QtConcurrent::run([testProfile, options] {
        TestOutcome o;
        auto session = TargetSession::open(testProfile, options);
        if (!session) {
            o.message = session.error().message;
            return o;
        }
        KvStore& store = session.value()->store();
        auto r = waitFor(store, store.execute({{QByteArrayLiteral("DBSIZE")}}));
        o.ok = r && !r.value().isEmpty() && !r.value().first().isError();
        const qint64 keys = o.ok ? r.value().first().integer : 0;
        o.message = !o.ok ? (r ? QString::fromUtf8(r.value().first().bytes) : r.error().message)
                    : keys == 1 ? tr("Connected: 1 key.")
                                : tr("Connected: %L1 keys.").arg(keys);
        return o;
    }).then(postTo<TestOutcome>(this, [this](TestOutcome o) {
        m_testResult = o.message;
        m_status->setText(m_testResult);
        Q_EMIT testFinished(o.ok, m_testResult);
    }));
}

QString ConnectionsDialog::testResult() const
{
    return m_testResult;
}

} // namespace pmkv
