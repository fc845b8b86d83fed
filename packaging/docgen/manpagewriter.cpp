#include "manpagewriter.h"

namespace pmkv {

namespace {

QString quoted(const QString& text)
{
    return QLatin1Char('"') + ManPageWriter::escape(text) + QLatin1Char('"');
}

// What man pages call the parts the help texts name.
QString headingFor(const QString& title)
{
    if (title.compare(QLatin1String("Exit codes"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("EXIT STATUS");
    if (title.compare(QLatin1String("Example"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("EXAMPLES");
    return title.toUpper();
}

// "pmkv scan [options] root": the program and command in bold, the rest as it is.
QString synopsisLine(const QString& usage, const QString& command)
{
    const qsizetype nameLength = command.size();
    if (!usage.startsWith(command))
        return ManPageWriter::escape(usage);
    return QStringLiteral("\\fB") + ManPageWriter::escape(command) + QStringLiteral("\\fR") +
           ManPageWriter::escape(usage.mid(nameLength));
}

class Writer final
{
public:
    explicit Writer(QString& text) : m_text(text) {}

    void line(const QString& roff)
    {
        m_text += roff;
        m_text += QLatin1Char('\n');
    }

    void paragraph(const QString& text)
    {
        line(QStringLiteral(".PP"));
        line(ManPageWriter::escape(text));
    }

    void options(const QVector<HelpOption>& options)
    {
        for (const HelpOption& option : options) {
            QStringList names;
            for (const QString& name : option.names)
                names.append(QStringLiteral("\\fB") + ManPageWriter::escape(name) +
                             QStringLiteral("\\fR"));
            QString term = names.join(QStringLiteral(", "));
            if (!option.valueName.isEmpty())
                term += QStringLiteral(" \\fI") + ManPageWriter::escape(option.valueName) +
                        QStringLiteral("\\fR");
            line(QStringLiteral(".TP"));
            line(term);
            line(ManPageWriter::escape(option.description));
        }
    }

    void items(const QVector<HelpItem>& items, const QString& font)
    {
        for (const HelpItem& item : items) {
            line(QStringLiteral(".TP"));
            line(font + ManPageWriter::escape(item.name) + QStringLiteral("\\fR"));
            line(ManPageWriter::escape(item.description));
        }
    }

    // "Options" and "Arguments" under headings of `macro` (.SH for the program, .SS for a
    // command of it).
    void optionsAndArguments(const HelpDocument& help, const QString& macro)
    {
        const bool top = macro == QLatin1String(".SH");
        if (!help.options.isEmpty()) {
            line(macro + (top ? QStringLiteral(" OPTIONS") : QStringLiteral(" Options")));
            options(help.options);
        }
        if (!help.arguments.isEmpty()) {
            line(macro + (top ? QStringLiteral(" ARGUMENTS") : QStringLiteral(" Arguments")));
            items(help.arguments, QStringLiteral("\\fI"));
        }
    }

    // Running text fills; indented lines (examples, tables) keep their layout.
    void body(const QStringList& lines)
    {
        bool verbatim = false;
        bool started = false;
        for (const QString& text : lines) {
            const bool indented = text.startsWith(QLatin1Char(' '));
            if (!started || indented != verbatim) {
                if (verbatim)
                    line(QStringLiteral(".fi\n.RE"));
                line(QStringLiteral(".PP"));
                if (indented)
                    line(QStringLiteral(".RS 2\n.nf"));
                verbatim = indented;
                started = true;
            }
            line(ManPageWriter::escape(indented ? text.mid(2) : text));
        }
        if (verbatim)
            line(QStringLiteral(".fi\n.RE"));
    }

    void sections(const QVector<HelpSection>& sections, const QString& macro, bool untitled)
    {
        for (const HelpSection& section : sections) {
            if (section.title.isEmpty() != untitled)
                continue;
            if (!untitled)
                line(macro + QLatin1Char(' ') +
                     quoted(macro == QLatin1String(".SH") ? headingFor(section.title)
                                                          : section.title));
            body(section.lines);
        }
    }

private:
    QString& m_text;
};

QString sentence(QString text)
{
    text = text.trimmed();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

} // namespace

QString ManPageWriter::escape(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        if (c == QLatin1Char('\\'))
            escaped += QStringLiteral("\\e");
        else if (c == QLatin1Char('-'))
            escaped += QStringLiteral("\\-");
        else
            escaped += c;
    }
    if (escaped.startsWith(QLatin1Char('.')) || escaped.startsWith(QLatin1Char('\'')))
        escaped.prepend(QStringLiteral("\\&"));
    return escaped;
}

QString ManPageWriter::write(const ProgramManual& manual, const Page& page)
{
    QString text;
    Writer w(text);
    const HelpDocument& help = manual.help;
    w.line(QStringLiteral(".\\\" Made by pmkv-docgen from `%1 --help`: edit the help, not this.")
               .arg(manual.name));
    w.line(QStringLiteral(".TH %1 %2 %3 %4 %5")
               .arg(quoted(manual.name.toUpper()), page.section, quoted(page.date),
                    quoted(manual.name + QLatin1Char(' ') + manual.version),
                    quoted(page.manualTitle)));
    // Left-aligned and unhyphenated: option names and paths stay whole and copyable.
    w.line(QStringLiteral(".ad l\n.nh"));
    w.line(QStringLiteral(".SH NAME"));
    w.line(escape(manual.name) + QStringLiteral(" \\- ") + escape(sentence(help.description)));

    w.line(QStringLiteral(".SH SYNOPSIS"));
    w.line(QStringLiteral(".nf"));
    w.line(synopsisLine(help.usage, manual.name));
    for (const CommandManual& command : manual.commands)
        w.line(synopsisLine(command.help.usage, manual.name + QLatin1Char(' ') + command.name));
    w.line(QStringLiteral(".fi"));

    w.line(QStringLiteral(".SH DESCRIPTION"));
    QString description = help.description;
    if (!description.isEmpty())
        description[0] = description[0].toUpper();
    w.paragraph(description);
    w.sections(help.sections, QString(), true);
    w.optionsAndArguments(help, QStringLiteral(".SH"));
    if (!help.commands.isEmpty()) {
        w.line(QStringLiteral(".SH COMMANDS"));
        w.items(help.commands, QStringLiteral("\\fB"));
    }
    for (const CommandManual& command : manual.commands) {
        const QString name = manual.name + QLatin1Char(' ') + command.name;
        const HelpDocument& c = command.help;
        w.line(QStringLiteral(".SH ") + quoted(name.toUpper()));
        w.line(QStringLiteral(".nf"));
        w.line(synopsisLine(c.usage, name));
        w.line(QStringLiteral(".fi"));
        w.paragraph(c.description);
        w.sections(c.sections, QString(), true);
        w.optionsAndArguments(c, QStringLiteral(".SS"));
        w.sections(c.sections, QStringLiteral(".SS"), false);
    }
    w.sections(help.sections, QStringLiteral(".SH"), false);
    if (!page.seeAlso.isEmpty()) {
        w.line(QStringLiteral(".SH \"SEE ALSO\""));
        QStringList references;
        for (const QString& reference : page.seeAlso) {
            const qsizetype paren = reference.indexOf(QLatin1Char('('));
            references.append(
                QStringLiteral(".BR ") + escape(reference.left(paren)) + QLatin1Char(' ') +
                reference.mid(paren) +
                (references.size() + 1 < page.seeAlso.size() ? QStringLiteral(",") : QString()));
        }
        w.line(references.join(QLatin1Char('\n')));
    }
    return text;
}

} // namespace pmkv
