#include "diffview.h"

#include "diff/diffoptions.h"
#include "diff/jsonparser.h"
#include "diff/structuraldiff.h"
#include "jsonhighlighter.h"
#include "postto.h"
#include "readablecolors.h"
#include "syncstyle.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {
namespace {

QString shortValue(bool has, const JsonValue& v)
{
    if (!has)
        return QString();
    QString text = QString::fromStdString(v.compact());
    if (text.size() > 80)
        text = text.left(77) + QStringLiteral("...");
    return text;
}

// The closest line for a pointer: the pointer itself, else its nearest ancestor.
int lineFor(const JsonValue::PointerLines& lines, std::string pointer)
{
    while (true) {
        const auto it = lines.find(pointer);
        if (it != lines.end())
            return it->second;
        const size_t slash = pointer.rfind('/');
        if (slash == std::string::npos)
            return 0;
        pointer.resize(slash);
    }
}

QPlainTextEdit* makeEditor(QWidget* parent, const QString& name)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

} // namespace

DiffView::DiffView(QWidget* parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setWordWrap(true);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("diffNotice"));
    m_notice->setWordWrap(true);
    m_notice->setAutoFillBackground(true);
    QPalette noticePalette = m_notice->palette();
    noticePalette.setColor(QPalette::Window, QColor(0xD5, 0x5E, 0x00)); // as the key pane's banner
    noticePalette.setColor(QPalette::WindowText, Qt::white);
    m_notice->setPalette(noticePalette);
    m_notice->setContentsMargins(6, 3, 6, 3);
    m_notice->hide();
    m_ignoreWhitespace = new QCheckBox(tr("Ignore whitespace in text"), this);
    m_wrap = new QCheckBox(tr("Wrap lines"), this);
    m_wrap->setObjectName(QStringLiteral("diffWrap"));
    m_prev = new QPushButton(tr("Previous (Shift+F7)"), this);
    m_next = new QPushButton(tr("Next (F7)"), this);
    m_left = makeEditor(this, QStringLiteral("diffLeft"));
    m_right = makeEditor(this, QStringLiteral("diffRight"));
    m_dark = palette().color(QPalette::Base).lightness() < 128;
    m_leftHighlighter = new JsonHighlighter(m_left->document(), m_dark);
    m_rightHighlighter = new JsonHighlighter(m_right->document(), m_dark);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("diffChanges"));
    m_list->setHeaderLabels({tr("Change"), tr("Field"), tr("File"), tr("Key")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 90);
    m_list->setColumnWidth(1, 220);
    m_list->setColumnWidth(2, 220);

    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_ignoreWhitespace);
    top->addWidget(m_wrap);
    top->addWidget(m_prev);
    top->addWidget(m_next);
    auto* sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(m_left);
    sides->addWidget(m_right);
    auto* body = new QSplitter(Qt::Vertical, this);
    body->addWidget(sides);
    body->addWidget(m_list);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(body, 1);

    connect(m_prev, &QPushButton::clicked, this, &DiffView::previousDifference);
    connect(m_next, &QPushButton::clicked, this, &DiffView::nextDifference);
    connect(m_ignoreWhitespace, &QCheckBox::toggled, this, [this] { recompute(); });
    connect(m_wrap, &QCheckBox::toggled, this, [this](bool wrap) {
        for (QPlainTextEdit* edit : {m_left, m_right})
            edit->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        const int row = item ? m_list->indexOfTopLevelItem(item) : -1;
        if (row != m_current && row >= 0)
            select(row);
    });
    for (QWidget* w : std::initializer_list<QWidget*>{m_left, m_right, m_list}) {
        w->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(w, &QWidget::customContextMenuRequested, this,
                [this, w](const QPoint& pos) { showContextMenu(w, pos); });
    }
    // Scroll the two sides together.
    connect(m_left->verticalScrollBar(), &QScrollBar::valueChanged, m_right->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_right->verticalScrollBar(), &QScrollBar::valueChanged, m_left->verticalScrollBar(),
            &QScrollBar::setValue);
    clear();
}

