#pragma once

#include <QByteArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace pmkv {

class KvFilterProxyModel;
class KvTreeModel;

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
    // Filters by the search box's text now rather than after the typing pauses.
    void applySearch();
    // Selects the first key the search shows (Enter in the search box); false when none.
    bool selectFirstMatch();

Q_SIGNALS:
    void currentKeyChanged(const QByteArray& key); // empty for namespaces
    void loadAllRequested();
    void retryRequested();
    void connectRequested();

private:
    void expandMatches();

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
    QTimer* m_searchDelay;
    QString m_appliedSearch;
};

} // namespace pmkv
