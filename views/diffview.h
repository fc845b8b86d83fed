#pragma once

#include "diff/diffoptions.h"
#include "diff/fieldchange.h"
#include "diff/jsonvalue.h"
#include "textdiff.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QAction;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace pmkv {

class JsonHighlighter;

// The field diff of two labelled sides (a file and a key, two keys, a backup and a folder ...),
// both formatted the same way, the changed lines marked, and the list of field changes from
// the structural diff engine. Documents over kInPlaceBytes together are parsed and compared off
// the GUI thread ("Comparing ..." meanwhile; computed() when shown). F7 / Shift+F7
// (nextDifference / previousDifference) walk the changes and scroll both sides to them.
// When a side is not JSON, a line diff of the two texts instead (TextDiff), with the differing
// characters of a changed line marked; its hunks are the changes F7 walks. Lines wrap on
// demand; a notice says when the file changed on disk since it was read.
class DiffView final : public QWidget
{
    Q_OBJECT

public:
    // Compared in place up to this size (both sides together): a few milliseconds.
    static constexpr qint64 kInPlaceBytes = 256 * 1024;

    explicit DiffView(QWidget* parent = nullptr);

    // False (and a message in the view) when a side is not JSON: no field comparison; also
    // false while a large comparison runs (computed() follows).
    bool showDiff(const QString& leftTitle, const QByteArray& left, const QString& rightTitle,
                  const QByteArray& right);
    void clear(const QString& message = QString());

    int changeCount() const
    {
        return m_textMode ? int(m_text.hunks().size()) : int(m_changes.size());
    }
    int currentChange() const { return m_current; }
    QStringList changeTexts() const; // "changed /title" ...
    QString leftText() const;
    QString rightText() const;
    // The two sides are compared as text (a side is not JSON): no field changes.
    bool isTextDiff() const { return m_textMode; }
    const TextDiff& textDiff() const { return m_text; }
    QCheckBox* wrapBox() const { return m_wrap; }
    // A line above the two sides (the file changed on disk ...); empty hides it.
    void showNotice(const QString& text);
    QString noticeText() const;
    QString leftTitle() const { return m_leftTitle; }
    // The change F7 is on (nullptr when none), the two parsed documents and the engine's
    // options in use: what a per-field copy works from.
    const FieldChange* currentFieldChange() const;
    const JsonValue& leftDocument() const { return m_leftDoc; }
    const JsonValue& rightDocument() const { return m_rightDoc; }
    DiffOptions options() const;
    // The window's "copy field" actions, offered in the context menus of both sides and of
    // the list of changes (a right click on a changed line first makes it the current one).
    void setFieldActions(QAction* toRight, QAction* toLeft);

public Q_SLOTS:
    void nextDifference();
    void previousDifference();

Q_SIGNALS:
    // The comparison asked for last is shown (or its "not JSON" message).
    void computed();

private:
    struct Comparison;
    // Parses, compares and formats: no widget touched, so it runs on any thread.
    static Comparison compareDocuments(const QByteArray& left, const QByteArray& right,
                                       const DiffOptions& options);
    void recompute();
    void apply(Comparison comparison);
    void compareAsText(const QString& why);
    void select(int change);
    void mark();
    void markText();
    // A changed line's background: the state's colour, `alpha` of 255 as strong as it may be
    // while every text colour on it still reads (ReadableColors::mark).
    QColor markColor(const QColor& tint, int alpha) const;
    void showContextMenu(QWidget* widget, const QPoint& pos);
    int changeAtLine(bool leftSide, int line) const;

    QLabel* m_summary;
    QLabel* m_notice;
    QCheckBox* m_ignoreWhitespace;
    QCheckBox* m_wrap;
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
    JsonValue::PointerLines m_leftLines; // JSON pointer -> first line in the left text
    JsonValue::PointerLines m_rightLines;
    std::vector<FieldChange> m_changes;
    JsonValue m_leftDoc;
    JsonValue m_rightDoc;
    bool m_parsed = false;
    bool m_textMode = false;
    TextDiff m_text;
    QAction* m_toRight = nullptr;
    QAction* m_toLeft = nullptr;
    int m_current = -1;
    bool m_dark = false;      // the palette's base is dark: the highlighter's dark colours
    quint64 m_generation = 0; // of the comparison asked for last
};

} // namespace pmkv
