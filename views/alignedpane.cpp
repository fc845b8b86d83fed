#include "alignedpane.h"

#include "alignedfilterproxymodel.h"
#include "alignedtreemodel.h"
#include "emptystatepage.h"
#include "firstmatch.h"
#include "matchexpander.h"
#include "searchtyping.h"
#include "syncbardelegate.h"
#include "syncfilter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace pmkv {
namespace {

QTreeView* makeView(QWidget* parent, const QString& name)
{
    auto* view = new QTreeView(parent);
    view->setObjectName(name);
    view->setUniformRowHeights(true); // and the same rows on both sides: they line up
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // same viewport heights
    view->header()->setStretchLastSection(true);
    return view;
}

} // namespace

AlignedPane::AlignedPane(QWidget* parent) : QWidget(parent)
{
    m_model = new AlignedTreeModel(this);
    m_proxy = new AlignedFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);

    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("alignedFilter"));
    for (auto mode :
         {SyncFilter::Mode::All, SyncFilter::Mode::Differences, SyncFilter::Mode::OneSided,
          SyncFilter::Mode::OnlyFiles, SyncFilter::Mode::OnlyKv, SyncFilter::Mode::Changed,
          SyncFilter::Mode::EqualJson, SyncFilter::Mode::Unreadable})
        m_filter->addItem(SyncFilter::modeName(mode), int(mode));
    m_onlyProblems = new QCheckBox(tr("Only problems"), this);
    m_onlyProblems->setObjectName(QStringLiteral("alignedOnlyProblems"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("alignedSummary"));
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("alignedSearch"));
    m_search->setPlaceholderText(tr("Search names, files and keys (Ctrl+F)"));
    m_search->setToolTip(tr("Rows whose name, file or key holds the text, on either side, with "
                            "their parents; Enter goes to the first one"));
    m_search->setClearButtonEnabled(true);

    m_fileView = makeView(this, QStringLiteral("alignedFileTree"));
    m_keyView = makeView(this, QStringLiteral("alignedKeyTree"));
    m_fileView->setModel(m_proxy);
    m_keyView->setModel(m_proxy);
    QItemSelectionModel* own = m_keyView->selectionModel();
    m_keyView->setSelectionModel(m_fileView->selectionModel()); // one selection
    delete own;
    m_fileView->hideColumn(AlignedTreeModel::KeyColumn);
    m_keyView->hideColumn(AlignedTreeModel::FileColumn);
    m_keyView->hideColumn(AlignedTreeModel::StateColumn);
    m_fileView->setColumnWidth(AlignedTreeModel::FileColumn, 260);
    m_fileView->setItemDelegateForColumn(
        AlignedTreeModel::StateColumn,
        new SyncBarDelegate(AlignedTreeModel::CountsRole, m_fileView));
    // One vertical scroll bar, the right one, for both.
    m_fileView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_keyView->verticalScrollBar(), &QScrollBar::valueChanged,
            m_fileView->verticalScrollBar(), &QScrollBar::setValue);
    connect(m_fileView->verticalScrollBar(), &QScrollBar::valueChanged,
            m_keyView->verticalScrollBar(), &QScrollBar::setValue);
    mirrorExpansion(m_fileView, m_keyView);
    mirrorExpansion(m_keyView, m_fileView);

    auto* sides = new QSplitter(Qt::Horizontal, this);
    sides->setObjectName(QStringLiteral("alignedSplitter"));
    sides->addWidget(m_fileView);
    sides->addWidget(m_keyView);
    sides->setStretchFactor(0, 3);
    sides->setStretchFactor(1, 2);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_filter);
    filters->addWidget(m_onlyProblems);
    filters->addWidget(m_summary, 1);
    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(filters);
    contentLayout->addWidget(sides, 1);
    m_placeholder = new EmptyStatePage(QStringLiteral("alignedPlaceholder"), this);
    m_openFolder = m_placeholder->addButton(tr("Open Folder... (Ctrl+O)"));
    m_connect = m_placeholder->addButton(tr("Connect... (Ctrl+K)"));
    connect(m_openFolder, &QPushButton::clicked, this, &AlignedPane::openFolderRequested);
    connect(m_connect, &QPushButton::clicked, this, &AlignedPane::connectRequested);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(content);
    m_stack->setCurrentWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        SyncFilter f;
        f.mode = SyncFilter::Mode(m_filter->currentData().toInt());
        m_proxy->setSyncFilter(f);
        if (f.isActive())
            openFilteredRows();
    });
    connect(m_onlyProblems, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setOnlyProblems(on);
        if (on)
            openFilteredRows();
    });
    // The search waits for a pause in the typing, then matches on a worker.
    m_typing =
        new SearchTyping(m_search,
                         {[this](const QString& text) { return text == m_searchText; },
                          [this](const QString& text) { search(text); },
                          [this] { return m_searching; }, [this] { return selectFirstMatch(); }},
                         this);
    connect(m_fileView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { Q_EMIT currentRowChanged(currentEntityPath(), currentKey()); });
    connect(m_fileView, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        Q_EMIT contextMenuRequested(true, m_fileView->viewport()->mapToGlobal(pos));
    });
    connect(m_keyView, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        Q_EMIT contextMenuRequested(false, m_keyView->viewport()->mapToGlobal(pos));
    });
}

