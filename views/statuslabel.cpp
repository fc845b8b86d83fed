#include "statuslabel.h"

#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>

namespace pmkv {

StatusLabel::StatusLabel(QWidget* parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    // (a label whose text grows must not resize the status bar and relayout the window)
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setCursor(Qt::PointingHandCursor);
}

void StatusLabel::showMessage(const QString& text)
{
    setText(text);
    setToolTip(text.isEmpty() ? QString()
                              : text + QLatin1Char('\n') + tr("(click to see the message)"));
    Q_EMIT messageChanged();
}

bool StatusLabel::isElided() const
{
    return fontMetrics().horizontalAdvance(text()) > contentsRect().width();
}

QMessageBox* StatusLabel::openMessage()
{
    if (text().isEmpty())
        return nullptr;
    auto* box = new QMessageBox(QMessageBox::Information, tr("Message"), text(), QMessageBox::Close,
                                window());
    box->setObjectName(QStringLiteral("statusMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
    return box;
}

void StatusLabel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QRect area = contentsRect();
    const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
    style()->drawItemText(&painter, area, int(alignment()) | Qt::TextSingleLine, palette(),
                          isEnabled(), shown, foregroundRole());
}

void StatusLabel::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        openMessage();
    QLabel::mouseReleaseEvent(event);
}

} // namespace pmkv
