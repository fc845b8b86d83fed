// MainWindow's status bar: the folder's counts, the last write's outcome or refusal, and the
// key space's counts and progress, each a StatusLabel (elided, whole in its tooltip, a click
// shows it), sharing the bar by what they say (StatusBarParts).
#include "kvpane.h"
#include "mainwindow.h"
#include "statusbarparts.h"
#include "statuslabel.h"

#include <QStatusBar>
#include <QTimer>

namespace pmkv {

void MainWindow::createStatusBar()
{
    auto* parts = new StatusBarParts(this);
    m_status = parts->addPart(QStringLiteral("statusText"));
    m_message = parts->addPart(QStringLiteral("messageText"));
    m_kvStatus = parts->addPart(QStringLiteral("kvStatusText"));
    statusBar()->addWidget(parts, 1);
    m_status->showMessage(tr("Open a pm/ folder with Ctrl+O."));
    m_kvStatus->showMessage(tr("Not connected (Ctrl+K)."));
    m_kvStatusTimer = new QTimer(this);
    m_kvStatusTimer->setSingleShot(true);
    m_kvStatusTimer->setInterval(250);
    connect(m_kvStatusTimer, &QTimer::timeout, this, &MainWindow::applyKvStatus);
}

// At most 4 times a second (the first at once, the last one always): each new text makes the
// window lay itself out again, and SCAN pages come 40 times a second.
void MainWindow::updateKvStatus(const QString& text)
{
    m_pendingKvStatus = text;
    if (!m_kvStatusTimer->isActive())
        applyKvStatus();
}

void MainWindow::applyKvStatus()
{
    if (m_pendingKvStatus.isNull())
        return;
    m_kvStatus->showMessage(m_pendingKvStatus);
    m_kvPane->setProgress(m_pendingKvStatus);
    m_pendingKvStatus = QString();
    m_kvStatusTimer->start();
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::showMessage(const QString& text)
{
    m_message->showMessage(text);
}

QString MainWindow::messageText() const
{
    return m_message->text();
}

} // namespace pmkv
