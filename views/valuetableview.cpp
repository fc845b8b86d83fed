#include "valuetableview.h"

#include "keyvaluemodel.h"
#include "kvloader.h"
#include "ttltext.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

namespace pmkv {
namespace {

// What one row of each type is called, for the header and the buttons.
QString memberWord(const QByteArray& type, qint64 n)
{
    if (type == "hash")
        return n == 1 ? ValueTableView::tr("field") : ValueTableView::tr("fields");
    if (type == "list")
        return n == 1 ? ValueTableView::tr("item") : ValueTableView::tr("items");
    if (type == "stream")
        return n == 1 ? ValueTableView::tr("entry") : ValueTableView::tr("entries");
    return n == 1 ? ValueTableView::tr("member") : ValueTableView::tr("members");
}

QString typeName(const QByteArray& type)
{
    if (type == "zset")
        return ValueTableView::tr("sorted set");
    return QString::fromUtf8(type);
}

bool isScore(const QByteArray& text)
{
    bool ok = false;
    text.trimmed().toDouble(&ok);
    const QByteArray lower = text.trimmed().toLower();
    return ok || lower == "inf" || lower == "+inf" || lower == "-inf";
}

} // namespace

ValueTableView::ValueTableView(QWidget* parent) : QWidget(parent)
{
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("valueHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_model = new KeyValueModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("valueTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_add = new QPushButton(tr("&Add..."), this);
    m_add->setObjectName(QStringLiteral("addMember"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeMember"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);

    connect(m_add, &QPushButton::clicked, this, &ValueTableView::askAdd);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            requestRemove(current.row());
    });
    connect(m_model, &KeyValueModel::editRequested, this, &ValueTableView::requestCellEdit);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ValueTableView::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ValueTableView::updateButtons);
    clear();
}

void ValueTableView::clear()
{
    m_key.clear();
    m_type.clear();
    m_model->clear();
    m_header->clear();
    updateButtons();
}

void ValueTableView::showValue(const KvValue& value)
{
    m_key = value.key;
    m_type = value.type;
    const TypedValue& typed = value.typed;
    const QLocale locale;
    QString count = tr("%1 %2").arg(locale.toString(typed.total), memberWord(m_type, typed.total));
    if (typed.isPartial())
        count += QStringLiteral(" &middot; ") +
                 tr("first %1 of %2 shown")
                     .arg(locale.toString(qint64(typed.rows.size())), locale.toString(typed.total));
    QString header = tr("<b>%1</b> &middot; %2 &middot; %3 &middot; %4")
                         .arg(QString::fromUtf8(value.key).toHtmlEscaped(), typeName(m_type),
                              TtlText::describe(value.ttlMs), count);
    if (!value.error.isEmpty())
        header += QStringLiteral("<br>") + value.error.toHtmlEscaped();
    m_header->setText(header);
    m_model->setValue(typed);
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_add->setText(m_type == "list" ? tr("&Push...") : tr("&Add %1...").arg(memberWord(m_type, 1)));
    updateButtons();
}

QString ValueTableView::headerText() const
{
    return m_header->text();
}

void ValueTableView::setReadOnlyReason(const QString& why)
{
    m_readOnly = why;
    m_table->setEditTriggers(why.isEmpty() ? QAbstractItemView::DoubleClicked |
                                                 QAbstractItemView::EditKeyPressed
                                           : QAbstractItemView::NoEditTriggers);
    updateButtons();
}

void ValueTableView::updateButtons()
{
    const bool writable = m_readOnly.isEmpty() && !m_key.isEmpty();
    m_add->setEnabled(writable);
    m_remove->setEnabled(writable && m_table->currentIndex().isValid());
    m_add->setToolTip(m_readOnly);
    m_remove->setToolTip(m_readOnly.isEmpty() ? tr("Remove the selected row") : m_readOnly);
}

// A small form without a nested event loop (open(), answered through accepted()).
void ValueTableView::askAdd()
{
    if (m_key.isEmpty())
        return;
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add to %1").arg(QString::fromUtf8(m_key)));
    auto* form = new QFormLayout(dialog);
    auto* first = new QLineEdit(dialog);
    auto* second = new QLineEdit(dialog);
    const bool pair = m_type == "hash" || m_type == "zset" || m_type == "stream";
    const QString firstLabel = m_type == "hash" || m_type == "stream" ? tr("Field:")
                               : m_type == "list"                     ? tr("Value:")
                                                                      : tr("Member:");
    form->addRow(firstLabel, first);
    if (pair)
        form->addRow(m_type == "zset" ? tr("Score:") : tr("Value:"), second);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this,
            [this, first, second] { requestAdd(first->text().toUtf8(), second->text().toUtf8()); });
    dialog->open();
}

