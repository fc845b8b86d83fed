#include "jobs/planner.h"

#include "core/logging.h"
#include "core/offthreadrelease.h"
#include "core/prefault.h"
#include "files/jsstringarray.h"
#include "files/pmreader.h"
#include "files/sha256.h"
#include "jobs/keycapture.h"
#include "jobs/keyspaceprefetch.h"
#include "jobs/sourcevalues.h"
#include "layout/keylayout.h"
#include "layout/keymapper.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <optional>

#include <nlohmann/json.hpp>

namespace pmkv {

namespace {

QByteArray sha256Hex(const QByteArray& bytes)
{
    return Sha256::hex(bytes);
}

QStringList parseNameList(const QByteArray& value)
{
    QStringList names;
    const QJsonDocument doc = QJsonDocument::fromJson(value);
    for (const QJsonValue& v : doc.array()) {
        if (v.isString())
            names.append(v.toString());
    }
    return names;
}

bool sameJson(const QByteArray& a, const QByteArray& b)
{
    const auto pa = nlohmann::json::parse(a.constBegin(), a.constEnd(), nullptr, false);
    const auto pb = nlohmann::json::parse(b.constBegin(), b.constEnd(), nullptr, false);
    return !pa.is_discarded() && !pb.is_discarded() && pa == pb;
}

bool inScope(const EntityRef& ref, const QSet<QString>& projects)
{
    if (projects.isEmpty() || ref.role == KeyRole::People || ref.role == KeyRole::ProjectsList)
        return true;
    return projects.contains(ref.project);
}

// Decides one item's action from what its key holds (and, for a partial projects list, merges
// the names the key space lists already).
void decide(const MigrationPlan& plan, PlanItem& item, const PreviousValue& kv)
{
    if (item.role == KeyRole::ProjectsList && !plan.projects.isEmpty()) {
        // Partial scope: keep what the key space lists already.
        const QStringList tree = parseNameList(item.value);
        const QStringList existing = kv.isString() ? parseNameList(kv.value) : QStringList();
        const QSet<QString> keep = QSet<QString>(existing.cbegin(), existing.cend()) +
                                   QSet<QString>(plan.projects.cbegin(), plan.projects.cend());
        QStringList names;
        for (const QString& n : tree) {
            if (keep.contains(n))
                names.append(n);
        }
        for (const QString& n : existing) {
            if (!names.contains(n))
                names.append(n);
        }
        item.value = JsStringArray::of(names);
        item.sha256 = sha256Hex(item.value);
        item.size = item.value.size();
        item.valueSaved = true;
    }
    item.kvState = stateHash(kv);
    if (!kv.existed()) {
        item.action = PlanItem::Action::Create;
        item.reason = QStringLiteral("absent");
    } else if (!kv.isString()) {
        item.action = PlanItem::Action::Conflict;
        item.reason = QStringLiteral("the key holds a %1, not a string").arg(kv.type);
    } else if (kv.value == item.value) {
        item.action = PlanItem::Action::Skip;
        item.reason = QStringLiteral("identical");
    } else {
        const QString how = sameJson(kv.value, item.value)
                                ? QStringLiteral("same JSON, different bytes")
                                : QStringLiteral("different");
        switch (plan.policy) {
        case MigrationPlan::Policy::Overwrite:
            item.action = PlanItem::Action::Update;
            item.reason = how;
            break;
        case MigrationPlan::Policy::SkipExisting:
            item.action = PlanItem::Action::Skip;
            item.reason = how + QStringLiteral("; kept (skip-existing)");
            break;
        case MigrationPlan::Policy::AbortOnConflict:
            item.action = PlanItem::Action::Conflict;
            item.reason = how;
            break;
        }
    }
    if (kv.pttl > 0 && item.writes())
        item.reason += QStringLiteral("; its TTL is removed");
}

// The bytes of every item whose key exists (found[i]: what the key space holds), for decide()
// to compare: a plan that holds only hashes reads them from the files.
Result<void> loadValuesToCompare(MigrationPlan& plan, const QVector<const PreviousValue*>& found)
{
    QVector<int> which;
    QVector<const PlanItem*> items;
    for (int i = 0; i < plan.items.size(); ++i) {
        if (found.at(i)->existed() && !plan.items.at(i).valueHeld()) {
            which.append(i);
            items.append(&plan.items.at(i));
        }
    }
    if (which.isEmpty())
        return {};
    auto values = SourceValues::of(plan.root, items);
    if (!values)
        return Error{values.error().code, values.error().message + QStringLiteral(": plan again")};
    for (int k = 0; k < which.size(); ++k)
        plan.items[which.at(k)].value = values.value().at(k);
    return {};
}

// readSource() without the plan's checksums (plan() computes them once it has decided).
Result<MigrationPlan> readItems(const Planner::Params& params)
{
    auto layout = KeyLayout::fromSpec(params.layoutSpec, params.prefix);
    if (!layout)
        return layout.error();
    PmReader::Options readOptions;
    readOptions.hashFiles = false; // the plan hashes the value bytes, not the files
    readOptions.keepValues = true; // parsed once, by the reader; the mapper reuses the values
    readOptions.keepRaw = false;
    readOptions.keepTitles = false;
    // Each value is hashed once, by the reader; the plan, its checksums and the journal reuse
    // the hash.
    readOptions.hashValues = params.hashValues;
    readOptions.hashOnlyValues = !params.holdValues;
    readOptions.cancel = params.cancel;
    QElapsedTimer clock;
    clock.start();
    auto index = PmReader::read(params.root, readOptions);
    if (!index)
        return index.error();
    qCDebug(lcJobs) << "tree read in" << clock.restart() << "ms";
    QVector<Entity>& entities = index.value().entities;
    KeyMap map = KeyMapper::map(index.value(), layout.value());
    qCDebug(lcJobs) << "tree mapped in" << clock.restart() << "ms";

    MigrationPlan plan;
    plan.root = QDir(params.root).absolutePath();
    plan.layoutSpec = params.layoutSpec;
    plan.layoutName = layout.value().name();
    plan.prefix = layout.value().prefix();
    plan.projects = params.projects;
    plan.policy = params.policy;
    plan.createdAt = QDateTime::currentDateTimeUtc();
    plan.problems = index.value().problems + map.problems;

    const QSet<QString> scope(params.projects.cbegin(), params.projects.cend());
    QSet<QString> treeProjects;
    for (const KeyEntry& entry : map.entries) {
        if (entry.ref.role == KeyRole::Project)
            treeProjects.insert(entry.ref.project);
    }
    for (const QString& p : params.projects) {
        if (!treeProjects.contains(p))
            return makeError(QStringLiteral("plan.project"),
                             QStringLiteral("project \"%1\" is not in %2 (or its project.json "
                                            "cannot be migrated): check the name among the "
                                            "folder's keys")
                                 .arg(p, params.root),
                             NextStep::forPath(NextStep::Action::ShowKeys, params.root));
    }
    plan.items.reserve(map.entries.size());
    const auto prefaulting = Prefault::laterHalfOfSpareCapacity(plan.items);
    // The key map and the tree are dropped next: their strings move into the plan, which
    // spares 100,000 items four reference counts each, in memory long out of the cache.
    for (KeyEntry& entry : map.entries) {
        if (!inScope(entry.ref, scope))
            continue;
        PlanItem item;
        item.key = std::move(entry.key);
        item.role = entry.ref.role;
        item.source = std::move(entry.sourcePath);
        item.size = entry.value.isNull() && entry.entity >= 0
                        ? entities.at(entry.entity).valueSize // its bytes were not kept
                        : entry.value.size();
        item.value = std::move(entry.value);
        item.action = PlanItem::Action::Create;
        if (params.hashValues && entry.entity >= 0)
            item.sha256 = std::move(entities[entry.entity].valueSha256);
        plan.items.append(std::move(item));
    }
    if (params.hashValues) {
        for (PlanItem& item : plan.items) {
            if (item.sha256.isEmpty()) // list keys, made by the mapper
                item.sha256 = sha256Hex(item.value);
        }
    }
    qCDebug(lcJobs) << "plan items in" << clock.restart() << "ms";
    // The plan shares the values; the rest of the tree goes while the caller reads the keys.
    OffThreadRelease::destroy(std::move(index).value());
    OffThreadRelease::destroy(std::move(map));
    return plan;
}

} // namespace

Result<MigrationPlan> Planner::readSource(const Params& params)
{
    auto plan = readItems(params);
    if (plan && params.hashValues && params.planChecksums)
        plan.value().computeChecksums();
    return plan;
}

Result<MigrationPlan> Planner::plan(const Params& params, KvStore& store)
{
    // A whole-tree plan reads the key space under the prefix while the tree is read. A key
    // the scan did not list was absent during it; should it appear before the plan runs, the
    // migration's own read of the key before writing it finds the change (plan.stale).
    std::optional<KeySpacePrefetch> prefetch;
    if (params.projects.isEmpty() && store.capabilities().canScan) {
        if (auto layout = KeyLayout::fromSpec(params.layoutSpec, params.prefix))
            prefetch.emplace(store, layout.value().scanPattern(), params.readBatch);
    }
    auto source = readItems(params);
    if (!source)
        return source;
    MigrationPlan plan = std::move(source).value();
    plan.target = store.describe();
    QElapsedTimer clock;
    clock.start();
    if (prefetch) {
        auto early = prefetch->finish();
        if (!early)
            return early.error();
        const QHash<QByteArray, PreviousValue>& held = early.value().values;
        const PreviousValue absent;
        QVector<const PreviousValue*> found(plan.items.size(), &absent);
        // An empty key space (a first migration) needs no look-up per key.
        if (!held.isEmpty()) {
            for (int i = 0; i < plan.items.size(); ++i) {
                const auto it = held.constFind(plan.items.at(i).key.toUtf8());
                if (it != held.cend())
                    found[i] = &*it;
            }
        }
        auto loaded = loadValuesToCompare(plan, found);
        if (!loaded)
            return loaded.error();
        for (int i = 0; i < plan.items.size(); ++i)
            decide(plan, plan.items[i], *found.at(i));
    } else {
        QVector<QByteArray> keys;
        keys.reserve(plan.items.size());
        for (const PlanItem& item : plan.items)
            keys.append(item.key.toUtf8());
        auto held = KeyCapture::captureAll(store, keys, params.readBatch);
        if (!held)
            return held.error();
        QVector<const PreviousValue*> found;
        found.reserve(plan.items.size());
        for (const PreviousValue& kv : held.value())
            found.append(&kv);
        auto loaded = loadValuesToCompare(plan, found);
        if (!loaded)
            return loaded.error();
        for (int i = 0; i < plan.items.size(); ++i)
            decide(plan, plan.items[i], held.value().at(i));
    }
    plan.computeChecksums();
    qCDebug(lcJobs) << "key space read in" << clock.elapsed() << "ms";
    return plan;
}

Result<void> Planner::loadValues(MigrationPlan& plan)
{
    Params params;
    params.root = plan.root;
    params.layoutSpec = plan.layoutSpec;
    params.prefix = plan.prefix;
    params.projects = plan.projects;
    params.policy = plan.policy;
    auto source = readSource(params);
    if (!source)
        return source.error();
    QHash<QString, const PlanItem*> byKey;
    for (const PlanItem& item : source.value().items)
        byKey.insert(item.key, &item);
    for (PlanItem& item : plan.items) {
        if (item.valueSaved) {
            if (sha256Hex(item.value) == item.sha256)
                continue;
        } else if (const PlanItem* now = byKey.value(item.key)) {
            if (now->sha256 == item.sha256) {
                item.value = now->value;
                continue;
            }
        }
        if (!item.writes())
            continue; // not written: its source may change freely
        return makeError(QStringLiteral("plan.stale"),
                         QStringLiteral("%1 (key %2) changed since the plan was made: plan again")
                             .arg(item.source, item.key),
                         NextStep::forPath(NextStep::Action::PlanAgain, plan.root));
    }
    return {};
}

} // namespace pmkv
