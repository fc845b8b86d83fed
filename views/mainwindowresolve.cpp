// MainWindow's actions that resolve a difference of any state: create the file of an entity
// only in the key space, copy a new entity to the key space together with the list keys it
// joins (deleting a key is the key browser's, mainwindowkeys.cpp). Each says why it cannot
// run on the selection (its tooltip, disabled).
#include "alignedpane.h"
#include "filepane.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>

namespace pmkv {

// The entity file of a key: the one the folder has, or the one the application would write
// for an entity only in the key space (its place in the folder follows from the layout).
QString MainWindow::fileForKey(const QByteArray& key) const
{
    if (!m_alignment || key.isEmpty())
        return QString();
    if (const QString path = m_alignment->pathForKey(key); !path.isEmpty())
        return path;
    if (m_alignment->entryForKey(key) >= 0)
        return QString(); // a list key: the folder's lists follow from its files
    const auto ref = m_alignment->layout().entityFor(QString::fromUtf8(key));
    if (!ref)
        return QString();
    switch (ref->role) {
    case KeyRole::People:
        return QStringLiteral("people.json");
    case KeyRole::Project:
        return ref->project + QStringLiteral("/project.json");
    case KeyRole::Epic:
        return ref->project + QLatin1Char('/') + ref->epic + QStringLiteral("/epic.json");
    case KeyRole::Story:
        return ref->project + QLatin1Char('/') + ref->epic + QLatin1Char('/') + ref->story +
               QStringLiteral(".json");
    default:
        return QString();
    }
}

// The list key an entity of the layout belongs to (a story to its epic's stories list, an
// epic to its project's epics list, a project to the projects list) and its name there;
// nothing when the layout keeps no such list (the strategy layout has no epics list).
std::optional<QPair<QString, QString>> MainWindow::listFor(const QByteArray& key) const
{
    const auto ref = m_alignment ? m_alignment->layout().entityFor(QString::fromUtf8(key))
                                 : std::optional<EntityRef>();
    if (!ref)
        return std::nullopt;
    EntityRef list = *ref;
    QString member;
    switch (ref->role) {
    case KeyRole::Story:
        list.role = KeyRole::StoriesList;
        list.story.clear();
        member = ref->story;
        break;
    case KeyRole::Epic:
        list.role = KeyRole::EpicsList;
        list.epic.clear();
        member = ref->epic;
        break;
    case KeyRole::Project:
        list.role = KeyRole::ProjectsList;
        list.project.clear();
        member = ref->project;
        break;
    default:
        return std::nullopt;
    }
    const KeyLayout& layout = m_alignment->layout();
    if (!layout.has(list.role))
        return std::nullopt;
    const auto listKey = layout.keyFor(list);
    if (!listKey)
        return std::nullopt;
    return qMakePair(listKey.value(), member);
}

// The list key an entity of the folder joins, with the folder's order of that list to place
// it.
QVector<EntityWriteWorkflow::Write::ListJoin> MainWindow::listJoinsFor(const QByteArray& key) const
{
    const auto list = listFor(key);
    if (!list || m_alignment->entryForKey(key) < 0)
        return {};
    QStringList order;
    const int listEntry = m_alignment->entryForKey(list->first.toUtf8());
    if (listEntry >= 0) {
        for (const QJsonValue& v : QJsonDocument::fromJson(m_alignment->valueOf(listEntry)).array())
            order << v.toString();
    }
    return {{list->first, list->second, order}};
}

// The parent file's list a new file joins, as pm-format.md keeps them: a story is listed in its
// epic.json "storyIds", an epic in its project.json "epicIds" (both as the folder holds them).
QVector<EntityWriteWorkflow::Write::ListJoin>
MainWindow::fileListJoinsFor(const QByteArray& key) const
{
    const auto ref = m_alignment ? m_alignment->layout().entityFor(QString::fromUtf8(key))
                                 : std::optional<EntityRef>();
    if (!ref)
        return {};
    if (ref->role == KeyRole::Story)
        return {{ref->project + QLatin1Char('/') + ref->epic + QStringLiteral("/epic.json"),
                 ref->story,
                 {},
                 QStringLiteral("storyIds")}};
    if (ref->role == KeyRole::Epic)
        return {{ref->project + QStringLiteral("/project.json"),
                 ref->epic,
                 {},
                 QStringLiteral("epicIds")}};
    return {};
}

// The key of the selected row, whether the key space has it or not.
QByteArray MainWindow::rowKey() const
{
    if (isAlignedMode())
        return m_alignedPane->currentKey();
    const QString path = m_filePane->currentEntityPath();
    return m_alignment && !path.isEmpty() ? m_alignment->keyForPath(path) : m_kvPane->currentKey();
}

// Why no key is selected: the file's key is not in the key space, or nothing is selected.
QString MainWindow::notInKeySpace() const
{
    const QByteArray key = rowKey();
    if (key.isEmpty())
        return tr("Select a key of the key space.");
    return tr("The key %1 is not in the key space.").arg(QString::fromUtf8(key));
}

QString MainWindow::copyToKvRefusal() const
{
    if (!m_connected)
        return tr("Connect to a key space first (Ctrl+K).");
    if (const QString why = readOnlyReason(); !why.isEmpty())
        return why;
    const QString path = m_filePane->currentEntityPath();
    if (path.isEmpty())
        return tr("Select a file of the folder.");
    if (!m_alignment)
        return tr("Comparing the folder with the key space ...");
    if (m_alignment->keyForPath(path).isEmpty())
        return tr("%1 maps to no key (see its problems).").arg(path);
    return QString();
}

QString MainWindow::copyToFileRefusal() const
{
    if (m_root.isEmpty())
        return tr("Open a pm/ folder first (Ctrl+O).");
    const QByteArray key = rowKey();
    if (key.isEmpty())
        return notInKeySpace();
    if (!m_alignment)
        return tr("Comparing the folder with the key space ...");
    if (fileForKey(key).isEmpty())
        return m_alignment->entryForKey(key) >= 0
                   ? tr("%1 is a list key: the folder's lists follow from its files.")
                         .arg(QString::fromUtf8(key))
                   : tr("%1 is not an entity of the layout \"%2\": it has no file.")
                         .arg(QString::fromUtf8(key), m_alignment->layout().name());
    if (m_kvPane->currentKey() != key)
        return notInKeySpace();
    if (m_lastValue.key != key)
        return tr("Loading the value of %1 ...").arg(QString::fromUtf8(key));
    return QString();
}

QString MainWindow::deleteKeyRefusal() const
{
    if (!m_connected)
        return tr("Connect to a key space first (Ctrl+K).");
    if (const QString why = readOnlyReason(); !why.isEmpty())
        return why;
    const QByteArray key = m_kvPane->currentKey();
    if (key.isEmpty() || m_kvPane->model()->stateOf(key) == SyncState::OnlyFiles)
        return notInKeySpace();
    return QString();
}

} // namespace pmkv
