#pragma once

#include "filetreesnapshot.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace pmkv {

class FileTreeModel;
class FileFilterProxyModel;
class OverviewStrip;
class SearchTyping;

// The left pane: the file tree of a pm/ folder with a search box (matched on a worker once
// the typing pauses), an "only problems" switch, sync state and kind filters, and an overview
// strip of the differences.
class FilePane final : public QWidget
{
    Q_OBJECT

public:
    explicit FilePane(QWidget* parent = nullptr);

    void setSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot);
    // Without a folder the pane says so and offers to open one (openRequested).
    void setFolderOpen(bool open);
    FileTreeModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QLineEdit* searchBox() const { return m_search; }
    // Filters by the search box's text now (no wait for a pause in the typing).
    void applySearch();
    // Selects the first row, in the order shown, that holds the applied search text.
    bool selectFirstMatch();
    bool selectPath(const QString& relativePath);
    // Selects the row of an entity file (a project's project.json is its folder's row).
    bool selectEntityPath(const QString& entityPath);
    QString currentPath() const;
    // The entity file of the current row, empty for plain folders.
    QString currentEntityPath() const;
    QComboBox* filterBox() const { return m_filter; }
    QComboBox* kindBox() const { return m_kind; }
    QCheckBox* onlyProblemsBox() const { return m_onlyProblems; }
    OverviewStrip* overview() const { return m_overview; }
    // Recomputes the overview strip's marks from the model's states.
    void updateOverview();
    QModelIndex proxyToSource(const QModelIndex& index) const;

Q_SIGNALS:
    void openRequested();
    // An empty path when nothing is selected.
    void currentPathChanged(const QString& relativePath);
    // The rows show the search for `text` (empty: every row), matched on a worker once the
    // typing paused.
    void searchApplied(const QString& text);

private:
    QStringList expandedPaths() const; // the open rows, by relative path

    FileTreeModel* m_model;
    FileFilterProxyModel* m_proxy;
    QLineEdit* m_search;
    SearchTyping* m_typing;
    QCheckBox* m_onlyProblems;
    QComboBox* m_filter;
    QComboBox* m_kind;
    OverviewStrip* m_overview;
    QTreeView* m_view;
    QStackedWidget* m_stack;
};

} // namespace pmkv
