#pragma once

#include <QByteArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace pmkv {

class KvFilterProxyModel;
class KvTreeModel;
class SearchTyping;

// The right pane: the key space of a connection as a namespace tree with each key's sync
// state, a search box, a state filter, "load all" and the loading progress. A banner says
// when the connection failed (with a retry button); before any connection a placeholder says
// how to make one.
class KvPane final : public QWidget
{
    Q_OBJECT

public:
    explicit KvPane(QWidget* parent = nullptr);

    KvTreeModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QLineEdit* searchBox() const { return m_search; }
    QComboBox* filterBox() const { return m_filter; }

    void setConnected(bool connected);
    void setProgress(const QString& text);
    void showBanner(const QString& message); // empty: hide
    QString bannerText() const;
    bool selectKey(const QByteArray& key);
    QByteArray currentKey() const;
    // Searches for the search box's text now rather than after the typing pauses (the rows
    // change once a worker has matched the keys: searchApplied()).
    void applySearch();
    // Selects the first key the search shows; false when none. Enter in the search box does
    // it once the search is applied.
    bool selectFirstMatch();

Q_SIGNALS:
    void currentKeyChanged(const QByteArray& key); // empty for namespaces
    void loadAllRequested();
    void retryRequested();
    void connectRequested();
    // The rows show the search for `text` (empty: every row), the rows that lead to the first
    // matches opened.
    void searchApplied(const QString& text);

private:
    KvTreeModel* m_model;
    KvFilterProxyModel* m_proxy;
    QStackedWidget* m_stack;
    QWidget* m_banner;
    QLabel* m_bannerText;
    QLineEdit* m_search;
    QComboBox* m_filter;
    QPushButton* m_loadAll;
    QLabel* m_progress;
    QTreeView* m_view;
    SearchTyping* m_typing;
};

} // namespace pmkv
