#include "backupchoicepage.h"

#include "pathfield.h"
#include "statustone.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace pmkv {

namespace {
const QString backupFilter = QStringLiteral("Backups (*.tar.gz *.tgz *.ndjson);;All files (*)");
}

BackupChoicePage::BackupChoicePage(const JobTarget& target, QWidget* parent)
    : QWizardPage(parent), m_target(target), m_make(new QRadioButton(tr("&Make a backup"), this)),
      m_verify(new QRadioButton(tr("&Verify an existing backup"), this)),
      m_restore(new QRadioButton(tr("&Restore a backup"), this)),
      m_makeGroup(new QGroupBox(tr("Make"), this)),
      m_verifyGroup(new QGroupBox(tr("Verify"), this)),
      m_restoreGroup(new QGroupBox(tr("Restore"), this)),
      m_files(new QCheckBox(tr("The files: the folder as a .tar.gz with a SHA-256 manifest"),
                            m_makeGroup)),
      m_keys(new QCheckBox(m_makeGroup)),
      m_destination(new PathField(PathField::Kind::Folder, m_makeGroup)),
      m_existing(new PathField(PathField::Kind::ExistingFile, m_verifyGroup)),
      m_restoreFrom(new PathField(PathField::Kind::ExistingFile, m_restoreGroup)),
      m_restoreTo(new PathField(PathField::Kind::Folder, m_restoreGroup)),
      m_overwrite(
          new QCheckBox(tr("Replace the files of a folder that is not empty"), m_restoreGroup)),
      m_liveWarning(new QLabel(m_restoreGroup)), m_typedName(new QLineEdit(m_restoreGroup)),
      m_problem(new QLabel(this))
{
    setTitle(tr("Backup"));
    setSubTitle(tr("Folder: %1").arg(QDir::toNativeSeparators(target.root)));
    const QString folder = QFileInfo(QDir::cleanPath(target.root)).fileName();

    m_files->setChecked(!target.root.isEmpty());
    m_files->setEnabled(!target.root.isEmpty());
    m_keys->setEnabled(target.hasKeySpace());
    m_keys->setText(target.hasKeySpace()
                        ? tr("The key space %1: a snapshot of the layout's keys (NDJSON + "
                             "SHA-256 manifest, in the state folder)")
                              .arg(target.profile->name)
                        : tr("The key space: no connection is open"));
    m_destination->setPath(QFileInfo(QDir::cleanPath(target.root)).absolutePath());
    auto* make = new QFormLayout(m_makeGroup);
    make->addRow(m_files);
    make->addRow(m_keys);
    make->addRow(tr("Archive folder:"), m_destination);

    m_existing->setFilter(backupFilter);
    auto* verify = new QFormLayout(m_verifyGroup);
    verify->addRow(tr("Backup or snapshot:"), m_existing);

    m_restoreFrom->setFilter(backupFilter);
    if (!target.root.isEmpty())
        m_restoreTo->setPath(QDir::cleanPath(target.root) + QStringLiteral("-restored"));
    m_liveWarning->setWordWrap(true);
    m_liveWarning->setText(tr("This is the live folder: its files will be replaced. Tick the box "
                              "above and type the folder's name, %1, to confirm.")
                               .arg(folder));
    m_typedName->setPlaceholderText(folder);
    auto* restore = new QFormLayout(m_restoreGroup);
    restore->addRow(tr("Backup archive:"), m_restoreFrom);
    restore->addRow(tr("Into the folder:"), m_restoreTo);
    restore->addRow(m_overwrite);
    restore->addRow(m_liveWarning);
    restore->addRow(tr("Folder name:"), m_typedName);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_make);
    layout->addWidget(m_makeGroup);
    layout->addWidget(m_verify);
    layout->addWidget(m_verifyGroup);
    layout->addWidget(m_restore);
    layout->addWidget(m_restoreGroup);
    m_problem->setObjectName(QStringLiteral("choiceProblem"));
    m_problem->setWordWrap(true);
    StatusTone::apply(m_problem, StatusTone::Tone::Bad);
    layout->addWidget(m_problem);
    layout->addStretch(1);

    m_make->setChecked(true);
    for (QRadioButton* button : {m_make, m_verify, m_restore})
        connect(button, &QRadioButton::toggled, this, &BackupChoicePage::update);
    for (QCheckBox* box : {m_files, m_keys, m_overwrite})
        connect(box, &QCheckBox::toggled, this, &BackupChoicePage::update);
    for (PathField* field : {m_destination, m_existing, m_restoreFrom, m_restoreTo})
        connect(field, &PathField::pathChanged, this, &BackupChoicePage::update);
    connect(m_typedName, &QLineEdit::textChanged, this, &BackupChoicePage::update);
    update();
}

