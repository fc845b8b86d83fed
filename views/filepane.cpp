#include "filepane.h"

#include "filefilterproxymodel.h"
#include "filetreemodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
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
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("fileTree"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true); // keeps large trees fast
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(FileTreeModel::NameColumn, 260);
    m_view->setColumnWidth(FileTreeModel::TitleColumn, 220);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_onlyProblems);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setSearchText(text);
        if (!text.isEmpty())
            m_view->expandAll();
    });
    connect(m_onlyProblems, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setOnlyProblems(on);
        if (on)
            m_view->expandAll();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { Q_EMIT currentPathChanged(currentPath()); });
}

void FilePane::setSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot)
{
    const QString previous = currentPath();
    m_model->setSnapshot(std::move(snapshot));
    // Projects open, so a first look shows epics; deeper levels stay folded for speed.
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        m_view->expand(m_proxy->index(row, 0));
    if (!previous.isEmpty())
        selectPath(previous);
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

QModelIndex FilePane::proxyToSource(const QModelIndex& index) const
{
    return m_proxy->mapToSource(index);
}

QString FilePane::currentPath() const
{
    return m_view->currentIndex().data(FileTreeModel::RelativePathRole).toString();
}

} // namespace pmkv
