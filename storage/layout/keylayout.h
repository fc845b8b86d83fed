#pragma once

#include "core/result.h"
#include "layout/entityref.h"

#include <QMap>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace pmkv {

// How entities map to keys, both ways. A layout is a set of templates, one per KeyRole,
// written with the placeholders {prefix}, {project}, {epic} and {story}; a role without a
// template has no key (the `strategy` preset keeps no epics list). Placeholders must stand
// between ':' separators, so that a key parses back to exactly one entity.
class KeyLayout final
{
public:
    // `repository` (what the deployed application reads and writes; the default) and
    // `strategy` (what the migration strategy document lists), both with prefix "pm".
    static QStringList presetNames();
    static Result<KeyLayout> preset(const QString& name,
                                    const QString& prefix = QStringLiteral("pm"));
    // A user layout: templates by role name (people, projectsList, project, epicsList, epic,
    // storiesList, story). project, epic and story are required.
    static Result<KeyLayout> custom(const QString& name, const QString& prefix,
                                    const QMap<QString, QString>& templatesByRole);
    // `repository`, `strategy`, or the path of a JSON file {"name", "prefix", "templates"}.
    static Result<KeyLayout> fromSpec(const QString& spec, const QString& prefix = QString());

    QString name() const { return m_name; }
    QString prefix() const { return m_prefix; }
    bool has(KeyRole role) const { return m_templates.contains(role); }
    QString templateFor(KeyRole role) const { return m_templates.value(role); }
    // SCAN MATCH pattern that covers every key of the layout.
    QString scanPattern() const { return m_prefix + QStringLiteral(":*"); }

    // Refuses unsafe names with a message naming the part and why.
    Result<QString> keyFor(const EntityRef& ref) const;
    // The entity a key stands for; none when it matches no template or a name in it is
    // unsafe (NameSafety).
    std::optional<EntityRef> entityFor(const QString& key) const;

private:
    struct Compiled
    {
        KeyRole role;
        QRegularExpression pattern;
        QStringList placeholders;
    };

    static Result<KeyLayout> build(const QString& name, const QString& prefix,
                                   const QMap<KeyRole, QString>& templates);

    QString m_name;
    QString m_prefix;
    QMap<KeyRole, QString> m_templates;
    QVector<Compiled> m_parsers; // in match priority order
};

} // namespace pmkv
