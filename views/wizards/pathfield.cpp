#include "pathfield.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace pmkv {

PathField::PathField(Kind kind, QWidget* parent)
    : QWidget(parent), m_kind(kind), m_edit(new QLineEdit(this)),
      m_browse(new QPushButton(tr("Browse..."), this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);
    connect(m_edit, &QLineEdit::textChanged, this, &PathField::pathChanged);
    if (kind == Kind::FolderOrFile) {
        m_browse->setText(tr("Folder..."));
        m_browseFile = new QPushButton(tr("File..."), this);
        layout->addWidget(m_browseFile);
        connect(m_browseFile, &QPushButton::clicked, this, [this] { browse(Kind::ExistingFile); });
    }
    connect(m_browse, &QPushButton::clicked, this,
            [this] { browse(m_kind == Kind::FolderOrFile ? Kind::Folder : m_kind); });
}

QString PathField::path() const
{
    return m_edit->text().trimmed();
}

void PathField::setPath(const QString& path)
{
    m_edit->setText(path);
}

void PathField::browse(Kind kind)
{
    auto* dialog = new QFileDialog(window(), QString(), QFileInfo(path()).absolutePath(), m_filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    switch (kind) {
    case Kind::ExistingFile:
        dialog->setFileMode(QFileDialog::ExistingFile);
        break;
    case Kind::Folder:
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        break;
    case Kind::NewFile:
    case Kind::FolderOrFile:
        dialog->setFileMode(QFileDialog::AnyFile);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        break;
    }
    connect(dialog, &QFileDialog::fileSelected, this, &PathField::setPath);
    dialog->open();
}

} // namespace pmkv