void AlignedPane::mirrorExpansion(QTreeView* from, QTreeView* to)
{
    connect(from, &QTreeView::expanded, to, [to](const QModelIndex& i) { to->expand(i); });
    connect(from, &QTreeView::collapsed, to, [to](const QModelIndex& i) { to->collapse(i); });
}

QStringList AlignedPane::expandedRows() const
{
    QStringList open;
    QList<QModelIndex> queue{QModelIndex()};
    while (!queue.isEmpty()) {
        const QModelIndex parent = queue.takeLast();
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex child = m_proxy->index(row, 0, parent);
            if (m_fileView->isExpanded(child)) {
                open << m_model->rowPath(m_proxy->mapToSource(child));
                queue << child;
            }
        }
    }
    return open;
}

void AlignedPane::setTree(std::shared_ptr<const AlignedTree> tree)
{
    m_tree = tree;
    if (m_searchText.isEmpty() || !tree) {
        ++m_searchGeneration; // (a search on its way is for older rows)
        m_searching = false;
        showTree(std::move(tree));
        return;
    }
    startSearch(tree, [this, tree](AlignedSearchMarks marks) {
        m_proxy->setSearch(std::move(marks)); // (takes effect with the tree)
        showTree(tree);
        m_typing->searchApplied(); // (Enter, while these rows came)
        Q_EMIT searchApplied(m_searchText);
    });
}

void AlignedPane::applySearch()
{
    m_typing->applyNow();
}

void AlignedPane::search(const QString& text)
{
    m_searchText = text;
    if (text.isEmpty() || !m_tree) {
        ++m_searchGeneration; // (a search on its way is dropped)
        m_searching = false;
        m_proxy->setSearch({});
        if (m_model->tree() != m_tree.get())
            showTree(m_tree); // (rows that waited for their search)
        Q_EMIT searchApplied(text);
        return;
    }
    startSearch(m_tree, [this, tree = m_tree](AlignedSearchMarks marks) {
        m_proxy->setSearch(std::move(marks));
        if (m_model->tree() != tree.get())
            showTree(tree);                         // (rows that waited for their search)
        MatchExpander::expand(m_fileView, m_proxy); // (mirrored on the right)
        m_typing->searchApplied();
        Q_EMIT searchApplied(m_searchText);
    });
}

void AlignedPane::startSearch(std::shared_ptr<const AlignedTree> tree,
                              std::function<void(AlignedSearchMarks)> done)
{
    const quint64 generation = ++m_searchGeneration;
    m_searching = true;
    auto* watcher = new QFutureWatcher<AlignedSearchMarks>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation, done = std::move(done)] {
                watcher->deleteLater();
                if (generation != m_searchGeneration)
                    return; // a newer text or tree came meanwhile
                m_searching = false;
                done(watcher->future().takeResult());
            });
    watcher->setFuture(QtConcurrent::run([tree = std::move(tree), text = m_searchText] {
        return AlignedSearchMarks::compute(tree, text);
    }));
}

// Into the rows with a match below only.
bool AlignedPane::selectFirstMatch()
{
    const AlignedSearchMarks& marks = m_proxy->search();
    if (!marks.isActive() || marks.tree() != m_model->tree())
        return false;
    auto node = [this](const QModelIndex& index) {
        return int(m_proxy->mapToSource(index).internalId());
    };
    const QModelIndex index = firstMatchingRow(
        m_proxy, [&](const QModelIndex& i) { return marks.holdsText(node(i)); },
        [&](const QModelIndex& i) { return marks.isHit(node(i)); });
    if (!index.isValid())
        return false;
    m_fileView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
    m_fileView->scrollTo(index);
    m_fileView->setFocus();
    return true;
}

