#include "filepane.h"

#include "emptystatepage.h"
#include "filefilterproxymodel.h"
#include "filetreemodel.h"
#include "firstmatch.h"
#include "matchexpander.h"
#include "overviewstrip.h"
#include "searchtyping.h"
#include "statecolumnfit.h"
#include "syncbardelegate.h"
#include "syncfilter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace pmkv {

FilePane::FilePane(QWidget* parent) : QWidget(parent)
{
    m_model = new FileTreeModel(this);
    m_proxy = new FileFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("fileSearch"));
    m_search->setPlaceholderText(tr("Search name, id or title (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_onlyProblems = new QCheckBox(tr("Only problems"), this);
    m_onlyProblems->setObjectName(QStringLiteral("onlyProblems"));
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("fileFilter"));
    for (auto mode :
         {SyncFilter::Mode::All, SyncFilter::Mode::Differences, SyncFilter::Mode::OneSided,
          SyncFilter::Mode::OnlyFiles, SyncFilter::Mode::Changed, SyncFilter::Mode::EqualJson,
          SyncFilter::Mode::Unreadable})
        m_filter->addItem(SyncFilter::modeName(mode), int(mode));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("fileKind"));
    m_kind->addItem(tr("All kinds"), -1);
    m_kind->addItem(tr("Projects"), int(EntityKind::Project));
    m_kind->addItem(tr("Epics"), int(EntityKind::Epic));
    m_kind->addItem(tr("Stories"), int(EntityKind::Story));
    m_kind->addItem(tr("People"), int(EntityKind::People));
    m_overview = new OverviewStrip(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("fileTree"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true); // keeps large trees fast
    m_view->setColumnWidth(FileTreeModel::NameColumn, 210);
    m_view->setColumnWidth(FileTreeModel::TitleColumn, 150);
    m_view->setColumnWidth(FileTreeModel::ProblemsColumn, 90);
    // The state takes the room left, never less than the longest state name.
    new StateColumnFit(m_view, FileTreeModel::StateColumn);
    m_view->setItemDelegateForColumn(FileTreeModel::StateColumn,
                                     new SyncBarDelegate(FileTreeModel::CountsRole, m_view));

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_filter);
    filters->addWidget(m_kind);
    filters->addWidget(m_onlyProblems);
    auto* body = new QHBoxLayout;
    body->setSpacing(2);
    body->addWidget(m_view, 1);
    body->addWidget(m_overview);
    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(filters);
    contentLayout->addLayout(body, 1);
    auto* placeholder = new EmptyStatePage(QStringLiteral("filePlaceholder"), this);
    placeholder->setText(tr("Files"), tr("No pm/ folder open yet."),
                         tr("The projects, epics and stories of a pm/ folder will appear here, "
                            "each with its problems and its sync state against the key space."));
    connect(placeholder->addButton(tr("Open Folder... (Ctrl+O)")), &QPushButton::clicked, this,
            &FilePane::openRequested);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(placeholder);
    m_stack->addWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    // The search waits for a pause in the typing, then matches on a worker; the rows that
    // lead to the first matches open (not every row: a tree of 100,000 stories).
    m_typing = new SearchTyping(
        m_search,
        {[this](const QString& text) { return text == m_proxy->searchText(); },
         [this](const QString& text) { m_proxy->setSearchText(text); },
         [this] { return m_proxy->isSearching(); }, [this] { return selectFirstMatch(); }},
        this);
    connect(m_proxy, &FileFilterProxyModel::searchApplied, this, [this](const QString& text) {
        if (!text.isEmpty())
            MatchExpander::expand(m_view, m_proxy);
        m_typing->searchApplied();
        Q_EMIT searchApplied(text);
    });
    connect(m_onlyProblems, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setOnlyProblems(on);
        if (on) // (the rows leading to the first kept rows: not expandAll on 100,000 stories)
            MatchExpander::expand(m_view, m_proxy);
    });
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        SyncFilter f;
        f.mode = SyncFilter::Mode(m_filter->currentData().toInt());
        m_proxy->setSyncFilter(f);
        if (f.isActive())
            MatchExpander::expand(m_view, m_proxy);
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setKindFilter(m_kind->currentData().toInt()); });
    connect(m_overview, &OverviewStrip::jumpRequested, this, &FilePane::selectEntityPath);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { Q_EMIT currentPathChanged(currentPath()); });
}

void FilePane::setSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot)
{
    // The same folder read again (F5, after a write) keeps its open rows, its selection and
    // where it was scrolled to.
    const FileTreeSnapshot* shown = m_model->snapshot();
    const bool sameFolder = shown && snapshot && shown->index().root == snapshot->index().root;
    const QString previous = sameFolder ? currentPath() : QString();
    const QStringList open = sameFolder ? expandedPaths() : QStringList();
    const int scroll = m_view->verticalScrollBar()->value();
    m_model->setSnapshot(std::move(snapshot));
    m_overview->setMarks(0, {});
    if (sameFolder) {
        for (const QString& path : open)
            m_view->expand(m_proxy->mapFromSource(m_model->indexForPath(path)));
    } else {
        // Projects open, so a first look shows epics; deeper levels stay folded for speed.
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            m_view->expand(m_proxy->index(row, 0));
    }
    if (!previous.isEmpty())
        selectPath(previous);
    if (sameFolder)
        m_view->verticalScrollBar()->setValue(scroll);
}

QStringList FilePane::expandedPaths() const
{
    QStringList open;
    QList<QModelIndex> parents{QModelIndex()};
    while (!parents.isEmpty()) {
        const QModelIndex parent = parents.takeLast();
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex child = m_proxy->index(row, 0, parent);
            if (m_view->isExpanded(child)) {
                open << child.data(FileTreeModel::RelativePathRole).toString();
                parents << child;
            }
        }
    }
    return open;
}

bool FilePane::selectPath(const QString& relativePath)
{
    const QModelIndex source = m_model->indexForPath(relativePath);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

bool FilePane::selectEntityPath(const QString& entityPath)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForEntityPath(entityPath));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

QString FilePane::currentEntityPath() const
{
    return m_view->currentIndex().data(FileTreeModel::EntityPathRole).toString();
}

void FilePane::updateOverview()
{
    QVector<FileTreeModel::Mark> found;
    const int count = m_model->differenceMarks(found);
    QVector<OverviewStrip::Mark> marks;
    marks.reserve(found.size());
    for (const auto& m : found)
        marks.append({m.position, m.state, m.path});
    m_overview->setMarks(count, std::move(marks));
}

QModelIndex FilePane::proxyToSource(const QModelIndex& index) const
{
    return m_proxy->mapToSource(index);
}

QString FilePane::currentPath() const
{
    return m_view->currentIndex().data(FileTreeModel::RelativePathRole).toString();
}

void FilePane::setFolderOpen(bool open)
{
    m_stack->setCurrentIndex(open ? 1 : 0);
}

void FilePane::applySearch()
{
    m_typing->applyNow();
}

// Every row shown holds the text or leads to one that does.
bool FilePane::selectFirstMatch()
{
    if (m_proxy->searchText().isEmpty() || m_proxy->isSearching())
        return false;
    const QModelIndex index = firstMatchingRow(
        m_proxy, [this](const QModelIndex& i) { return m_proxy->holdsSearchText(i); },
        [](const QModelIndex&) { return true; });
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus();
    return true;
}

} // namespace pmkv
