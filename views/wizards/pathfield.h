#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace pmkv {

// A path typed or chosen with "Browse...": the file dialog opens window-modal with open()
// (no nested event loop) and fills the field when the user picks something.
class PathField final : public QWidget
{
    Q_OBJECT

public:
    // FolderOrFile: a diff side, which may be a folder or a file (two buttons).
    enum class Kind { ExistingFile, Folder, NewFile, FolderOrFile };

    explicit PathField(Kind kind, QWidget* parent = nullptr);

    QString path() const;
    void setPath(const QString& path);
    // Shown in the dialog ("Backups (*.tar.gz *.tgz)").
    void setFilter(const QString& filter) { m_filter = filter; }
    QLineEdit* edit() const { return m_edit; }

Q_SIGNALS:
    void pathChanged(const QString& path);

private:
    void browse(Kind kind);

    Kind m_kind;
    QString m_filter;
    QLineEdit* m_edit;
    QPushButton* m_browse;
    QPushButton* m_browseFile = nullptr; // FolderOrFile only
};

} // namespace pmkv
