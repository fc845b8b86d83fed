#pragma once

#include "core/result.h"
#include "workflows/diffworkflow.h"

#include <QFuture>
#include <QWizardPage>

#include <memory>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace pmkv {

class DiffView;

// The diff wizard's result: the counts, the entities that differ (state, entity, the fields
// that changed) and, for the one selected, the field diff of its two sides in the diff view.
// The report is exported as HTML, JSON (RFC 6902 patches) or CSV by DiffWorkflow's writers,
// off the GUI thread.
class DiffResultPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit DiffResultPage(QWidget* parent = nullptr);

    void showReport(std::shared_ptr<const DiffReport> report);
    void showError(const Error& error);

    QString summaryText() const;
    QTreeWidget* entityList() const { return m_entities; }
    DiffView* diffView() const { return m_diff; }
    std::shared_ptr<const DiffReport> report() const { return m_report; }
    // "Open in the Main Window": shown by the wizard when one side is a folder and the other
    // a key space (the window compares exactly that).
    QPushButton* openInWindowButton() const { return m_openInWindow; }
    // "Open in the Aligned View": any two sides in the main window's aligned view and diff
    // view (comparisonRequested; the main window shows it in a ComparisonWindow dock).
    QPushButton* openAlignedButton() const { return m_openAligned; }
    QFuture<Result<void>> exportTo(const QString& path, DiffWorkflow::Format format) const;

Q_SIGNALS:
    void exported(const QString& path, bool ok);
    void comparisonRequested(std::shared_ptr<const pmkv::DiffReport> report);

private:
    void askWhereToExport(DiffWorkflow::Format format);
    void showEntity();

    std::shared_ptr<const DiffReport> m_report;
    QLabel* m_summary;
    QTreeWidget* m_entities;
    DiffView* m_diff;
    QPushButton* m_html;
    QPushButton* m_json;
    QPushButton* m_csv;
    QPushButton* m_openInWindow;
    QPushButton* m_openAligned;
    QLabel* m_exportedTo;
};

} // namespace pmkv