BackupChoicePage::Mode BackupChoicePage::mode() const
{
    if (m_verify->isChecked())
        return Mode::Verify;
    return m_restore->isChecked() ? Mode::Restore : Mode::Make;
}

void BackupChoicePage::setMode(Mode mode)
{
    (mode == Mode::Make ? m_make : mode == Mode::Verify ? m_verify : m_restore)->setChecked(true);
}

bool BackupChoicePage::filesChosen() const
{
    return m_files->isChecked();
}

bool BackupChoicePage::keysChosen() const
{
    return m_keys->isChecked();
}

QString BackupChoicePage::destination() const
{
    return m_destination->path();
}

QString BackupChoicePage::existing() const
{
    return m_existing->path();
}

QString BackupChoicePage::restoreFrom() const
{
    return m_restoreFrom->path();
}

QString BackupChoicePage::restoreTo() const
{
    return m_restoreTo->path();
}

bool BackupChoicePage::overwrite() const
{
    return m_overwrite->isChecked();
}

bool BackupChoicePage::restoresOverLiveFolder() const
{
    return !m_target.root.isEmpty() && !restoreTo().isEmpty() &&
           QFileInfo(restoreTo()).absoluteFilePath() == QFileInfo(m_target.root).absoluteFilePath();
}

bool BackupChoicePage::isComplete() const
{
    if (!problemText().isEmpty())
        return false;
    // Over the live folder: the box ticked and its name typed (the warning says so).
    return mode() != Mode::Restore || !restoresOverLiveFolder() ||
           (overwrite() &&
            m_typedName->text().trimmed() == QFileInfo(QDir::cleanPath(m_target.root)).fileName());
}

// The job would only fail later on these, naming the path; said here, by the field's label.
// (A stat of the typed path, as a file dialog makes: no file is read.)
QString BackupChoicePage::problemText() const
{
    auto missingFile = [](const QString& field, const QString& path) {
        return tr("%1 %2 does not exist or is not a file: choose an existing backup with "
                  "Browse...")
            .arg(field, QDir::toNativeSeparators(path));
    };
    switch (mode()) {
    case Mode::Make:
        if (!filesChosen() && !keysChosen())
            return tr("Tick the files, the key space or both.");
        if (filesChosen() && destination().isEmpty())
            return tr("Archive folder: give the folder the archive goes into (it is made if "
                      "missing), or untick the files.");
        return QString();
    case Mode::Verify:
        if (existing().isEmpty())
            return tr("Backup or snapshot: choose the file to verify.");
        if (!QFileInfo(existing()).isFile())
            return missingFile(tr("Backup or snapshot:"), existing());
        return QString();
    case Mode::Restore:
        if (restoreFrom().isEmpty())
            return tr("Backup archive: choose the .tar.gz to restore.");
        if (!QFileInfo(restoreFrom()).isFile())
            return missingFile(tr("Backup archive:"), restoreFrom());
        if (restoreTo().isEmpty())
            return tr("Into the folder: give the folder to restore into (it is made if "
                      "missing).");
        if (QFileInfo(restoreTo()).isFile())
            return tr("Into the folder: %1 is a file: give a folder.")
                .arg(QDir::toNativeSeparators(restoreTo()));
        return QString();
    }
    return QString();
}

void BackupChoicePage::update()
{
    m_makeGroup->setEnabled(mode() == Mode::Make);
    m_destination->setEnabled(filesChosen());
    m_verifyGroup->setEnabled(mode() == Mode::Verify);
    m_restoreGroup->setEnabled(mode() == Mode::Restore);
    const bool live = restoresOverLiveFolder();
    m_liveWarning->setVisible(live);
    m_typedName->setVisible(live);
    if (QWidget* label =
            static_cast<QFormLayout*>(m_restoreGroup->layout())->labelForField(m_typedName))
        label->setVisible(live);
    m_problem->setText(problemText());
    m_problem->setVisible(!m_problem->text().isEmpty());
    Q_EMIT completeChanged();
}

} // namespace pmkv
