#include "keyvaluemodel.h"

#include "core/utf8.h"

#include <QLocale>

namespace pmkv {

KeyValueModel::KeyValueModel(QObject* parent) : QAbstractTableModel(parent) {}

void KeyValueModel::setValue(const TypedValue& value)
{
    beginResetModel();
    m_value = value;
    m_columns = TypedValue::columnsFor(value.type);
    endResetModel();
}

void KeyValueModel::clear()
{
    setValue(TypedValue{});
}

QByteArray KeyValueModel::raw(int row, int column) const
{
    if (row < 0 || row >= m_value.rows.size())
        return {};
    return m_value.rows.at(row).value(column);
}

bool KeyValueModel::isEditableColumn(int column) const
{
    // Field names, members, indexes and stream entries are identities, not values.
    return column == 1 &&
           (m_value.type == "hash" || m_value.type == "list" || m_value.type == "zset");
}

int KeyValueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_value.rows.size());
}

int KeyValueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString KeyValueModel::displayText(const QByteArray& bytes)
{
    if (firstInvalidUtf8(bytes) < 0)
        return QString::fromUtf8(bytes);
    QString text;
    for (const char c : bytes) {
        const auto b = quint8(c);
        if (b >= 0x20 && b < 0x7F)
            text += QLatin1Char(c);
        else
            text += QStringLiteral("\\x%1").arg(b, 2, 16, QLatin1Char('0'));
    }
    return text;
}

QVariant KeyValueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QByteArray bytes = raw(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (m_value.type == "list" && index.column() == 0)
            return QLocale().toString(bytes.toLongLong());
        return displayText(bytes);
    case Qt::EditRole:
        return displayText(bytes);
    case Qt::ToolTipRole:
        return bytes.size() > 80 ? displayText(bytes.left(4000)) : QVariant();
    case Qt::TextAlignmentRole:
        if ((m_value.type == "list" && index.column() == 0) ||
            (m_value.type == "zset" && index.column() == 1))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawRole:
        return bytes;
    default:
        return {};
    }
}

bool KeyValueModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        !isEditableColumn(index.column()))
        return false;
    const QByteArray bytes = value.toString().toUtf8();
    if (bytes == raw(index.row(), index.column()))
        return false;
    Q_EMIT editRequested(index.row(), index.column(), bytes);
    return true;
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && isEditableColumn(index.column()))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return QLocale().toString(section + 1);
    return m_columns.value(section);
}

} // namespace pmkv
