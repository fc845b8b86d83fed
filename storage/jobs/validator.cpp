#include "jobs/validator.h"

#include "jobs/keycapture.h"
#include "jobs/planner.h"
#include "layout/keylayout.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>

#include <optional>

#include <nlohmann/json.hpp>

namespace pmkv {

namespace {

bool sameJson(const QByteArray& a, const QByteArray& b)
{
    const auto pa = nlohmann::json::parse(a.constBegin(), a.constEnd(), nullptr, false);
    const auto pb = nlohmann::json::parse(b.constBegin(), b.constEnd(), nullptr, false);
    return !pa.is_discarded() && !pb.is_discarded() && pa == pb;
}

} // namespace

QString Validator::stateName(State state)
{
    switch (state) {
    case State::Equal:
        return QStringLiteral("equal");
    case State::EqualJson:
        return QStringLiteral("equal-json");
    case State::Different:
        return QStringLiteral("different");
    case State::OnlyFiles:
        return QStringLiteral("only-files");
    case State::OnlyKv:
        return QStringLiteral("only-kv");
    case State::WrongType:
        return QStringLiteral("wrong-type");
    }
    return QString();
}

bool Validator::Outcome::clean() const
{
    return exitCode() == 0;
}

int Validator::Outcome::exitCode() const
{
    for (const Problem& p : problems) {
        if (p.severity == Severity::Error)
            return 2;
    }
    if (!findings.isEmpty() || withTtl > 0 || !problems.isEmpty())
        return 1;
    return 0;
}

QJsonObject Validator::Outcome::toJson(int maxFindings) const
{
    QJsonObject countsJson;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        countsJson.insert(it.key(), it.value());
    QJsonObject roles;
    for (auto it = byRole.cbegin(); it != byRole.cend(); ++it) {
        QJsonObject r;
        for (auto jt = it->cbegin(); jt != it->cend(); ++jt)
            r.insert(jt.key(), jt.value());
        roles.insert(it.key(), r);
    }
    QJsonArray found;
    for (const Finding& f : findings) {
        if (maxFindings >= 0 && found.size() >= maxFindings)
            break;
        found.append(QJsonObject{{QStringLiteral("key"), f.key},
                                 {QStringLiteral("state"), stateName(f.state)},
                                 {QStringLiteral("role"), f.role},
                                 {QStringLiteral("source"), f.source},
                                 {QStringLiteral("detail"), f.detail},
                                 {QStringLiteral("ttl"), f.hasTtl}});
    }
    QJsonArray problemArray;
    for (const Problem& p : problems)
        problemArray.append(QJsonObject{{QStringLiteral("severity"), severityName(p.severity)},
                                        {QStringLiteral("path"), p.path},
                                        {QStringLiteral("code"), p.code},
                                        {QStringLiteral("message"), p.message}});
    return {{QStringLiteral("root"), root},
            {QStringLiteral("layout"), layoutName},
            {QStringLiteral("prefix"), prefix},
            {QStringLiteral("target"), target},
            {QStringLiteral("sampled"), sampled},
            {QStringLiteral("orphansChecked"), orphansChecked},
            {QStringLiteral("fileKeys"), fileKeys},
            {QStringLiteral("checkedKeys"), checkedKeys},
            {QStringLiteral("kvKeys"), kvKeys},
            {QStringLiteral("counts"), countsJson},
            {QStringLiteral("byRole"), roles},
            {QStringLiteral("withTtl"), withTtl},
            {QStringLiteral("findings"), found},
            {QStringLiteral("findingCount"), findings.size()},
            {QStringLiteral("problems"), problemArray},
            {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("compareSeconds"), compareSeconds},
            {QStringLiteral("keysPerSecond"), keysPerSecond},
            {QStringLiteral("exitCode"), exitCode()}};
}

Result<Validator::Outcome> Validator::run(const Params& params, KvStore& store)
{
    QElapsedTimer clock;
    clock.start();
    Planner::Params source;
    source.root = params.root;
    source.layoutSpec = params.layoutSpec;
    source.prefix = params.prefix;
    source.projects = params.projects;
    source.hashValues = false;
    auto layout = KeyLayout::fromSpec(params.layoutSpec, params.prefix);
    if (!layout)
        return layout.error();
    // A full validation lists the key space while the tree is read: neither waits for the
    // other. (A sampled one may not need the listing at all.)
    const bool listEarly = params.sample <= 0 && store.capabilities().canScan;
    QFuture<Result<QList<QByteArray>>> listing;
    if (listEarly)
        listing = startScanAllKeys(store, layout.value().scanPattern());
    const auto stopListing = qScopeGuard([&] {
        if (listEarly && !listing.isFinished()) {
            listing.cancel();
            listing.waitForFinished();
        }
    });
    auto tree = Planner::readSource(source);
    if (!tree)
        return tree.error();
    const MigrationPlan& plan = tree.value();

    Outcome out;
    out.root = plan.root;
    out.layoutName = plan.layoutName;
    out.prefix = plan.prefix;
    out.target = store.describe();
    out.problems = plan.problems;
    out.fileKeys = plan.items.size();
    for (auto s : {State::Equal, State::EqualJson, State::Different, State::OnlyFiles,
                   State::OnlyKv, State::WrongType})
        out.counts.insert(stateName(s), 0);

    QVector<int> chosen(plan.items.size());
    std::iota(chosen.begin(), chosen.end(), 0);
    if (params.sample > 0 && params.sample < chosen.size()) {
        QRandomGenerator rng(params.seed);
        for (int i = chosen.size() - 1; i > 0; --i)
            std::swap(chosen[i], chosen[int(rng.bounded(quint32(i + 1)))]);
        chosen.resize(int(params.sample));
        std::sort(chosen.begin(), chosen.end());
        out.sampled = true;
        out.orphansChecked = false;
        out.notes.append(QStringLiteral("sampled %1 of %2 keys (seed %3); keys only in the key "
                                        "space were not looked for")
                             .arg(params.sample)
                             .arg(plan.items.size())
                             .arg(params.seed));
    }
    auto record = [&out](Finding f) {
        out.counts[stateName(f.state)] += 1;
        out.byRole[f.role][stateName(f.state)] += 1;
        if (f.state != State::Equal || f.hasTtl)
            out.findings.append(std::move(f));
    };

    QElapsedTimer compareClock;
    compareClock.start();
    ProgressMeter meter(params.progress, QStringLiteral("validate"), chosen.size(), 0);
    const int step = qMax(1, params.batchKeys);
    // The next batch is read while this one is compared.
    struct Reading
    {
        QVector<QByteArray> keys;
        QFuture<Result<KvStore::Replies>> future;
    };
    auto read = [&](int start) {
        Reading r;
        const int end = qMin<int>(start + step, chosen.size());
        r.keys.reserve(end - start);
        for (int i = start; i < end; ++i)
            r.keys.append(plan.items.at(chosen.at(i)).key.toUtf8());
        r.future = store.execute(KeyCapture::commands(r.keys));
        return r;
    };
    std::optional<Reading> next;
    if (!chosen.isEmpty())
        next = read(0);
    for (int start = 0; start < chosen.size(); start += step) {
        if (params.cancel && params.cancel->load()) {
            if (next)
                (void)waitFor(store, next->future);
            return makeError(QStringLiteral("validate.cancelled"),
                             QStringLiteral("validation cancelled"));
        }
        const int end = qMin<int>(start + step, chosen.size());
        Reading current = std::move(*next);
        next.reset();
        auto kv = KeyCapture::complete(store, current.keys, waitFor(store, current.future));
        if (end < chosen.size())
            next = read(end);
        if (!kv) {
            if (next)
                (void)waitFor(store, next->future);
            return kv.error();
        }
        for (int i = start; i < end; ++i) {
            const PlanItem& item = plan.items.at(chosen.at(i));
            const PreviousValue& v = kv.value().at(i - start);
            Finding f;
            f.key = item.key;
            f.role = keyRoleName(item.role);
            f.source = item.source;
            f.hasTtl = v.pttl > 0;
            if (f.hasTtl) {
                ++out.withTtl;
                f.detail = QStringLiteral("expires in %1 ms").arg(v.pttl);
            }
            if (!v.existed()) {
                f.state = State::OnlyFiles;
            } else if (!v.isString()) {
                f.state = State::WrongType;
                f.detail = QStringLiteral("holds a %1").arg(v.type);
            } else if (v.value == item.value) {
                f.state = State::Equal;
            } else if (sameJson(v.value, item.value)) {
                f.state = State::EqualJson;
            } else {
                f.state = State::Different;
                f.detail = QStringLiteral("file value %1 bytes, key value %2 bytes")
                               .arg(item.size)
                               .arg(v.value.size());
            }
            record(std::move(f));
        }
        out.checkedKeys += end - start;
        meter.add(end - start, 0);
    }

    if (!out.sampled) {
        if (!store.capabilities().canScan) {
            out.orphansChecked = false;
            out.notes.append(QStringLiteral("this connection may not SCAN: keys only in the key "
                                            "space were not looked for"));
        } else {
            auto listed = listEarly ? finishScanAllKeys(store, listing)
                                    : scanAllKeys(store, layout.value().scanPattern());
            if (!listed)
                return listed.error();
            // The keys as bytes: the scan's keys are looked up without decoding each one.
            QSet<QByteArray> fileKeys;
            fileKeys.reserve(plan.items.size());
            for (const PlanItem& item : plan.items)
                fileKeys.insert(item.key.toUtf8());
            const QSet<QString> scope(params.projects.cbegin(), params.projects.cend());
            QSet<QByteArray> seen;
            for (const QByteArray& raw : listed.value()) {
                if (seen.contains(raw))
                    continue; // SCAN may return a key twice
                seen.insert(raw);
                if (scope.isEmpty() && fileKeys.contains(raw)) {
                    ++out.kvKeys; // a key the tree maps to: nothing to learn from its name
                    continue;
                }
                const QString key = QString::fromUtf8(raw);
                const auto ref = layout.value().entityFor(key);
                if (!scope.isEmpty() &&
                    (!ref || (ref->role != KeyRole::People && ref->role != KeyRole::ProjectsList &&
                              !scope.contains(ref->project))))
                    continue;
                ++out.kvKeys;
                if (fileKeys.contains(raw))
                    continue;
                Finding f;
                f.key = key;
                f.state = State::OnlyKv;
                f.role = ref ? keyRoleName(ref->role) : QStringLiteral("unknown");
                f.detail = ref ? QStringLiteral("no file maps to this key")
                               : QStringLiteral("the layout does not describe this key");
                record(std::move(f));
            }
        }
    }
    meter.finish();
    out.compareSeconds = double(compareClock.nsecsElapsed()) / 1e9;
    out.seconds = double(clock.nsecsElapsed()) / 1e9;
    // Each key once: a key both in the files and in the key space is one key validated.
    const qint64 keys = out.checkedKeys + out.counts.value(stateName(State::OnlyKv));
    out.keysPerSecond = out.seconds > 0 ? double(keys) / out.seconds : 0;
    return out;
}

} // namespace pmkv
