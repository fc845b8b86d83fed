#include "helpdocument.h"

#include <QRegularExpression>

namespace pmkv {

namespace {

// "  -h, --help   Show ..." or "  --listen HOST:PORT  where ...": two spaces, then a dash.
const QRegularExpression& optionLine()
{
    static const QRegularExpression re(QStringLiteral("^  (-\\S.*?)(?: {2,}(\\S.*))?$"));
    return re;
}

// "  root   The pm/ folder to read." in an "Arguments:" or "Commands:" list.
const QRegularExpression& itemLine()
{
    static const QRegularExpression re(QStringLiteral("^  (\\S+)(?: {2,}(\\S.*))?$"));
    return re;
}

// "Examples:", "Exit codes: 0 clean ...", "Phases (pm-format.md): 1 ...": a capitalised
// heading of a few words at the start of a line, before a colon.
const QRegularExpression& headingLine()
{
    static const QRegularExpression re(
        QStringLiteral("^([A-Z][A-Za-z ]{0,30}(?: \\([^)]*\\))?):(?: +(\\S.*))?$"));
    return re;
}

bool isContinuation(const QString& line)
{
    return line.startsWith(QLatin1String("   ")) && !line.trimmed().isEmpty();
}

void appendWords(QString& text, const QString& more)
{
    if (!text.isEmpty())
        text += QLatin1Char(' ');
    text += more.trimmed();
}

HelpOption parseOption(const QRegularExpressionMatch& m)
{
    HelpOption option;
    for (const QString& part : m.captured(1).split(QStringLiteral(", "))) {
        const qsizetype space = part.indexOf(QLatin1Char(' '));
        option.names.append(space < 0 ? part : part.left(space));
        if (space >= 0) {
            QString value = part.mid(space + 1).trimmed();
            if (value.startsWith(QLatin1Char('<')) && value.endsWith(QLatin1Char('>')))
                value = value.mid(1, value.size() - 2);
            option.valueName = value;
        }
    }
    option.description = m.captured(2).trimmed();
    return option;
}

// The program as the user types it: "app/pmkv-studio/pmkv-studio [options]" names it by
// the path it was started with.
QString usageWithProgramName(QString usage)
{
    const qsizetype space = usage.indexOf(QLatin1Char(' '));
    const QString program = space < 0 ? usage : usage.left(space);
    const qsizetype slash = program.lastIndexOf(QLatin1Char('/'));
    if (slash >= 0)
        usage.remove(0, slash + 1);
    return usage;
}

class Parser final
{
public:
    explicit Parser(HelpDocument& document) : m_document(document) {}

    void block(const QStringList& lines)
    {
        const QString& first = lines.first();
        if (first.startsWith(QLatin1String("Usage: "))) {
            m_document.usage = usageWithProgramName(first.mid(7).trimmed());
            m_seenUsage = true;
            QString description;
            for (qsizetype i = 1; i < lines.size(); ++i)
                appendWords(description, lines[i]);
            if (!description.isEmpty())
                m_document.description = description;
            return;
        }
        if (first == QLatin1String("Options:")) {
            options(lines.mid(1));
            return;
        }
        if (first == QLatin1String("Arguments:")) {
            items(lines.mid(1), m_document.arguments);
            return;
        }
        if (first == QLatin1String("Commands:")) {
            items(lines.mid(1), m_document.commands);
            return;
        }
        if (optionLine().match(first).hasMatch()) {
            options(lines);
            return;
        }
        if (!m_seenUsage) {
            // A headline before the usage: "pmkv 0.1.0: read, check and migrate ...".
            const qsizetype colon = first.indexOf(QStringLiteral(": "));
            m_document.description = colon < 0 ? first : first.mid(colon + 2);
            return;
        }
        if (m_document.description.isEmpty() && m_document.options.isEmpty() &&
            !headingLine().match(first).hasMatch()) {
            // pmkv-proxy: the description is the paragraph after the usage line.
            m_document.description = lines.join(QLatin1Char(' ')).simplified();
            return;
        }
        sections(lines);
    }

private:
    void options(const QStringList& lines)
    {
        for (const QString& line : lines) {
            const auto m = optionLine().match(line);
            if (m.hasMatch())
                m_document.options.append(parseOption(m));
            else if (isContinuation(line) && !m_document.options.isEmpty())
                appendWords(m_document.options.last().description, line);
        }
    }

    static void items(const QStringList& lines, QVector<HelpItem>& into)
    {
        for (const QString& line : lines) {
            const auto m = itemLine().match(line);
            if (m.hasMatch())
                into.append(HelpItem{m.captured(1), m.captured(2).trimmed()});
            else if (isContinuation(line) && !into.isEmpty())
                appendWords(into.last().description, line);
        }
    }

    // A block of the epilog: a heading starts a section, even inside a block ("Output: ..."
    // followed by "Exit codes: ..."); lines without one continue the current section.
    void sections(const QStringList& lines)
    {
        bool open = false;
        for (const QString& line : lines) {
            const auto m = headingLine().match(line);
            if (m.hasMatch()) {
                HelpSection section{m.captured(1), {}};
                if (!m.captured(2).isEmpty())
                    section.lines.append(m.captured(2));
                m_document.sections.append(section);
                open = true;
                continue;
            }
            if (!open) {
                m_document.sections.append(HelpSection{});
                open = true;
            }
            m_document.sections.last().lines.append(line);
        }
    }

    HelpDocument& m_document;
    bool m_seenUsage = false;
};

} // namespace

QString HelpOption::longName() const
{
    for (const QString& name : names) {
        if (name.startsWith(QLatin1String("--")))
            return name;
    }
    return names.value(0);
}

HelpDocument HelpDocument::parse(const QString& text)
{
    HelpDocument document;
    Parser parser(document);
    QStringList block;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString& raw : lines) {
        const QString line = raw.trimmed().isEmpty() ? QString() : raw;
        if (line.isEmpty()) {
            if (!block.isEmpty())
                parser.block(block);
            block.clear();
            continue;
        }
        block.append(line);
    }
    if (!block.isEmpty())
        parser.block(block);
    return document;
}

QString HelpDocument::firstSentence(const QString& text)
{
    qsizetype end = text.indexOf(QStringLiteral(". "));
    while (end > 0 && (text.left(end).endsWith(QLatin1String("e.g")) ||
                       text.left(end).endsWith(QLatin1String("i.e"))))
        end = text.indexOf(QStringLiteral(". "), end + 2);
    return (end < 0 ? text : text.left(end + 1)).trimmed();
}

bool HelpDocument::lastArgumentRepeats() const
{
    return usage.contains(QLatin1String("..."));
}

const HelpSection* HelpDocument::section(const QString& title) const
{
    for (const HelpSection& s : sections) {
        if (s.title.compare(title, Qt::CaseInsensitive) == 0)
            return &s;
    }
    return nullptr;
}

} // namespace pmkv