void AlignedPane::showTree(std::shared_ptr<const AlignedTree> tree)
{
    const bool first = m_model->tree() == nullptr;
    const QStringList open = expandedRows();
    const QString current = m_model->rowPath(m_proxy->mapToSource(m_fileView->currentIndex()));
    const int scroll = m_keyView->verticalScrollBar()->value();
    m_model->setTree(std::move(tree));
    if (m_proxy->syncFilter().isActive() || m_proxy->onlyProblems()) {
        openFilteredRows();
    } else if (first) {
        // Projects open, so a first look shows epics; deeper levels stay folded for speed.
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            m_fileView->expand(m_proxy->index(row, 0));
    } else {
        for (const QString& path : open) {
            const QModelIndex i = m_proxy->mapFromSource(m_model->indexForRowPath(path));
            if (i.isValid())
                m_fileView->expand(i); // (mirrored on the right)
        }
    }
    if (!current.isEmpty()) {
        const QModelIndex i = m_proxy->mapFromSource(m_model->indexForRowPath(current));
        if (i.isValid())
            m_fileView->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
    }
    m_keyView->verticalScrollBar()->setValue(scroll);
    const AlignedTree* t = m_model->tree();
    if (t && !t->leftTitle().isEmpty())
        m_summary->setText(tr("%1 only in %2, %3 only in %4")
                               .arg(t->onlyFilesCount())
                               .arg(t->leftTitle())
                               .arg(t->onlyKvCount())
                               .arg(t->rightTitle()));
    else
        m_summary->setText(t ? tr("%1 only in files, %2 only in the key space")
                                   .arg(t->onlyFilesCount())
                                   .arg(t->onlyKvCount())
                             : QString());
}

QString AlignedPane::summaryText() const
{
    return m_summary->text();
}

bool AlignedPane::selectSource(const QModelIndex& source)
{
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    m_fileView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
    m_fileView->scrollTo(index);
    return true;
}

bool AlignedPane::selectKey(const QByteArray& key)
{
    return selectSource(m_model->indexForKey(key));
}

bool AlignedPane::selectEntityPath(const QString& entityPath)
{
    return selectSource(m_model->indexForEntityPath(entityPath));
}

QByteArray AlignedPane::currentKey() const
{
    return m_fileView->currentIndex().data(AlignedTreeModel::KeyBytesRole).toByteArray();
}

QString AlignedPane::currentEntityPath() const
{
    return m_fileView->currentIndex().data(AlignedTreeModel::EntityPathRole).toString();
}

SyncState AlignedPane::currentState() const
{
    return SyncState(m_fileView->currentIndex().data(AlignedTreeModel::StateRole).toInt());
}

bool AlignedPane::currentInFiles() const
{
    return m_fileView->currentIndex().data(AlignedTreeModel::InFilesRole).toBool();
}

int AlignedPane::currentReportEntity() const
{
    const QVariant entity = m_fileView->currentIndex().data(AlignedTreeModel::EntityIndexRole);
    return entity.isValid() ? entity.toInt() : -1;
}

bool AlignedPane::currentInKv() const
{
    return m_fileView->currentIndex().data(AlignedTreeModel::InKvRole).toBool();
}

// The rows leading to the first rows a filter keeps, as far as MatchExpander opens them (not
// expandAll: a tree of 100,000 stories); the key view follows, row by row.
void AlignedPane::openFilteredRows()
{
    MatchExpander::expand(m_fileView, m_proxy);
}

// The rows need both sides; until then the pane says which is missing, with its button.
void AlignedPane::setSidesOpen(bool folder, bool connected)
{
    if (folder && connected) {
        m_stack->setCurrentIndex(1);
        return;
    }
    const QString missing = !folder && !connected ? tr("No pm/ folder open and no connection yet.")
                            : !folder             ? tr("No pm/ folder open yet.")
                                                  : tr("No connection yet.");
    m_placeholder->setText(tr("Files and keys, aligned"), missing,
                           tr("Each entity of the folder will appear here on one row with its "
                              "key beside it, and its sync state; what one side lacks shows as "
                              "a placeholder row. View > Aligned Mode (Ctrl+L) switches to the "
                              "namespace view of the key space."));
    m_openFolder->setVisible(!folder);
    m_connect->setVisible(!connected);
    m_stack->setCurrentIndex(0);
}

} // namespace pmkv
