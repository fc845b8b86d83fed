#pragma once

#include "diff/fieldchange.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace pmkv {

class JsonHighlighter;

// The field diff of one entity present on both sides: the file's document on the left, the
// key's value on the right, both formatted the same way, the changed lines marked, and the
// list of field changes from the structural diff engine. F7 / Shift+F7 (nextDifference /
// previousDifference) walk the changes and scroll both sides to them.
class DiffView final : public QWidget
{
    Q_OBJECT

public:
    explicit DiffView(QWidget* parent = nullptr);

    // False (and a message in the view) when a side is not JSON.
    bool showDiff(const QString& leftTitle, const QByteArray& left, const QString& rightTitle,
                  const QByteArray& right);
    void clear(const QString& message = QString());

    int changeCount() const { return int(m_changes.size()); }
    int currentChange() const { return m_current; }
    QStringList changeTexts() const; // "changed /title" ...
    QString leftText() const;
    QString rightText() const;

public Q_SLOTS:
    void nextDifference();
    void previousDifference();

private:
    void recompute();
    void select(int change);
    void mark();

    QLabel* m_summary;
    QCheckBox* m_ignoreWhitespace;
    QPushButton* m_prev;
    QPushButton* m_next;
    QPlainTextEdit* m_left;
    QPlainTextEdit* m_right;
    QTreeWidget* m_list;
    JsonHighlighter* m_leftHighlighter;
    JsonHighlighter* m_rightHighlighter;
    QString m_leftTitle;
    QString m_rightTitle;
    QByteArray m_leftBytes;
    QByteArray m_rightBytes;
    QHash<QString, int> m_leftLines; // JSON pointer -> first line in the left text
    QHash<QString, int> m_rightLines;
    std::vector<FieldChange> m_changes;
    int m_current = -1;
};

} // namespace pmkv
