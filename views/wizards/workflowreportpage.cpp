#include "workflowreportpage.h"

#include "jobs/jobreport.h"
#include "postto.h"
#include "stepcaption.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {

namespace {
QString warningsMarkdown(const QStringList& warnings)
{
    if (warnings.isEmpty())
        return QString();
    QString text =
        QStringLiteral("\n\n### ") + WorkflowReportPage::tr("Warnings") + QStringLiteral("\n\n");
    for (const QString& w : warnings)
        text += QStringLiteral("* ") + w + QLatin1Char('\n');
    return text;
}
} // namespace

WorkflowReportPage::WorkflowReportPage(QWidget* parent)
    : QWizardPage(parent), m_headline(new QLabel(this)), m_body(new QTextBrowser(this)),
      m_step(new QPushButton(this)), m_saveHtml(new QPushButton(tr("Save as HTML…"), this)),
      m_saveJson(new QPushButton(tr("Save as JSON…"), this)), m_savedTo(new QLabel(this)),
      m_buttons(new QWidget(this))
{
    setTitle(tr("Report"));
    setFinalPage(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_headline->setWordWrap(true);
    m_body->setOpenExternalLinks(false);
    m_savedTo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_step->hide();

    auto* buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_step);
    buttons->addStretch(1);
    buttons->addWidget(m_saveHtml);
    buttons->addWidget(m_saveJson);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_buttons);
    layout->addWidget(m_savedTo);

    connect(m_step, &QPushButton::clicked, this, [this] { Q_EMIT stepChosen(m_next); });
    connect(m_saveHtml, &QPushButton::clicked, this, [this] { askWhereToSave(Format::Html); });
    connect(m_saveJson, &QPushButton::clicked, this, [this] { askWhereToSave(Format::Json); });
}

void WorkflowReportPage::showReport(const QString& headline, const JobReport& report,
                                    const NextStep& next, const QStringList& warnings)
{
    showSummary(headline, report.toMarkdown(), report.toJson(), next, warnings);
}

void WorkflowReportPage::showSummary(const QString& headline, const QString& markdown,
                                     const QJsonObject& json, const NextStep& next,
                                     const QStringList& warnings)
{
    m_headline->setText(headline);
    m_body->setMarkdown(markdown + warningsMarkdown(warnings));
    m_json = json;
    if (!warnings.isEmpty())
        m_json.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    m_savedTo->clear();
    setStep(next);
}

void WorkflowReportPage::showError(const Error& error, const QStringList& warnings)
{
    QJsonObject json{{QStringLiteral("error"), error.code},
                     {QStringLiteral("message"), error.message}};
    if (!error.next.isNone())
        json.insert(QStringLiteral("next"), error.next.toJson());
    showSummary(tr("Not done: %1").arg(error.message), error.message, json, error.next, warnings);
}

QPushButton* WorkflowReportPage::addButton(const QString& text)
{
    auto* button = new QPushButton(text, m_buttons);
    static_cast<QHBoxLayout*>(m_buttons->layout())->insertWidget(1, button);
    return button;
}

QString WorkflowReportPage::headline() const
{
    return m_headline->text();
}

QString WorkflowReportPage::text() const
{
    return m_body->toPlainText();
}

void WorkflowReportPage::setStep(const NextStep& next)
{
    m_next = next;
    m_step->setText(StepCaption::text(next));
    m_step->setVisible(!next.isNone());
}

QFuture<bool> WorkflowReportPage::save(const QString& path, Format format) const
{
    const QByteArray bytes = format == Format::Json
                                 ? QJsonDocument(m_json).toJson(QJsonDocument::Indented)
                                 : m_body->document()->toHtml().toUtf8();
    return QtConcurrent::run([path, bytes] {
        QSaveFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() &&
               file.commit();
    });
}

void WorkflowReportPage::askWhereToSave(Format format)
{
    // open(), not exec(): no nested event loop.
    auto* dialog = new QFileDialog(this, tr("Save the report"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(format == Format::Json ? tr("JSON (*.json)") : tr("HTML (*.html)"));
    dialog->setDefaultSuffix(format == Format::Json ? QStringLiteral("json")
                                                    : QStringLiteral("html"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString& path) {
        save(path, format).then(postTo<bool>(this, [this, path](bool ok) {
            m_savedTo->setText(ok ? tr("Saved to %1").arg(path)
                                  : tr("Could not write %1").arg(path));
            Q_EMIT saved(path, ok);
        }));
    });
    dialog->open();
}

} // namespace pmkv
