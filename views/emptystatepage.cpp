#include "emptystatepage.h"

#include <QLabel>
#include <QPushButton>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace pmkv {

EmptyStatePage::EmptyStatePage(const QString& objectName, QWidget* parent) : QWidget(parent)
{
    setObjectName(objectName);
    m_label = new QLabel(this);
    m_label->setObjectName(objectName + QStringLiteral("Text"));
    m_label->setWordWrap(true);
    m_label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_label->setTextFormat(Qt::RichText);
    m_buttons = new QVBoxLayout;
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addLayout(m_buttons);
    layout->addStretch(1);
}

void EmptyStatePage::setText(const QString& title, const QString& missing,
                             const QString& comingHere)
{
    m_label->setText(
        QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p>")
            .arg(title.toHtmlEscaped(), missing.toHtmlEscaped(), comingHere.toHtmlEscaped()));
}

QString EmptyStatePage::text() const
{
    return QTextDocumentFragment::fromHtml(m_label->text()).toPlainText();
}

QPushButton* EmptyStatePage::addButton(const QString& caption)
{
    auto* button = new QPushButton(caption, this);
    m_buttons->addWidget(button, 0, Qt::AlignLeft);
    return button;
}

} // namespace pmkv