void DiffView::clear(const QString& message)
{
    ++m_generation; // a comparison still running for the previous documents is dropped
    m_changes.clear();
    m_parsed = false;
    m_textMode = false;
    m_text = TextDiff();
    m_notice->hide();
    m_leftDoc = JsonValue();
    m_rightDoc = JsonValue();
    m_current = -1;
    m_leftBytes.clear();
    m_rightBytes.clear();
    m_left->clear();
    m_right->clear();
    m_list->clear();
    m_summary->setText(message.isEmpty()
                           ? tr("Select an entity that exists in the folder and in the key space "
                                "to compare them field by field.")
                           : message);
    m_prev->setEnabled(false);
    m_next->setEnabled(false);
}

bool DiffView::showDiff(const QString& leftTitle, const QByteArray& left, const QString& rightTitle,
                        const QByteArray& right)
{
    m_leftTitle = leftTitle;
    m_rightTitle = rightTitle;
    m_leftBytes = left;
    m_rightBytes = right;
    m_notice->hide(); // (another document: the window checks its file again)
    recompute();
    return m_parsed;
}

// Everything a comparison shows that does not touch a widget: made off the GUI thread when the
// documents are large.
struct DiffView::Comparison
{
    bool parsed = false;
    bool leftFailed = false;
    QString error;
    std::vector<FieldChange> changes;
    JsonValue leftDoc;
    JsonValue rightDoc;
    QString leftText;
    QString rightText;
    JsonValue::PointerLines leftLines;
    JsonValue::PointerLines rightLines;
};

DiffView::Comparison DiffView::compareDocuments(const QByteArray& leftBytes,
                                                const QByteArray& rightBytes,
                                                const DiffOptions& options)
{
    Comparison c;
    const auto left = JsonParser::parse(leftBytes);
    const auto right = JsonParser::parse(rightBytes);
    if (!left || !right) {
        c.leftFailed = !left;
        c.error = !left ? left.error().message : right.error().message;
        return c;
    }
    c.parsed = true;
    c.changes = StructuralDiff::compare(left.value(), right.value(), options).changes;
    c.leftText = QString::fromStdString(left.value().pretty(2, c.leftLines));
    c.rightText = QString::fromStdString(right.value().pretty(2, c.rightLines));
    c.leftDoc = left.value();
    c.rightDoc = right.value();
    return c;
}

void DiffView::recompute()
{
    if (m_leftBytes.isEmpty() && m_rightBytes.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    const qint64 bytes = m_leftBytes.size() + m_rightBytes.size();
    if (bytes <= kInPlaceBytes) {
        // A few milliseconds at most: shown at once, without a "Comparing" flash.
        apply(compareDocuments(m_leftBytes, m_rightBytes, options()));
        return;
    }
    m_summary->setText(tr("Comparing <b>%1</b> and <b>%2</b> (%3 MiB) …")
                           .arg(m_leftTitle.toHtmlEscaped(), m_rightTitle.toHtmlEscaped())
                           .arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1));
    m_prev->setEnabled(false);
    m_next->setEnabled(false);
    QtConcurrent::run([left = m_leftBytes, right = m_rightBytes, options = options()] {
        return compareDocuments(left, right, options);
    }).then(postTo<Comparison>(this, [this, generation](Comparison c) {
        if (generation == m_generation) // not cleared or replaced meanwhile
            apply(std::move(c));
    }));
}

