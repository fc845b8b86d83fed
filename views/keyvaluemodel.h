#pragma once

#include "kv/typedvalue.h"

#include <QAbstractTableModel>

namespace pmkv {

// The rows of a hash, list, set, sorted set or stream as a table (Field | Value, Index |
// Value, Member, Member | Score, ID | Fields). Bytes that are not UTF-8 show as \xNN escapes;
// indexes with the locale's thousands separators. The cells a simple edit can change (a
// hash's or list's value, a member's score) are editable: setData() does not change the
// model but asks for the write (editRequested); the value is read again once it is written.
class KeyValueModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { RawRole = Qt::UserRole + 1 }; // the cell's bytes

    explicit KeyValueModel(QObject* parent = nullptr);

    void setValue(const TypedValue& value);
    void clear();
    const TypedValue& value() const { return m_value; }
    QByteArray raw(int row, int column) const;
    bool isEditableColumn(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Bytes as text for a cell: UTF-8, or \xNN for what is not.
    static QString displayText(const QByteArray& bytes);

Q_SIGNALS:
    void editRequested(int row, int column, const QByteArray& newValue);

private:
    TypedValue m_value;
    QStringList m_columns;
};

} // namespace pmkv
