#include "layout/keylayout.h"

#include "core/namesafety.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <iterator>
#include <utility>

namespace pmkv {
namespace {

const KeyRole kAllRoles[] = {KeyRole::People,    KeyRole::ProjectsList, KeyRole::Project,
                             KeyRole::EpicsList, KeyRole::Epic,         KeyRole::StoriesList,
                             KeyRole::Story};

QStringList allowedPlaceholders(KeyRole role)
{
    switch (role) {
    case KeyRole::People:
    case KeyRole::ProjectsList:
        return {};
    case KeyRole::Project:
    case KeyRole::EpicsList:
        return {QStringLiteral("project")};
    case KeyRole::Epic:
    case KeyRole::StoriesList:
        return {QStringLiteral("project"), QStringLiteral("epic")};
    case KeyRole::Story:
        return {QStringLiteral("project"), QStringLiteral("epic"), QStringLiteral("story")};
    }
    return {};
}

// The placeholder a role's key cannot do without (others may be left out, at the risk of
// collisions, which the KeyMapper reports).
QString requiredPlaceholder(KeyRole role)
{
    switch (role) {
    case KeyRole::Project:
    case KeyRole::EpicsList:
        return QStringLiteral("project");
    case KeyRole::Epic:
    case KeyRole::StoriesList:
        return QStringLiteral("epic");
    case KeyRole::Story:
        return QStringLiteral("story");
    case KeyRole::People:
    case KeyRole::ProjectsList:
        break;
    }
    return {};
}

const QRegularExpression& placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{([a-z]+)\\}"));
    return re;
}

} // namespace

QStringList KeyLayout::presetNames()
{
    return {QStringLiteral("repository"), QStringLiteral("strategy")};
}

Result<KeyLayout> KeyLayout::preset(const QString& name, const QString& prefix)
{
    QMap<KeyRole, QString> t;
    if (name == QLatin1String("repository")) {
        t[KeyRole::Project] = QStringLiteral("{prefix}:project:{project}");
        t[KeyRole::Epic] = QStringLiteral("{prefix}:project:{project}:epic:{epic}");
        t[KeyRole::Story] = QStringLiteral("{prefix}:project:{project}:epic:{epic}:story:{story}");
        t[KeyRole::People] = QStringLiteral("{prefix}:people");
        t[KeyRole::ProjectsList] = QStringLiteral("{prefix}:projects:list");
        t[KeyRole::EpicsList] = QStringLiteral("{prefix}:project:{project}:epics:list");
        t[KeyRole::StoriesList] =
            QStringLiteral("{prefix}:project:{project}:epic:{epic}:stories:list");
    } else if (name == QLatin1String("strategy")) {
        t[KeyRole::Project] = QStringLiteral("{prefix}:project:{project}");
        t[KeyRole::Epic] = QStringLiteral("{prefix}:epic:{project}:{epic}");
        t[KeyRole::Story] = QStringLiteral("{prefix}:story:{project}:{epic}:{story}");
        t[KeyRole::People] = QStringLiteral("{prefix}:people:global");
        t[KeyRole::ProjectsList] = QStringLiteral("{prefix}:projects:list");
        t[KeyRole::StoriesList] = QStringLiteral("{prefix}:epic:{project}:{epic}:stories");
    } else {
        return makeError(
            QStringLiteral("layout.unknown"),
            QStringLiteral("unknown layout \"%1\"; use %2 or the path of a layout JSON file")
                .arg(name, presetNames().join(QStringLiteral(" or "))));
    }
    return build(name, prefix, t);
}

Result<KeyLayout> KeyLayout::custom(const QString& name, const QString& prefix,
                                    const QMap<QString, QString>& templatesByRole)
{
    QMap<KeyRole, QString> t;
    for (auto it = templatesByRole.cbegin(); it != templatesByRole.cend(); ++it) {
        bool known = false;
        for (KeyRole role : kAllRoles) {
            if (keyRoleName(role) == it.key()) {
                t[role] = it.value();
                known = true;
            }
        }
        if (!known)
            return makeError(
                QStringLiteral("layout.role"),
                QStringLiteral("layout \"%1\": unknown template \"%2\"; known: people, "
                               "projectsList, project, epicsList, epic, storiesList, story")
                    .arg(name, it.key()));
    }
    for (KeyRole role : {KeyRole::Project, KeyRole::Epic, KeyRole::Story}) {
        if (!t.contains(role))
            return makeError(QStringLiteral("layout.role"),
                             QStringLiteral("layout \"%1\": the \"%2\" template is required")
                                 .arg(name, keyRoleName(role)));
    }
    return build(name, prefix, t);
}

