// MainWindow's status bar: the folder's counts, the last write's outcome or refusal, and the
// key space's counts and progress, each a StatusLabel (elided, whole in its tooltip, a click
// shows it).
#include "kvpane.h"
#include "mainwindow.h"
#include "statuslabel.h"

#include <QStatusBar>
#include <QTimer>

namespace pmkv {

void MainWindow::createStatusBar()
{
    m_status = new StatusLabel(this);
    m_status->setObjectName(QStringLiteral("statusText"));
    m_message = new StatusLabel(this);
    m_message->setObjectName(QStringLiteral("messageText"));
    m_kvStatus = new StatusLabel(this);
    m_kvStatus->setObjectName(QStringLiteral("kvStatusText"));
    statusBar()->addWidget(m_status, 3);
    statusBar()->addWidget(m_message, 3);
    statusBar()->addWidget(m_kvStatus, 2);
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
