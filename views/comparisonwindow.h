#pragma once

#include "diff/diffreport.h"

#include <QMainWindow>

#include <memory>

class QLabel;

namespace pmkv {

class AlignedPane;
class DiffView;

// A diff of any two sides (a backup, a snapshot, two key spaces, a folder) in the main
// window's aligned view and diff view: both sides as one entity hierarchy, row by row, with
// placeholders for what a side lacks, and the field diff of the selected entity below. The
// main window compares the open folder with its key space in its own panes and shows what the
// diff wizard compared in a dock holding this (MainWindow::showComparison). The rows are built
// off the GUI thread.
class ComparisonWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // A window of its own (Qt::Window), or a widget inside a dock (Qt::Widget).
    explicit ComparisonWindow(std::shared_ptr<const DiffReport> report, QWidget* parent = nullptr,
                              Qt::WindowFlags flags = Qt::Window);

    AlignedPane* alignedPane() const { return m_aligned; }
    DiffView* diffView() const { return m_diff; }
    bool isReady() const { return m_ready; }
    QString summaryText() const;

Q_SIGNALS:
    void ready(); // the rows are shown

private:
    void showCurrent();

    std::shared_ptr<const DiffReport> m_report;
    AlignedPane* m_aligned;
    DiffView* m_diff;
    QLabel* m_summary;
    bool m_ready = false;
};

} // namespace pmkv
