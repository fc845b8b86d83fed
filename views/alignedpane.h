#pragma once

#include "alignedsearchmarks.h"
#include "alignedtree.h"

#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace pmkv {

class AlignedFilterProxyModel;
class EmptyStatePage;
class SearchTyping;
class AlignedTreeModel;

// The aligned mode of the two panes (as Meld, KDiff3 and Beyond Compare show two folders):
// the files on the left and the key space on the right as one entity hierarchy, row by row,
// with a placeholder where a side lacks an entity. Both trees sit on one model and one
// selection; one vertical scroll bar (the right one) moves both, and opening or closing a row
// on one side does it on the other. The sync filter and "Only problems" hide a row on both
// sides at once. The search box finds rows by the names, files and keys of both sides (matched
// on a worker once the typing pauses; Enter goes to the first match).
class AlignedPane final : public QWidget
{
    Q_OBJECT

public:
    explicit AlignedPane(QWidget* parent = nullptr);

    // Replaces the rows, keeping the open rows, the current row and the scroll position.
    // While a search is shown, the new rows come once the search has been matched on them
    // (a worker), so they never show unfiltered.
    void setTree(std::shared_ptr<const AlignedTree> tree);
    AlignedTreeModel* model() const { return m_model; }
    AlignedFilterProxyModel* proxy() const { return m_proxy; }
    QTreeView* fileView() const { return m_fileView; }
    QTreeView* keyView() const { return m_keyView; }
    QComboBox* filterBox() const { return m_filter; }
    QCheckBox* onlyProblemsBox() const { return m_onlyProblems; }
    QLineEdit* searchBox() const { return m_search; }
    QString summaryText() const;
    // Searches for the search box's text now rather than after the typing pauses.
    void applySearch();
    // The rows need a folder and a connection: without both the pane says which is missing
    // and offers it (openFolderRequested, connectRequested).
    void setSidesOpen(bool folder, bool connected);
    // Selects the first row that holds the search text; false when none.
    bool selectFirstMatch();

    bool selectKey(const QByteArray& key);
    bool selectEntityPath(const QString& entityPath);
    QByteArray currentKey() const;
    QString currentEntityPath() const;
    // The current row's state, and whether each side has it.
    SyncState currentState() const;
    bool currentInFiles() const;
    bool currentInKv() const;
    // The current row's entity in the report of a two-sides tree (AlignedTree::fromReport);
    // -1 for a folder row or none.
    int currentReportEntity() const;

Q_SIGNALS:
    void openFolderRequested();
    void connectRequested();
    void currentRowChanged(const QString& entityPath, const QByteArray& key);
    // A context menu on a side (true: the file side) at a global position.
    void contextMenuRequested(bool fileSide, const QPoint& globalPos);
    // The rows show the search for `text` (empty: every row).
    void searchApplied(const QString& text);

private:
    void showTree(std::shared_ptr<const AlignedTree> tree);
    void search(const QString& text); // (trimmed, not the one shown)
    // Matches the search text on `tree` on a worker; then `done` with the marks, unless a
    // newer text or tree came meanwhile.
    void startSearch(std::shared_ptr<const AlignedTree> tree,
                     std::function<void(AlignedSearchMarks)> done);
    bool selectSource(const QModelIndex& source);
    void mirrorExpansion(QTreeView* from, QTreeView* to);
    void openFilteredRows();
    QStringList expandedRows() const;

    AlignedTreeModel* m_model;
    AlignedFilterProxyModel* m_proxy;
    QComboBox* m_filter;
    QCheckBox* m_onlyProblems;
    QLabel* m_summary;
    QLineEdit* m_search;
    QStackedWidget* m_stack;
    EmptyStatePage* m_placeholder;
    QPushButton* m_openFolder;
    QPushButton* m_connect;
    SearchTyping* m_typing;
    QTreeView* m_fileView;
    QTreeView* m_keyView;
    std::shared_ptr<const AlignedTree> m_tree; // the newest given (shown, or being searched)
    QString m_searchText;                      // asked for (trimmed)
    quint64 m_searchGeneration = 0;            // a newer text or tree drops older results
    bool m_searching = false;                  // a worker matches the newest text or tree
};

} // namespace pmkv
