#pragma once

#include "workflows/keyeditworkflow.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace pmkv {

class KeyValueModel;
struct KvValue;

// The Key tab for a hash, list, set, sorted set or stream: a header (key, type, TTL in words,
// "first 1,000 of 52,341 shown") and the rows as a table, with the simple edits: add a field,
// item, member or entry; remove the selected one; change a hash's or list's value or a
// member's score in place. The view writes nothing itself: each edit becomes the commands
// of one KeyEditWorkflow edit (editRequested), which the window runs through the write rule,
// journaled and undoable. On a read-only connection the edit buttons are disabled with the
// reason as their tooltip.
class ValueTableView final : public QWidget
{
    Q_OBJECT

public:
    explicit ValueTableView(QWidget* parent = nullptr);

    void showValue(const KvValue& value);
    void clear();
    // Empty: edits allowed; otherwise why not (the tooltip of the disabled buttons).
    void setReadOnlyReason(const QString& why);

    QTableView* table() const { return m_table; }
    KeyValueModel* model() const { return m_model; }
    QByteArray key() const { return m_key; }
    QByteArray type() const { return m_type; }
    QString headerText() const;
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }

    // The edits the buttons and cells make (public for tests and the window's menu):
    // hash: field, value; list: value (pushed at the tail); set: member; zset: member, score;
    // stream: field, value (a new entry, ID chosen by the server).
    void requestAdd(const QByteArray& first, const QByteArray& second = QByteArray());
    void requestRemove(int row);
    void requestCellEdit(int row, int column, const QByteArray& value);

Q_SIGNALS:
    // `text` names the edit for the undo stack ("set field status of pm:x").
    void editRequested(const pmkv::KeyEditWorkflow::Edit& edit, const QString& text);
    // A message for the status bar (an edit refused before any write, e.g. a bad score).
    void refused(const QString& message);

private:
    void askAdd();
    void emitEdit(QVector<KvCommand> commands, const QString& operation, const QString& text);
    void updateButtons();

    QLabel* m_header;
    QTableView* m_table;
    KeyValueModel* m_model;
    QPushButton* m_add;
    QPushButton* m_remove;
    QByteArray m_key;
    QByteArray m_type;
    QString m_readOnly;
};

} // namespace pmkv
