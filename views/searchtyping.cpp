#include "searchtyping.h"

#include <QLineEdit>
#include <QTimer>

#include <utility>

namespace pmkv {

SearchTyping::SearchTyping(QLineEdit* box, Pane pane, QObject* parent)
    : QObject(parent), m_box(box), m_pane(std::move(pane)), m_delay(new QTimer(this))
{
    m_delay->setSingleShot(true);
    m_delay->setInterval(kDelayMs);
    connect(m_delay, &QTimer::timeout, this, &SearchTyping::applyNow);
    connect(m_box, &QLineEdit::textChanged, m_delay, qOverload<>(&QTimer::start));
    connect(m_box, &QLineEdit::returnPressed, this, [this] {
        applyNow(); // at once, then to the first match
        if (m_pane.isSearching())
            m_selectFirstMatch = true;
        else
            m_pane.selectFirstMatch();
    });
}

void SearchTyping::applyNow()
{
    m_delay->stop();
    const QString text = m_box->text().trimmed();
    if (m_pane.isApplied(text))
        return;
    m_selectFirstMatch = false; // (an Enter for an older text)
    m_pane.search(text);
}

void SearchTyping::searchApplied()
{
    if (std::exchange(m_selectFirstMatch, false))
        m_pane.selectFirstMatch();
}

} // namespace pmkv
