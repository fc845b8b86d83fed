#include "sync/syncplanner.h"

#include "core/namesafety.h"
#include "diff/jsonparser.h"
#include "diff/structuraldiff.h"
#include "files/jsprettyprint.h"

namespace pmkv {
namespace {

bool selected(const EntityRef& ref, const QStringList& entities)
{
    if (entities.isEmpty())
        return true;
    const QString title = entityTitle(ref);
    const QString path = title.section(QLatin1Char(' '), -1);
    for (const QString& e : entities) {
        if (title == e || title.startsWith(e + QLatin1Char('/')) || path == e ||
            path.startsWith(e + QLatin1Char('/')))
            return true;
    }
    return false;
}

bool isList(KeyRole role)
{
    return role == KeyRole::ProjectsList || role == KeyRole::EpicsList ||
           role == KeyRole::StoriesList;
}

} // namespace

Result<QString> SyncPlanner::folderPath(const EntityRef& ref)
{
    const std::pair<const char*, const QString*> names[] = {
        {"project", &ref.project}, {"epic", &ref.epic}, {"story", &ref.story}};
    for (const auto& [what, name] : names) {
        if (name->isEmpty())
            continue;
        const QString why = NameSafety::whyUnsafe(*name);
        if (!why.isEmpty())
            return makeError(QStringLiteral("sync.unsafe-name"),
                             QStringLiteral("%1 name \"%2\" %3: it cannot be a file's name")
                                 .arg(QLatin1String(what), *name, why));
    }
    switch (ref.role) {
    case KeyRole::People:
        return QString(QStringLiteral("people.json"));
    case KeyRole::Project:
        return QString(ref.project + QStringLiteral("/project.json"));
    case KeyRole::Epic:
        return QString(ref.project + QLatin1Char('/') + ref.epic + QStringLiteral("/epic.json"));
    case KeyRole::Story:
        return QString(ref.project + QLatin1Char('/') + ref.epic + QLatin1Char('/') + ref.story +
                       QStringLiteral(".json"));
    default:
        return QString();
    }
}

Result<SyncPlanner::Plan> SyncPlanner::plan(const DiffReport& report, const Options& options)
{
    Plan plan;
    for (const EntityDiff& d : report.entities) {
        if (!selected(d.ref, options.entities))
            continue;
        const QString title = entityTitle(d.ref);
        const bool sourceOnly = options.fromRight ? d.state == EntityDiff::State::OnlyRight
                                                  : d.state == EntityDiff::State::OnlyLeft;
        const bool targetOnly = options.fromRight ? d.state == EntityDiff::State::OnlyLeft
                                                  : d.state == EntityDiff::State::OnlyRight;
        if (targetOnly || d.state == EntityDiff::State::Same)
            continue;
        if (d.state == EntityDiff::State::Unreadable) {
            plan.skipped << title + QStringLiteral(": unreadable (%1)")
                                        .arg(d.leftUnreadable.isEmpty() ? d.rightUnreadable
                                                                        : d.leftUnreadable);
            continue;
        }
        if (options.targetIsFolder && isList(d.ref.role))
            continue; // derived from the documents on a folder side
        if (!sourceOnly && !options.overwrite) {
            if (d.state == EntityDiff::State::Changed)
                plan.skipped << title + QStringLiteral(": differs (copied only when overwriting)");
            continue;
        }
        if (!sourceOnly && d.state == EntityDiff::State::EqualJson && options.fields.empty())
            continue; // equal JSON: nothing a reader of the value would see

        SyncAction a;
        a.kind = sourceOnly ? SyncAction::Kind::Create : SyncAction::Kind::Update;
        a.ref = d.ref;
        a.targetExists = !sourceOnly;
        a.expected = options.fromRight ? d.leftValue : d.rightValue;
        const QByteArray& source = options.fromRight ? d.rightValue : d.leftValue;
        a.ttl = options.fromRight ? d.rightTtl : d.leftTtl;
        const QString targetLocation = options.fromRight ? d.leftLocation : d.rightLocation;
        a.location = targetLocation;
        if (a.location.isEmpty() && options.targetIsFolder) {
            auto path = folderPath(d.ref);
            if (!path) {
                plan.skipped << title + QStringLiteral(": ") + path.error().message;
                continue;
            }
            a.location = path.value();
        }
        if (a.location.isEmpty() && !options.targetIsFolder && options.targetLayout &&
            options.targetLayout->has(d.ref.role)) {
            auto key = options.targetLayout->keyFor(d.ref);
            if (!key) {
                plan.skipped << title + QStringLiteral(": ") + key.error().message;
                continue;
            }
            a.location = key.value();
        }
        if (a.location.isEmpty()) {
            plan.skipped << title + QStringLiteral(": the target's layout has no place for it");
            continue;
        }
        QByteArray compact = source;
        if (!options.fields.empty() && !sourceOnly) {
            auto src = JsonParser::parse(source);
            auto dst = JsonParser::parse(a.expected);
            if (!src || !dst)
                return makeError(
                    QStringLiteral("sync.parse"),
                    QStringLiteral("%1 cannot be read for a per-field copy").arg(title));
            const auto outcome = StructuralDiff::compare(dst.value(), src.value());
            const auto ops = JsonPatch::select(outcome.patch, options.fields);
            if (ops.empty())
                continue;
            auto applied = JsonPatch::apply(dst.value(), ops);
            if (!applied)
                return applied.error();
            compact = QByteArray::fromStdString(applied.value().compact());
            QStringList f;
            for (const std::string& p : options.fields)
                f << QString::fromStdString(p);
            a.fields = f.join(QLatin1Char(','));
        } else if (options.targetIsFolder || !options.fields.empty()) {
            // Normalise to JSON.stringify bytes before pretty printing (KV values may hold
            // another spelling of the same JSON).
            if (auto v = JsonParser::parse(source))
                compact = QByteArray::fromStdString(v.value().compact());
        }
        a.value = options.targetIsFolder ? JsPrettyPrint::indent(compact, 2) : compact;
        plan.actions.append(std::move(a));
    }
    return plan;
}

} // namespace pmkv
