#pragma once

#include <QLabel>

class QMessageBox;

namespace pmkv {

// A line of the status bar that never hides the end of a message: the text is elided to the
// width the label has (text() stays whole), the whole message is its tooltip, and a click
// shows it in a box whose text can be selected and copied.
class StatusLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit StatusLabel(QWidget* parent = nullptr);

    // Sets the text and its tooltip.
    void showMessage(const QString& text);
    // True when the label is too narrow for the whole text (what it shows ends in "…").
    bool isElided() const;
    // What a click does: the whole message in a box (window-modal, no nested event loop).
    QMessageBox* openMessage();

Q_SIGNALS:
    // showMessage() set another text.
    void messageChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
};

} // namespace pmkv
