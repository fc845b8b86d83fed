#pragma once

#include <QObject>

#include <functional>

class QLineEdit;
class QTimer;

namespace pmkv {

// How the search box of every pane behaves: the search starts once the typing pauses, or at
// once on Enter, which then goes to the first match as soon as the rows show the search (a
// worker matches it). The pane says how to search and how to select.
class SearchTyping final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDelayMs = 250;

    struct Pane
    {
        std::function<bool(const QString& text)> isApplied; // shown, or on its way
        std::function<void(const QString& text)> search;    // (the text is trimmed)
        std::function<bool()> isSearching;                  // a worker is matching
        std::function<bool()> selectFirstMatch;
    };

    SearchTyping(QLineEdit* box, Pane pane, QObject* parent);

    // Searches for the box's text now (no wait for a pause), unless it is applied already.
    void applyNow();
    // The pane's rows show a search now: to the first match, if Enter asked for it meanwhile.
    void searchApplied();

private:
    QLineEdit* m_box;
    Pane m_pane;
    QTimer* m_delay;
    bool m_selectFirstMatch = false; // Enter pressed: once the search is applied
};

} // namespace pmkv