Result<KeyLayout> KeyLayout::fromSpec(const QString& spec, const QString& prefix)
{
    if (presetNames().contains(spec))
        return preset(spec, prefix.isEmpty() ? QStringLiteral("pm") : prefix);
    QFile file(spec);
    if (!file.exists())
        return makeError(
            QStringLiteral("layout.unknown"),
            QStringLiteral("layout %1: neither a preset (%2) nor an existing layout file")
                .arg(spec, presetNames().join(QStringLiteral(", "))));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("layout.file"),
                         QStringLiteral("%1: cannot be read (%2)").arg(spec, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return makeError(
            QStringLiteral("layout.file"),
            QStringLiteral("%1: not a JSON object (%2); expected {\"name\", \"prefix\", "
                           "\"templates\": {\"project\": \"...\", ...}}")
                .arg(spec, parseError.errorString()));
    const QJsonObject root = doc.object();
    QMap<QString, QString> templates;
    const QJsonObject t = root.value(QStringLiteral("templates")).toObject();
    for (auto it = t.begin(); it != t.end(); ++it)
        templates.insert(it.key(), it.value().toString());
    const QString filePrefix = root.value(QStringLiteral("prefix")).toString(QStringLiteral("pm"));
    return custom(root.value(QStringLiteral("name")).toString(spec),
                  prefix.isEmpty() ? filePrefix : prefix, templates);
}

Result<KeyLayout> KeyLayout::build(const QString& name, const QString& prefix,
                                   const QMap<KeyRole, QString>& templates)
{
    const QString prefixProblem = NameSafety::whyUnsafe(prefix);
    if (!prefixProblem.isEmpty())
        return makeError(
            QStringLiteral("layout.prefix"),
            QStringLiteral("layout \"%1\": prefix \"%2\" %3").arg(name, prefix, prefixProblem));
    KeyLayout layout;
    layout.m_name = name;
    layout.m_prefix = prefix;
    for (auto it = templates.cbegin(); it != templates.cend(); ++it) {
        QString text = it.value();
        text.replace(QStringLiteral("{prefix}"), prefix);
        if (text.isEmpty())
            return makeError(QStringLiteral("layout.template"),
                             QStringLiteral("layout \"%1\": the %2 template is empty")
                                 .arg(name, keyRoleName(it.key())));
        // Split into literal and placeholder parts; each placeholder must fill a whole
        // ':'-separated segment.
        QString regex = QStringLiteral("^");
        QStringList placeholders;
        qsizetype last = 0;
        auto matches = placeholderPattern().globalMatch(text);
        while (matches.hasNext()) {
            const auto m = matches.next();
            const QString placeholder = m.captured(1);
            if (!allowedPlaceholders(it.key()).contains(placeholder) ||
                placeholders.contains(placeholder))
                return makeError(
                    QStringLiteral("layout.template"),
                    QStringLiteral("layout \"%1\": the %2 template \"%3\" may not use {%4} "
                                   "(allowed: %5, each once)")
                        .arg(name, keyRoleName(it.key()), it.value(), placeholder,
                             allowedPlaceholders(it.key()).join(QStringLiteral(", "))));
            const bool startsSegment =
                m.capturedStart() == 0 || text.at(m.capturedStart() - 1) == QLatin1Char(':');
            const bool endsSegment =
                m.capturedEnd() == text.size() || text.at(m.capturedEnd()) == QLatin1Char(':');
            if (!startsSegment || !endsSegment)
                return makeError(
                    QStringLiteral("layout.template"),
                    QStringLiteral("layout \"%1\": in \"%2\", {%3} must stand between ':' "
                                   "separators so that keys parse back unambiguously")
                        .arg(name, it.value(), placeholder));
            regex += QRegularExpression::escape(text.mid(last, m.capturedStart() - last));
            regex += QStringLiteral("([^:]+)");
            placeholders << placeholder;
            last = m.capturedEnd();
        }
        regex += QRegularExpression::escape(text.mid(last)) + QLatin1Char('$');
        const QString required = requiredPlaceholder(it.key());
        if (!required.isEmpty() && !placeholders.contains(required))
            return makeError(QStringLiteral("layout.template"),
                             QStringLiteral("layout \"%1\": the %2 template \"%3\" needs {%4}")
                                 .arg(name, keyRoleName(it.key()), it.value(), required));
        layout.m_templates.insert(it.key(), text);
        layout.m_parsers.append(Compiled{it.key(), QRegularExpression(regex), placeholders});
        layout.m_parsers.last().pattern.optimize();
    }
    // Literal keys first, then lists, then entities: a key matches the most specific role.
    std::stable_sort(layout.m_parsers.begin(), layout.m_parsers.end(),
                     [](const Compiled& a, const Compiled& b) {
                         return a.placeholders.size() < b.placeholders.size();
                     });
    return layout;
}

Result<QString> KeyLayout::keyFor(const EntityRef& ref) const
{
    const auto it = m_templates.constFind(ref.role);
    if (it == m_templates.cend())
        return makeError(
            QStringLiteral("layout.no-key"),
            QStringLiteral("layout \"%1\" has no key for %2").arg(m_name, keyRoleName(ref.role)));
    // One pass over the template, appending literal text and names: this runs once per
    // entity (100,000 times for a large tree).
    static const std::pair<QLatin1String, QLatin1String> kPlaceholders[] = {
        {QLatin1String("{project}"), QLatin1String("project")},
        {QLatin1String("{epic}"), QLatin1String("epic")},
        {QLatin1String("{story}"), QLatin1String("story")}};
    const QString* values[] = {&ref.project, &ref.epic, &ref.story};
    const QStringView pattern(*it);
    QString key;
    key.reserve(pattern.size() + ref.project.size() + ref.epic.size() + ref.story.size());
    qsizetype from = 0;
    while (from < pattern.size()) {
        const qsizetype open = pattern.indexOf(u'{', from);
        if (open < 0) {
            key += pattern.mid(from);
            break;
        }
        key += pattern.mid(from, open - from);
        from = open + 1;
        bool replaced = false;
        for (size_t i = 0; i < std::size(kPlaceholders) && !replaced; ++i) {
            const auto& [token, placeholder] = kPlaceholders[i];
            if (!pattern.mid(open).startsWith(token))
                continue;
            const QString problem = NameSafety::whyUnsafe(*values[i]);
            if (!problem.isEmpty())
                return makeError(
                    QStringLiteral("name.unsafe"),
                    QStringLiteral("%1 name \"%2\" %3; rename it before it can become a key")
                        .arg(placeholder, *values[i], problem));
            key += *values[i];
            from = open + token.size();
            replaced = true;
        }
        if (!replaced)
            key += u'{';
    }
    return key;
}

std::optional<EntityRef> KeyLayout::entityFor(const QString& key) const
{
    for (const Compiled& parser : m_parsers) {
        const QRegularExpressionMatch m = parser.pattern.match(key);
        if (!m.hasMatch())
            continue;
        EntityRef ref;
        ref.role = parser.role;
        for (int i = 0; i < parser.placeholders.size(); ++i) {
            const QString& p = parser.placeholders.at(i);
            QString& target = p == QLatin1String("project") ? ref.project
                              : p == QLatin1String("epic")  ? ref.epic
                                                            : ref.story;
            target = m.captured(i + 1);
            // A name no file could have (".." or "a/b" ...) maps to no entity: nothing builds
            // a path, or a file's key, from it.
            if (!NameSafety::whyUnsafe(target).isEmpty())
                return std::nullopt;
        }
        return ref;
    }
    return std::nullopt;
}

} // namespace pmkv
