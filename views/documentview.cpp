#include "documentview.h"

#include "core/utf8.h"
#include "entityicons.h"
#include "files/jsprettyprint.h"
#include "files/jsstringify.h"
#include "jsonhighlighter.h"
#include "kvloader.h"
#include "ttltext.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace pmkv {

QString hexDump(const QByteArray& bytes, qsizetype limit)
{
    QString out;
    const qsizetype size = qMin(bytes.size(), limit);
    for (qsizetype offset = 0; offset < size; offset += 16) {
        QString hex, ascii;
        for (qsizetype i = offset; i < offset + 16; ++i) {
            if (i < size) {
                const auto b = quint8(bytes.at(i));
                hex += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += b >= 0x20 && b < 0x7F ? QChar(QLatin1Char(char(b))) : QLatin1Char('.');
            } else {
                hex += QStringLiteral("   ");
            }
        }
        out += QStringLiteral("%1  %2 |%3|\n").arg(offset, 8, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    if (bytes.size() > limit)
        out += QObject::tr("... %1 more bytes\n").arg(bytes.size() - limit);
    return out;
}

DocumentView::DocumentView(QWidget* parent) : QWidget(parent)
{
    m_header = new QLabel(this);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setMaximumHeight(110);
    m_problems->setWordWrap(true);
    m_content = new QPlainTextEdit(this);
    m_content->setObjectName(QStringLiteral("content"));
    m_content->setReadOnly(true);
    m_content->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_content->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    m_highlighter = new JsonHighlighter(m_content->document(), dark);
    // A large value's load: progress and Cancel (Esc, the window's action).
    m_loading = new QWidget(this);
    m_loading->setObjectName(QStringLiteral("valueLoading"));
    m_progress = new QProgressBar(m_loading);
    m_progress->setTextVisible(true);
    auto* cancel = new QPushButton(tr("Cancel (Esc)"), m_loading);
    cancel->setObjectName(QStringLiteral("cancelLoading"));
    auto* loadingLayout = new QHBoxLayout(m_loading);
    loadingLayout->setContentsMargins(0, 0, 0, 0);
    loadingLayout->addWidget(m_progress, 1);
    loadingLayout->addWidget(cancel);
    m_loading->hide();
    connect(cancel, &QPushButton::clicked, this, &DocumentView::cancelRequested);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_loading);
    layout->addWidget(m_problems);
    layout->addWidget(m_content, 1);
    clear();
}

void DocumentView::clear()
{
    m_loading->hide();
    m_header->setText(tr("Select a file to see its content."));
    m_problems->clear();
    m_problems->hide();
    m_content->clear();
}

void DocumentView::showProblems(const QVector<Problem>& problems)
{
    m_problems->clear();
    for (const Problem& p : problems) {
        QString where;
        if (p.line > 0)
            where = tr("line %1, column %2: ").arg(p.line).arg(p.column);
        auto* item = new QListWidgetItem(p.severity == Severity::Error ? EntityIcons::error()
                                                                       : EntityIcons::warning(),
                                         where + p.message, m_problems);
        item->setToolTip(p.code);
    }
    m_problems->setVisible(!problems.isEmpty());
}

void DocumentView::showEntity(const Entity* entity, const QVector<Problem>& problems)
{
    m_loading->hide();
    if (!entity) {
        clear();
        return;
    }
    m_header->setText(tr("<b>%1</b> &middot; %2 &middot; %3 bytes<br><small>SHA-256 %4</small>")
                          .arg(entity->relativePath.toHtmlEscaped(), entityKindName(entity->kind))
                          .arg(entity->size)
                          .arg(QString::fromLatin1(entity->sha256Hex)));
    showProblems(problems);
    if (!entity->readable) {
        m_content->setPlainText(tr("(not read)"));
        return;
    }
    m_highlighter->setDocument(nullptr);
    if (firstInvalidUtf8(entity->raw) >= 0) {
        m_content->setPlainText(hexDump(entity->raw));
        return;
    }
    if (entity->isData()) {
        const auto compact = JsStringify::fromJsonText(entity->raw);
        if (compact.ok()) {
            m_highlighter->setDocument(m_content->document());
            m_content->setPlainText(QString::fromUtf8(JsPrettyPrint::indent(compact.value())));
            return;
        }
    }
    m_content->setPlainText(QString::fromUtf8(entity->raw)); // text, or JSON that does not parse
}

void DocumentView::showFolder(const QString& relativePath, const QVector<Problem>& problems,
                              int errors, int warnings)
{
    m_loading->hide();
    m_header->setText(tr("<b>%1</b> &middot; folder &middot; %2 errors, %3 warnings inside")
                          .arg(relativePath.toHtmlEscaped())
                          .arg(errors)
                          .arg(warnings));
    showProblems(problems);
    m_content->clear();
}

void DocumentView::showKvValue(const KvValue& value)
{
    m_loading->hide();
    const QString ttl = TtlText::describe(value.ttlMs);
    m_header->setText(tr("<b>%1</b> &middot; %2 &middot; %3 &middot; %4 bytes")
                          .arg(QString::fromUtf8(value.key).toHtmlEscaped(),
                               QString::fromUtf8(value.type), ttl, QLocale().toString(value.size)));
    m_problems->clear();
    if (!value.error.isEmpty() || value.truncated) {
        auto* item = new QListWidgetItem(
            EntityIcons::warning(),
            value.error.isEmpty() ? tr("Only the first %1 bytes are shown.").arg(value.bytes.size())
                                  : value.error,
            m_problems);
        Q_UNUSED(item)
    }
    m_problems->setVisible(m_problems->count() > 0);
    m_highlighter->setDocument(nullptr);
    if (!value.text.isNull()) {
        // A large value, prepared off the GUI thread, not coloured, and read-only: its long
        // lines are cut for display, so the text is not the value.
        m_content->setReadOnly(true);
        m_content->setPlainText(value.text);
        return;
    }
    m_content->setReadOnly(!m_editable);
    if (firstInvalidUtf8(value.bytes) >= 0) {
        m_content->setPlainText(hexDump(value.bytes));
        return;
    }
    if (!value.truncated) {
        const auto compact = JsStringify::fromJsonText(value.bytes);
        if (compact.ok()) {
            m_highlighter->setDocument(m_content->document());
            m_content->setPlainText(QString::fromUtf8(JsPrettyPrint::indent(compact.value())));
            return;
        }
    }
    m_content->setPlainText(QString::fromUtf8(value.bytes));
}

void DocumentView::showLoading(const QString& key, qint64 loaded, qint64 total)
{
    const double mb = 1024.0 * 1024.0;
    m_header->setText(tr("Loading <b>%1</b>: %2 of %3 MiB ...")
                          .arg(key.toHtmlEscaped())
                          .arg(double(loaded) / mb, 0, 'f', 1)
                          .arg(double(total) / mb, 0, 'f', 1));
    m_problems->clear();
    m_problems->hide();
    m_content->clear();
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? int(loaded * 1000 / total) : 0);
    m_progress->setFormat(
        tr("%1 of %2 MiB").arg(double(loaded) / mb, 0, 'f', 1).arg(double(total) / mb, 0, 'f', 1));
    m_loading->show();
}

bool DocumentView::isLoading() const
{
    return !m_loading->isHidden();
}

void DocumentView::showMessage(const QString& html)
{
    m_loading->hide();
    m_header->setText(html);
    m_problems->clear();
    m_problems->hide();
    m_content->clear();
}

QString DocumentView::headerText() const
{
    return m_header->text();
}

void DocumentView::setEditable(bool editable)
{
    m_editable = editable;
    m_content->setReadOnly(!editable);
}

bool DocumentView::isModified() const
{
    return m_content->document()->isModified();
}

QString DocumentView::contentText() const
{
    return m_content->toPlainText();
}

QStringList DocumentView::problemTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_problems->count(); ++i)
        texts << m_problems->item(i)->text();
    return texts;
}

} // namespace pmkv
