#include "kvpane.h"

#include "emptystatepage.h"
#include "kvfilterproxymodel.h"
#include "kvtreemodel.h"
#include "matchexpander.h"
#include "searchtyping.h"
#include "statecolumnfit.h"
#include "syncbardelegate.h"
#include "syncfilter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace pmkv {

KvPane::KvPane(QWidget* parent) : QWidget(parent)
{
    m_model = new KvTreeModel(this);
    m_proxy = new KvFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);

    auto* placeholder = new EmptyStatePage(QStringLiteral("kvPlaceholder"), this);
    placeholder->setText(tr("Key space"), tr("No connection yet."),
                         tr("The keys of an Upstash database, a local proxy or a Redis server "
                            "will appear here, aligned with the files on the left, each with its "
                            "sync state."));
    connect(placeholder->addButton(tr("Connect... (Ctrl+K)")), &QPushButton::clicked, this,
            &KvPane::connectRequested);

    auto* tree = new QWidget(this);
    m_banner = new QWidget(tree);
    m_banner->setObjectName(QStringLiteral("kvBanner"));
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xD5, 0x5E, 0x00));
    bannerPalette.setColor(QPalette::WindowText, Qt::white);
    m_banner->setPalette(bannerPalette);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    auto* retry = new QPushButton(tr("Retry"), m_banner);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(6, 4, 6, 4);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(retry);
    m_banner->hide();
    connect(retry, &QPushButton::clicked, this, &KvPane::retryRequested);

    m_search = new QLineEdit(tree);
    m_search->setObjectName(QStringLiteral("kvSearch"));
    m_search->setPlaceholderText(tr("Search keys"));
    m_search->setClearButtonEnabled(true);
    m_filter = new QComboBox(tree);
    m_filter->setObjectName(QStringLiteral("kvFilter"));
    // (no "only in files": a key the space lacks has no row in the namespace view; the
    // aligned mode shows those as placeholders)
    for (auto mode :
         {SyncFilter::Mode::All, SyncFilter::Mode::Differences, SyncFilter::Mode::OneSided,
          SyncFilter::Mode::OnlyKv, SyncFilter::Mode::Changed, SyncFilter::Mode::Unreadable})
        m_filter->addItem(SyncFilter::modeName(mode), int(mode));
    m_filter->setToolTip(tr("Keys only in the files have no row here: the aligned mode "
                            "(Ctrl+L) shows them"));
    m_loadAll = new QPushButton(tr("Load all"), tree);
    m_loadAll->setObjectName(QStringLiteral("kvLoadAll"));
    m_loadAll->setToolTip(tr("Scan the rest of the key space in the background"));
    m_view = new QTreeView(tree);
    m_view->setObjectName(QStringLiteral("kvTree"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(KvTreeModel::NameColumn, Qt::AscendingOrder);
    // The state bar takes the room left, but never less than the longest state name;
    // type, TTL and size are narrow.
    m_view->setColumnWidth(KvTreeModel::NameColumn, 250);
    m_view->setColumnWidth(KvTreeModel::TypeColumn, 60);
    m_view->setColumnWidth(KvTreeModel::TtlColumn, 80);
    m_view->setColumnWidth(KvTreeModel::SizeColumn, 80);
    new StateColumnFit(m_view, KvTreeModel::StateColumn);
    m_view->setItemDelegateForColumn(KvTreeModel::StateColumn,
                                     new SyncBarDelegate(KvTreeModel::CountsRole, m_view));
    m_progress = new QLabel(tree);
    m_progress->setObjectName(QStringLiteral("kvProgress"));
    // One line that never resizes the pane (each SCAN page changes the text): the whole text
    // is in the tooltip and the status bar.
    m_progress->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_filter);
    filters->addWidget(m_loadAll);
    auto* treeLayout = new QVBoxLayout(tree);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_banner);
    treeLayout->addLayout(filters);
    treeLayout->addWidget(m_view, 1);
    treeLayout->addWidget(m_progress);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(placeholder);
    m_stack->addWidget(tree);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    // The search waits for a pause in the typing (each search is a pass over every loaded key,
    // on a worker).
    m_typing = new SearchTyping(
        m_search,
        {[this](const QString& text) { return text.toLower() == m_proxy->searchText(); },
         [this](const QString& text) { m_proxy->setSearchText(text); },
         [this] { return m_proxy->isSearching(); }, [this] { return selectFirstMatch(); }},
        this);
    connect(m_proxy, &KvFilterProxyModel::searchApplied, this, [this](const QString& text) {
        if (!text.isEmpty())
            MatchExpander::expand(m_view, m_proxy);
        m_typing->searchApplied();
        Q_EMIT searchApplied(text);
    });
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        SyncFilter f;
        f.mode = SyncFilter::Mode(m_filter->currentData().toInt());
        m_proxy->setSyncFilter(f);
    });
    connect(m_loadAll, &QPushButton::clicked, this, &KvPane::loadAllRequested);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (index.data(KvTreeModel::LoadMoreRole).toBool())
            m_model->fetchMore({});
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { Q_EMIT currentKeyChanged(currentKey()); });
}

void KvPane::applySearch()
{
    m_typing->applyNow();
}

bool KvPane::selectFirstMatch()
{
    QModelIndex index = m_proxy->index(0, 0);
    while (index.isValid() && !index.data(KvTreeModel::IsKeyRole).toBool() &&
           m_proxy->hasChildren(index))
        index = m_proxy->index(0, 0, index);
    if (!index.isValid() || index.data(KvTreeModel::LoadMoreRole).toBool())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus();
    return true;
}

void KvPane::setConnected(bool connected)
{
    m_stack->setCurrentIndex(connected ? 1 : 0);
}

void KvPane::setProgress(const QString& text)
{
    m_progress->setText(text);
    m_progress->setToolTip(text);
    m_loadAll->setEnabled(!m_model->isFinished());
}

void KvPane::showBanner(const QString& message)
{
    m_bannerText->setText(message);
    m_banner->setVisible(!message.isEmpty());
}

QString KvPane::bannerText() const
{
    return m_banner->isHidden()
               ? QString()
               : m_bannerText->text(); // (also when the pane is hidden: the aligned mode)
}

bool KvPane::selectKey(const QByteArray& key)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForKey(key));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

QByteArray KvPane::currentKey() const
{
    return m_model->keyAt(m_proxy->mapToSource(m_view->currentIndex()));
}

} // namespace pmkv
