#pragma once

#include "core/result.h"

#include <QFuture>
#include <QJsonObject>
#include <QWizardPage>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace pmkv {

class JobReport;

// The last page every wizard shares: what happened (a JobReport or a workflow's own summary,
// shown from its Markdown), the warnings, the error when the workflow refused or failed, and
// the next safe step as a button (stepChosen: the wizard or the main window opens the right
// wizard for it). The report can be saved as HTML or JSON; the file is written off the GUI
// thread.
class WorkflowReportPage final : public QWizardPage
{
    Q_OBJECT

public:
    enum class Format { Html, Json };

    explicit WorkflowReportPage(QWidget* parent = nullptr);

    void showReport(const QString& headline, const JobReport& report, const NextStep& next,
                    const QStringList& warnings = {});
    void showSummary(const QString& headline, const QString& markdown, const QJsonObject& json,
                     const NextStep& next, const QStringList& warnings = {});
    // A refusal or failure: the message, and the error's next step as the button.
    void showError(const Error& error, const QStringList& warnings = {});

    // A button of the wizard's own beside the step (e.g. "Open the differences").
    QPushButton* addButton(const QString& text);

    QString headline() const;
    QString text() const; // the report as plain text
    QJsonObject json() const { return m_json; }
    NextStep nextStep() const { return m_next; }
    QPushButton* stepButton() const { return m_step; }
    // Writes the report to `path`; the future says whether it worked.
    QFuture<bool> save(const QString& path, Format format) const;

Q_SIGNALS:
    void stepChosen(const pmkv::NextStep& step);
    void saved(const QString& path, bool ok);

private:
    void setStep(const NextStep& next);
    void askWhereToSave(Format format);

    QLabel* m_headline;
    QTextBrowser* m_body;
    QPushButton* m_step;
    QPushButton* m_saveHtml;
    QPushButton* m_saveJson;
    QLabel* m_savedTo;
    QWidget* m_buttons;
    QJsonObject m_json;
    NextStep m_next;
};

} // namespace pmkv
