#pragma once

#include "filetreesnapshot.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QSplitter;

namespace pmkv {

class DocumentView;
class FilePane;
class FolderLoader;
class KvPane;

// A thin shell that composes the panes: files on the left, the key space on the right, the
// selected item's detail below. Loading happens on a worker thread (FolderLoader); the
// window keeps its layout, splitter sizes and last folder between runs.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // `select`: a path relative to the folder to select once it is read (e.g. from a report).
    void openFolder(const QString& root, const QString& select = QString());
    QString folder() const { return m_root; }

    FilePane* filePane() const { return m_filePane; }
    DocumentView* documentView() const { return m_documentView; }
    FolderLoader* loader() const { return m_loader; }
    QString statusText() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void restoreLayout();
    void saveLayout() const;
    void chooseFolder();
    void showSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot, qint64 milliseconds);
    void showSelection(const QString& relativePath);

    QString m_root;
    QString m_pendingSelection;
    std::shared_ptr<const FileTreeSnapshot> m_snapshot;
    FolderLoader* m_loader;
    FilePane* m_filePane;
    KvPane* m_kvPane;
    DocumentView* m_documentView;
    QSplitter* m_outer;
    QSplitter* m_sides;
    QLabel* m_status;
};

} // namespace pmkv
