#include "valuecompletion.h"

#include <QRegularExpression>

namespace pmkv {

namespace {

bool mentionsRunId(const QString& description)
{
    return description.contains(QLatin1String("run id"), Qt::CaseInsensitive);
}

bool isRunName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^run(-id)?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

// "A pm/ folder, backup .tar.gz, snapshot file, conn:NAME, ...", "The other side.",
// "a pm/ folder or a key space": anything `pmkv diff` takes as a side.
bool isSide(const QString& description)
{
    static const QRegularExpression re(QStringLiteral("\\bside\\b|key space|conn:NAME"));
    return re.match(description).hasMatch();
}

bool namesAny(const QString& name, std::initializer_list<const char*> names)
{
    for (const char* candidate : names) {
        if (name.compare(QLatin1String(candidate), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QString ValueCompletion::kindList() const
{
    QStringList names;
    if (kinds & Files)
        names.append(QStringLiteral("files"));
    if (kinds & Directories)
        names.append(QStringLiteral("dirs"));
    if (kinds & Profiles)
        names.append(QStringLiteral("profiles"));
    if (kinds & Runs)
        names.append(QStringLiteral("runs"));
    if (kinds & Sides)
        names.append(QStringLiteral("sides"));
    return names.join(QLatin1Char(','));
}

QString ValueCompletion::helperArguments() const
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9._/@+-]+$"));
    QString arguments = kinds == Nothing ? QStringLiteral("none") : kindList();
    for (const QString& word : words) {
        if (safe.match(word).hasMatch())
            arguments += QLatin1Char(' ') + word;
    }
    return arguments;
}

ValueCompletion ValueCompletion::forOption(const HelpOption& option)
{
    ValueCompletion value;
    const QString& name = option.valueName;
    if (name.isEmpty())
        return value;
    if (option.longName().endsWith(QLatin1String("layout"))) {
        // "repository (default), strategy, or a layout JSON file"
        value.words = QStringList{QStringLiteral("repository"), QStringLiteral("strategy")};
        value.kinds = Files;
        return value;
    }
    // "--conn <NAME>  Use the saved connection NAME"; "--name <name>" names a new one.
    if (name == QLatin1String("NAME") && option.description.contains(QLatin1String("connection")))
        value.kinds |= Profiles;
    if (isRunName(name) || mentionsRunId(option.description)) {
        value.kinds |= Runs;
        if (option.description.contains(QLatin1String("'last'")))
            value.words.append(QStringLiteral("last"));
    }
    if (namesAny(name, {"folder", "dir", "directory"}))
        value.kinds |= Directories;
    if (namesAny(name, {"file", "path", "archive"}))
        value.kinds |= Files;
    return value;
}

ValueCompletion ValueCompletion::forArgument(const HelpItem& argument)
{
    ValueCompletion value;
    const QString& d = argument.description;
    if (d.contains(QLatin1String(" | "))) {
        // "up | down | status | flush"
        for (const QString& word : d.split(QLatin1Char('|')))
            value.words.append(word.trimmed());
        return value;
    }
    if (isSide(d)) {
        value.kinds = Sides;
        return value;
    }
    if (isRunName(argument.name) || mentionsRunId(d))
        value.kinds |= Runs;
    static const QRegularExpression upperName(QStringLiteral("\\bNAME\\b"));
    if (upperName.match(d).hasMatch())
        value.kinds |= Profiles;
    if (namesAny(argument.name, {"root", "out", "folder", "dir", "target"}) ||
        d.contains(QLatin1String("folder")))
        value.kinds |= Directories;
    if (namesAny(argument.name, {"archive", "file", "path"}) ||
        d.contains(QLatin1String(".tar.gz")) || d.contains(QLatin1String("FILE")))
        value.kinds |= Files;
    return value;
}

} // namespace pmkv
