#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace pmkv {

// What a pane shows while it has nothing to show: a title, a line on what is missing, a line
// on what will appear, and the buttons that fill it (Open Folder..., Connect...).
class EmptyStatePage final : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStatePage(const QString& objectName, QWidget* parent = nullptr);

    void setText(const QString& title, const QString& missing, const QString& comingHere);
    QString text() const; // as plain text (tests, accessibility)
    QPushButton* addButton(const QString& caption);

private:
    QLabel* m_label;
    QVBoxLayout* m_buttons;
};

} // namespace pmkv
