#include "keyscommand.h"

#include "exitcode.h"
#include "files/pmreader.h"
#include "layout/keymapper.h"
#include "problemjson.h"
#include "workflows/verdict.h"

#include <QJsonDocument>

namespace pmkv {

QString KeysCommand::summary() const
{
    return QStringLiteral("Show the key every entity of a pm/ folder maps to, and the list keys.");
}

void KeysCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("root"), QStringLiteral("The pm/ folder to read."));
    parser.addOption(
        {QStringLiteral("layout"),
         QStringLiteral("Key layout: repository (default), strategy, or a layout JSON file."),
         QStringLiteral("name"), QStringLiteral("repository")});
    parser.addOption({QStringLiteral("prefix"),
                      QStringLiteral("Key prefix (default: pm, or the layout file's)."),
                      QStringLiteral("prefix")});
    parser.addOption({QStringLiteral("values"),
                      QStringLiteral("Also print each value (the exact bytes written).")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString KeysCommand::epilog() const
{
    return QStringLiteral(
        "Layouts:\n"
        "  repository  pm:project:{project}:epic:{epic}:story:{story}  (what the app reads)\n"
        "  strategy    pm:story:{project}:{epic}:{story}\n"
        "  FILE.json   {\"name\": \"mine\", \"prefix\": \"pm\", \"templates\": {\"project\": "
        "\"{prefix}:p:{project}\",\n"
        "              \"epic\": \"...\", \"story\": \"...\", \"people\": \"...\", "
        "\"projectsList\": \"...\",\n"
        "              \"epicsList\": \"...\", \"storiesList\": \"...\"}}\n"
        "\n"
        "Examples:\n"
        "  pmkv keys pm/\n"
        "  pmkv keys pm/ --layout strategy --prefix staging\n"
        "  pmkv keys pm/ --json --values > keys.json\n"
        "\n"
        "Output: one 'key<TAB>source' line per key; problems go to stderr.\n"
        "Exit codes: 0 every entity mapped, 1 warnings, 2 entities left unmapped (unsafe names,\n"
        "collisions, broken files), 64 wrong command line.");
}

int KeysCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(QStringLiteral("give exactly one pm/ folder"));
    auto layout = KeyLayout::fromSpec(parser.value(QStringLiteral("layout")),
                                      parser.value(QStringLiteral("prefix")));
    if (!layout)
        return usageError(layout.error().message);
    auto scanned = PmReader::read(args.first());
    if (!scanned)
        return failure(scanned.error().message);
    const KeyMap map = KeyMapper::map(scanned.value(), layout.value());
    const int code = Verdict::ofLint(map.problems);
    const bool withValues = parser.isSet(QStringLiteral("values"));

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray keys;
        for (const KeyEntry& e : map.entries) {
            QJsonObject o{{QStringLiteral("key"), e.key},
                          {QStringLiteral("role"), keyRoleName(e.ref.role)},
                          {QStringLiteral("source"), e.sourcePath}};
            if (withValues)
                o.insert(QStringLiteral("value"), QString::fromUtf8(e.value));
            keys.append(o);
        }
        const QJsonObject result{{QStringLiteral("layout"), layout.value().name()},
                                 {QStringLiteral("prefix"), layout.value().prefix()},
                                 {QStringLiteral("keys"), keys},
                                 {QStringLiteral("problems"), problemsToJson(map.problems)},
                                 {QStringLiteral("exitCode"), code}};
        out() << QJsonDocument(result).toJson(QJsonDocument::Indented);
        return code;
    }
    for (const KeyEntry& e : map.entries) {
        out() << e.key << '\t' << e.sourcePath;
        if (withValues)
            out() << '\t' << QString::fromUtf8(e.value);
        out() << '\n';
    }
    for (const Problem& p : map.problems)
        err() << p.toText() << '\n';
    err() << map.entries.size() << " keys (layout " << layout.value().name() << "), "
          << map.problems.size() << " problems\n";
    return code;
}

} // namespace pmkv