void DiffView::apply(Comparison c)
{
    if (!c.parsed) {
        const QString which = c.leftFailed ? m_leftTitle : m_rightTitle;
        compareAsText(tr("%1 is not JSON (%2): compared as text.").arg(which, c.error));
        Q_EMIT computed();
        return;
    }
    m_textMode = false;
    m_changes = std::move(c.changes);
    m_leftDoc = std::move(c.leftDoc);
    m_rightDoc = std::move(c.rightDoc);
    m_parsed = true;
    m_leftLines = std::move(c.leftLines);
    m_rightLines = std::move(c.rightLines);
    m_left->setPlainText(c.leftText);
    m_right->setPlainText(c.rightText);

    m_list->clear();
    m_list->setHeaderLabels({tr("Change"), tr("Field"), m_leftTitle, m_rightTitle});
    for (const FieldChange& change : m_changes) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, QString::fromLatin1(fieldChangeKindName(change.kind)));
        item->setText(1, QString::fromStdString(change.kind == FieldChange::Kind::Moved
                                                    ? change.from + " -> " + change.path
                                                    : change.path));
        item->setText(2, shortValue(change.hasLeft, change.left));
        item->setText(3, shortValue(change.hasRight, change.right));
        const SyncState look = change.kind == FieldChange::Kind::Added     ? SyncState::OnlyKv
                               : change.kind == FieldChange::Kind::Removed ? SyncState::OnlyFiles
                                                                           : SyncState::Changed;
        item->setIcon(0, SyncStyle::icon(look));
    }
    m_summary->setText(m_changes.empty()
                           ? tr("<b>%1</b> and <b>%2</b>: the same document.")
                                 .arg(m_leftTitle.toHtmlEscaped(), m_rightTitle.toHtmlEscaped())
                       : m_changes.size() == 1
                           ? tr("<b>%1</b> (left) and <b>%2</b> (right): 1 difference.")
                                 .arg(m_leftTitle.toHtmlEscaped(), m_rightTitle.toHtmlEscaped())
                           : tr("<b>%1</b> (left) and <b>%2</b> (right): %L3 differences.")
                                 .arg(m_leftTitle.toHtmlEscaped(), m_rightTitle.toHtmlEscaped())
                                 .arg(m_changes.size()));
    m_prev->setEnabled(!m_changes.empty());
    m_next->setEnabled(!m_changes.empty());
    m_current = -1;
    mark();
    if (!m_changes.empty())
        select(0);
    Q_EMIT computed();
}

// A side is not JSON: the two texts line by line (a JSON side formatted as the application
// writes it), the differing characters of changed lines marked.
void DiffView::compareAsText(const QString& why)
{
    const QByteArray keepLeft = m_leftBytes, keepRight = m_rightBytes;
    const bool noticeShown = !m_notice->isHidden();
    const QString notice = m_notice->text();
    clear(why);
    m_leftBytes = keepLeft;
    m_rightBytes = keepRight;
    if (noticeShown)
        showNotice(notice);
    auto text = [](const QByteArray& bytes, JsonValue::PointerLines& lines) {
        const auto doc = JsonParser::parse(bytes);
        return doc ? QString::fromStdString(doc.value().pretty(2, lines))
                   : QString::fromUtf8(bytes);
    };
    m_leftLines.clear();
    m_rightLines.clear();
    const QString leftText = text(m_leftBytes, m_leftLines);
    const QString rightText = text(m_rightBytes, m_rightLines);
    m_textMode = true;
    m_text = TextDiff::compare(leftText, rightText);
    m_left->setPlainText(leftText);
    m_right->setPlainText(rightText);
    const QStringList hunks = m_text.hunkTexts();
    for (const QString& hunk : hunks) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, hunk.section(QLatin1Char(' '), 0, 0));
        item->setText(1, hunk.section(QLatin1Char(' '), 1));
        item->setIcon(0, SyncStyle::icon(SyncState::Changed));
    }
    m_summary->setText(
        tr("%1 <b>%2</b> (left) and <b>%3</b> (right): %n difference(s) in the text.", "",
           int(hunks.size()))
            .arg(why.toHtmlEscaped(), m_leftTitle.toHtmlEscaped(), m_rightTitle.toHtmlEscaped()));
    m_prev->setEnabled(!hunks.isEmpty());
    m_next->setEnabled(!hunks.isEmpty());
    m_current = -1;
    markText();
    if (!hunks.isEmpty())
        select(0);
}

