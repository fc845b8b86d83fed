#include "diffoptionsparser.h"

#include "problemlines.h"

namespace pmkv {
namespace {

QStringList listValues(const QCommandLineParser& parser, const QString& name)
{
    QStringList out;
    for (const QString& v : parser.values(name)) {
        for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << part.trimmed();
    }
    return out;
}

} // namespace

void DiffOptionsParser::addOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("layout"),
                      QStringLiteral("Key layout of both sides: repository (default), strategy "
                                     "or a layout JSON file."),
                      QStringLiteral("name"), QStringLiteral("repository")});
    parser.addOption({QStringLiteral("left-layout"),
                      QStringLiteral("Key layout of the left side (default: --layout)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("right-layout"),
                      QStringLiteral("Key layout of the right side (default: --layout)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("prefix"),
                      QStringLiteral("Key prefix (default: pm, or the layout file's)."),
                      QStringLiteral("prefix")});
    parser.addOption({QStringLiteral("ignore"),
                      QStringLiteral("Ignore fields matching a JSON Pointer pattern ('*' matches "
                                     "one level), e.g. /updatedAt. Repeatable."),
                      QStringLiteral("pointer")});
    parser.addOption({QStringLiteral("set"),
                      QStringLiteral("Compare the arrays at this pointer pattern as sets (order "
                                     "ignored), e.g. /tags. Repeatable."),
                      QStringLiteral("pointer")});
    parser.addOption({QStringLiteral("ignore-whitespace"),
                      QStringLiteral("Treat text that differs only in whitespace as equal.")});
    ProblemLines::addStrictOption(parser);
}

Result<DiffOptionsParser::Settings> DiffOptionsParser::parse(const QCommandLineParser& parser)
{
    const QString prefix = parser.value(QStringLiteral("prefix"));
    const QString both = parser.value(QStringLiteral("layout"));
    auto layoutFor = [&](const QString& option) {
        const QString name = parser.isSet(option) ? parser.value(option) : both;
        return KeyLayout::fromSpec(name, prefix);
    };
    auto left = layoutFor(QStringLiteral("left-layout"));
    if (!left)
        return left.error();
    auto right = layoutFor(QStringLiteral("right-layout"));
    if (!right)
        return right.error();
    Settings s{left.value(), right.value(), DiffOptions{}};
    QString error;
    if (!DiffOptions::fromLists(listValues(parser, QStringLiteral("ignore")),
                                listValues(parser, QStringLiteral("set")),
                                parser.isSet(QStringLiteral("ignore-whitespace")), s.diff, error))
        return makeError(QStringLiteral("diff.rule"), error);
    return s;
}

} // namespace pmkv
