#pragma once

#include "filetreesnapshot.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLineEdit;
class QTreeView;

namespace pmkv {

class FileTreeModel;
class FileFilterProxyModel;

// The left pane: the file tree of a pm/ folder with a search box and an "only problems"
// switch.
class FilePane final : public QWidget
{
    Q_OBJECT

public:
    explicit FilePane(QWidget* parent = nullptr);

    void setSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot);
    FileTreeModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QLineEdit* searchBox() const { return m_search; }
    bool selectPath(const QString& relativePath);
    QString currentPath() const;
    QModelIndex proxyToSource(const QModelIndex& index) const;

Q_SIGNALS:
    // An empty path when nothing is selected.
    void currentPathChanged(const QString& relativePath);

private:
    FileTreeModel* m_model;
    FileFilterProxyModel* m_proxy;
    QLineEdit* m_search;
    QCheckBox* m_onlyProblems;
    QTreeView* m_view;
};

} // namespace pmkv