void DiffView::markText()
{
    auto marks = [this](QPlainTextEdit* edit, const QVector<int>& lines,
                        const QVector<TextDiff::Span>& spans, bool leftSide) {
        QList<QTextEdit::ExtraSelection> selections;
        const TextDiff::Hunk* current = m_current >= 0 ? &m_text.hunks().at(m_current) : nullptr;
        const QColor tint = SyncStyle::color(SyncState::Changed);
        const QColor inCurrentHunk = markColor(tint, 90);
        const QColor elsewhere = markColor(tint, 45);
        for (int line : lines) {
            const bool inCurrent =
                current && (leftSide ? line >= current->leftLine &&
                                           line < current->leftLine + current->leftCount
                                     : line >= current->rightLine &&
                                           line < current->rightLine + current->rightCount);
            QTextEdit::ExtraSelection sel;
            sel.format.setBackground(inCurrent ? inCurrentHunk : elsewhere);
            sel.format.setProperty(QTextFormat::FullWidthSelection, true);
            sel.cursor = QTextCursor(edit->document()->findBlockByNumber(line));
            selections << sel;
        }
        // The characters that differ, stronger, over the line's mark.
        const QColor strong = markColor(tint, 170);
        for (const TextDiff::Span& span : spans) {
            const QTextBlock block = edit->document()->findBlockByNumber(span.line);
            QTextCursor cursor(block);
            cursor.setPosition(block.position() + span.start);
            cursor.setPosition(block.position() + span.start + span.length,
                               QTextCursor::KeepAnchor);
            QTextEdit::ExtraSelection sel;
            sel.format.setBackground(strong);
            sel.cursor = cursor;
            selections << sel;
        }
        edit->setExtraSelections(selections);
    };
    marks(m_left, m_text.leftLines(), m_text.leftSpans(), true);
    marks(m_right, m_text.rightLines(), m_text.rightSpans(), false);
}

QColor DiffView::markColor(const QColor& tint, int alpha) const
{
    QList<QColor> texts = JsonHighlighter::colors(m_dark);
    texts << m_left->palette().color(QPalette::Text);
    // (170 is the strongest mark asked for: it gets the strongest readable blend)
    return ReadableColors::mark(tint, alpha / 170.0, m_left->palette().color(QPalette::Base),
                                texts);
}