void ValueTableView::emitEdit(QVector<KvCommand> commands, const QString& operation,
                              const QString& text)
{
    KeyEditWorkflow::Edit edit;
    edit.keys = {m_key};
    edit.commands = std::move(commands);
    edit.operation = operation;
    Q_EMIT editRequested(edit, text);
}

void ValueTableView::requestAdd(const QByteArray& first, const QByteArray& second)
{
    if (m_key.isEmpty())
        return;
    const QString key = QString::fromUtf8(m_key);
    const QString name = QString::fromUtf8(first);
    if (m_type == "hash")
        emitEdit({{"HSET", m_key, first, second}}, QStringLiteral("studio-hash-set"),
                 tr("set field %1 of %2").arg(name, key));
    else if (m_type == "list")
        emitEdit({{"RPUSH", m_key, first}}, QStringLiteral("studio-list-push"),
                 tr("push to %1").arg(key));
    else if (m_type == "set")
        emitEdit({{"SADD", m_key, first}}, QStringLiteral("studio-set-add"),
                 tr("add %1 to %2").arg(name, key));
    else if (m_type == "zset" && !isScore(second))
        Q_EMIT refused(
            tr("Not added: the score \"%1\" is not a number.").arg(QString::fromUtf8(second)));
    else if (m_type == "zset")
        emitEdit({{"ZADD", m_key, second.trimmed(), first}}, QStringLiteral("studio-zset-add"),
                 tr("add %1 to %2").arg(name, key));
    else if (m_type == "stream")
        emitEdit({{"XADD", m_key, "*", first, second}}, QStringLiteral("studio-stream-add"),
                 tr("add an entry to %1").arg(key));
}

void ValueTableView::requestRemove(int row)
{
    if (m_key.isEmpty() || row < 0 || row >= m_model->rowCount())
        return;
    const QByteArray id = m_model->raw(row, 0);
    const QString key = QString::fromUtf8(m_key);
    const QString name = KeyValueModel::displayText(id);
    if (m_type == "hash") {
        emitEdit({{"HDEL", m_key, id}}, QStringLiteral("studio-hash-delete"),
                 tr("delete field %1 of %2").arg(name, key));
    } else if (m_type == "list") {
        // By position, not by value (a list may hold the value twice): mark the item, then
        // remove the mark, in one MULTI/EXEC.
        const QByteArray mark =
            "pmkv-studio-removed-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        emitEdit({{"LSET", m_key, id, mark}, {"LREM", m_key, "1", mark}},
                 QStringLiteral("studio-list-remove"),
                 tr("remove item %1 of %2").arg(QLocale().toString(id.toLongLong()), key));
    } else if (m_type == "set") {
        emitEdit({{"SREM", m_key, id}}, QStringLiteral("studio-set-remove"),
                 tr("remove %1 from %2").arg(name, key));
    } else if (m_type == "zset") {
        emitEdit({{"ZREM", m_key, id}}, QStringLiteral("studio-zset-remove"),
                 tr("remove %1 from %2").arg(name, key));
    } else if (m_type == "stream") {
        emitEdit({{"XDEL", m_key, id}}, QStringLiteral("studio-stream-delete"),
                 tr("delete entry %1 of %2").arg(name, key));
    }
}

void ValueTableView::requestCellEdit(int row, int column, const QByteArray& value)
{
    if (m_key.isEmpty() || !m_model->isEditableColumn(column) || row < 0 ||
        row >= m_model->rowCount())
        return;
    const QByteArray id = m_model->raw(row, 0);
    const QString key = QString::fromUtf8(m_key);
    if (m_type == "hash")
        emitEdit({{"HSET", m_key, id, value}}, QStringLiteral("studio-hash-set"),
                 tr("set field %1 of %2").arg(KeyValueModel::displayText(id), key));
    else if (m_type == "list")
        emitEdit({{"LSET", m_key, id, value}}, QStringLiteral("studio-list-set"),
                 tr("set item %1 of %2").arg(QLocale().toString(id.toLongLong()), key));
    else if (m_type == "zset" && !isScore(value))
        Q_EMIT refused(
            tr("Not changed: the score \"%1\" is not a number.").arg(QString::fromUtf8(value)));
    else if (m_type == "zset")
        emitEdit({{"ZADD", m_key, "XX", value.trimmed(), id}}, QStringLiteral("studio-zset-score"),
                 tr("set the score of %1 in %2").arg(KeyValueModel::displayText(id), key));
}

} // namespace pmkv