void DiffView::showNotice(const QString& text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString DiffView::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void DiffView::mark()
{
    if (m_textMode)
        return markText();
    QHash<int, QColor> colours; // by look and alpha: a few, each computed once
    auto marks = [this, &colours](QPlainTextEdit* edit, const JsonValue::PointerLines& lines,
                                  bool leftSide) {
        QList<QTextEdit::ExtraSelection> selections;
        for (int i = 0; i < int(m_changes.size()); ++i) {
            const FieldChange& c = m_changes[size_t(i)];
            const bool present =
                leftSide ? c.hasLeft || c.kind == FieldChange::Kind::Moved : c.hasRight;
            const std::string& pointer =
                leftSide && c.kind == FieldChange::Kind::Moved ? c.from : c.path;
            const SyncState look = c.kind == FieldChange::Kind::Added     ? SyncState::OnlyKv
                                   : c.kind == FieldChange::Kind::Removed ? SyncState::OnlyFiles
                                                                          : SyncState::Changed;
            const int alpha = i == m_current ? 150 : (present ? 70 : 30);
            const int key = int(look) * 256 + alpha;
            if (!colours.contains(key))
                colours.insert(key, markColor(SyncStyle::color(look), alpha));
            QTextEdit::ExtraSelection sel;
            sel.format.setBackground(colours.value(key));
            sel.format.setProperty(QTextFormat::FullWidthSelection, true);
            sel.cursor = QTextCursor(edit->document()->findBlockByNumber(lineFor(lines, pointer)));
            selections << sel;
        }
        edit->setExtraSelections(selections);
    };
    marks(m_left, m_leftLines, true);
    marks(m_right, m_rightLines, false);
}

void DiffView::select(int change)
{
    if (m_textMode) {
        if (change < 0 || change >= m_text.hunks().size())
            return;
        m_current = change;
        const TextDiff::Hunk& h = m_text.hunks().at(change);
        m_left->setTextCursor(QTextCursor(m_left->document()->findBlockByNumber(h.leftLine)));
        m_left->centerCursor();
        m_right->setTextCursor(QTextCursor(m_right->document()->findBlockByNumber(h.rightLine)));
        m_right->centerCursor();
        m_list->setCurrentItem(m_list->topLevelItem(change));
        markText();
        return;
    }
    if (change < 0 || change >= int(m_changes.size()))
        return;
    m_current = change;
    const FieldChange& c = m_changes[size_t(change)];
    const int leftLine = lineFor(m_leftLines, c.kind == FieldChange::Kind::Moved ? c.from : c.path);
    const int rightLine = lineFor(m_rightLines, c.path);
    m_left->setTextCursor(QTextCursor(m_left->document()->findBlockByNumber(leftLine)));
    m_left->centerCursor();
    m_right->setTextCursor(QTextCursor(m_right->document()->findBlockByNumber(rightLine)));
    m_right->centerCursor();
    m_list->setCurrentItem(m_list->topLevelItem(change));
    mark();
}

void DiffView::nextDifference()
{
    const int count = changeCount();
    if (count > 0)
        select(m_current + 1 < count ? m_current + 1 : 0);
}

void DiffView::previousDifference()
{
    const int count = changeCount();
    if (count > 0)
        select(m_current > 0 ? m_current - 1 : count - 1);
}

DiffOptions DiffView::options() const
{
    DiffOptions options;
    options.ignoreWhitespace = m_ignoreWhitespace->isChecked();
    return options;
}

const FieldChange* DiffView::currentFieldChange() const
{
    return m_current >= 0 && m_current < int(m_changes.size()) ? &m_changes[size_t(m_current)]
                                                               : nullptr;
}

void DiffView::setFieldActions(QAction* toRight, QAction* toLeft)
{
    m_toRight = toRight;
    m_toLeft = toLeft;
}

// The change whose marked line is `line` on one side (the last one starting there), or -1.
int DiffView::changeAtLine(bool leftSide, int line) const
{
    int found = -1;
    for (int i = 0; i < int(m_changes.size()); ++i) {
        const FieldChange& c = m_changes[size_t(i)];
        const std::string& pointer =
            leftSide && c.kind == FieldChange::Kind::Moved ? c.from : c.path;
        if (lineFor(leftSide ? m_leftLines : m_rightLines, pointer) == line)
            found = i;
    }
    return found;
}

void DiffView::showContextMenu(QWidget* widget, const QPoint& pos)
{
    QMenu* menu = nullptr;
    if (auto* edit = qobject_cast<QPlainTextEdit*>(widget)) {
        const int change = changeAtLine(edit == m_left, edit->cursorForPosition(pos).blockNumber());
        if (change >= 0)
            select(change);
        menu = edit->createStandardContextMenu(pos);
        menu->addSeparator();
    } else {
        menu = new QMenu(widget);
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (QAction* a : {m_toRight, m_toLeft}) {
        if (a)
            menu->addAction(a);
    }
    // (a scroll area reports the position in its viewport)
    auto* area = qobject_cast<QAbstractScrollArea*>(widget);
    menu->popup((area ? area->viewport() : widget)->mapToGlobal(pos));
}

QStringList DiffView::changeTexts() const
{
    if (m_textMode)
        return m_text.hunkTexts();
    QStringList texts;
    for (const FieldChange& c : m_changes)
        texts << QString::fromLatin1(fieldChangeKindName(c.kind)) + QLatin1Char(' ') +
                     QString::fromStdString(c.path);
    return texts;
}

QString DiffView::leftText() const
{
    return m_left->toPlainText();
}

QString DiffView::rightText() const
{
    return m_right->toPlainText();
}

} // namespace pmkv
