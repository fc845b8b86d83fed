#include "jobs/validator.h"

#include "core/workpool.h"
#include "diff/valuecomparison.h"
#include "files/sha256.h"
#include "jobs/keycapture.h"
#include "jobs/keyspaceprefetch.h"
#include "jobs/planner.h"
#include "jobs/sourcevalues.h"
#include "layout/keylayout.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <array>
#include <numeric>
#include <optional>

namespace pmkv {

namespace {

Error cancelledError()
{
    return {QStringLiteral("validate.cancelled"),
            QStringLiteral("validation cancelled: nothing was reported; run it again")};
}

// Whether each chosen key holds its file's value, byte for byte: by size, then by hash where
// the plan holds only that (on the pool: 190 MB for 100,000 stories).
QVector<char> sameBytes(const MigrationPlan& plan, const QVector<int>& chosen,
                        const QVector<const PreviousValue*>& kv)
{
    QVector<char> same(chosen.size(), 0);
    std::vector<int> all(size_t(chosen.size()));
    std::iota(all.begin(), all.end(), 0);
    QtConcurrent::blockingMap(WorkPool::instance(), all, [&](int c) {
        const PlanItem& item = plan.items.at(chosen.at(c));
        const PreviousValue& v = *kv.at(c);
        if (!v.isString() || v.value.size() != item.size)
            return;
        same[c] = item.valueHeld() ? v.value == item.value : Sha256::hex(v.value) == item.sha256;
    });
    return same;
}

} // namespace

QString Validator::stateName(State state)
{
    return QString::fromLatin1(comparisonKey(state, ComparisonSides::FilesKv));
}

bool Validator::Outcome::matches() const
{
    return findings.isEmpty() && withTtl == 0;
}

QJsonObject Validator::Outcome::toJson(int maxFindings) const
{
    auto named = [](const ComparisonCounts& c, bool withZeros) {
        QJsonObject o;
        for (int s = 0; s < kComparisonCount; ++s) {
            if (withZeros || c.n[size_t(s)] > 0)
                o.insert(stateName(State(s)), c.n[size_t(s)]);
        }
        return o;
    };
    const QJsonObject countsJson = named(counts, true);
    QJsonObject roles;
    for (auto it = byRole.cbegin(); it != byRole.cend(); ++it)
        roles.insert(it.key(), named(it.value(), false));
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
            {QStringLiteral("matches"), matches()}};
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
    // Values are compared by size and hash: the tree's 190 MB (100,000 stories) are not held,
    // and only the values of keys that differ are made again from their files.
    source.hashValues = true;
    source.planChecksums = false;
    source.holdValues = false;
    source.cancel = params.cancel;
    auto layout = KeyLayout::fromSpec(params.layoutSpec, params.prefix);
    if (!layout)
        return layout.error();
    // A full validation of the whole tree reads the key space (keys and values) while the tree
    // is read: neither waits for the other. (A sampled one may not need it at all, and one
    // scoped to projects would fetch the other projects' values for nothing.)
    const bool readEarly =
        params.sample <= 0 && params.projects.isEmpty() && store.capabilities().canScan;
    std::optional<KeySpacePrefetch> prefetch;
    if (readEarly)
        prefetch.emplace(store, layout.value().scanPattern(), params.batchKeys);
    auto tree = Planner::readSource(source);
    if (!tree)
        return tree.error().code == QLatin1String("read.cancelled") ? cancelledError()
                                                                    : tree.error();
    const MigrationPlan& plan = tree.value();

    Outcome out;
    out.root = plan.root;
    out.layoutName = plan.layoutName;
    out.prefix = plan.prefix;
    out.target = store.describe();
    out.problems = plan.problems;
    out.fileKeys = plan.items.size();

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
    // Keys per role and state, counted by index (100,000 keys, a handful of names); the
    // findings are only what is worth a line: every state but equal, and every TTL.
    constexpr int kUnknownRole = int(KeyRole::Story) + 1;
    std::array<ComparisonCounts, kUnknownRole + 1> tally{};
    auto count = [&tally](State state, int role) { ++tally[size_t(role)][state]; };
    auto record = [&out, &count](Finding f, int role) {
        count(f.state, role);
        out.findings.append(std::move(f));
    };

    QElapsedTimer compareClock;
    compareClock.start();
    ProgressMeter meter(params.progress, QStringLiteral("validate"), chosen.size(), 0);
    // What each chosen key holds: as the early read found it, or read now (keys the scan did
    // not list, or every key of a sampled validation).
    KeySpacePrefetch::Contents early;
    // A store that says it may scan and then refuses (NOPERM: an ACL or a read-only token)
    // is read key by key, as one that may not scan: the keys only it has are not looked for.
    bool scanRefused = false;
    if (prefetch) {
        auto read = prefetch->finish();
        scanRefused = !read && read.error().code == QLatin1String("scan-refused");
        if (!read && !scanRefused)
            return read.error();
        if (read)
            early = std::move(read).value();
    }
    if (params.cancel && params.cancel->load())
        return cancelledError();
    QHash<QByteArray, PreviousValue>& held = early.values;
    QVector<QByteArray> chosenKeys(chosen.size());
    QVector<QByteArray> toRead;
    for (int i = 0; i < chosen.size(); ++i) {
        chosenKeys[i] = plan.items.at(chosen.at(i)).key.toUtf8();
        if (!held.contains(chosenKeys.at(i)))
            toRead.append(chosenKeys.at(i));
    }
    const int step = qMax(1, params.batchKeys);
    auto late = KeyCapture::captureAll(store, toRead, step, params.cancel);
    if (!late) {
        if (late.error().code == QLatin1String("capture.stopped"))
            return cancelledError();
        return late.error();
    }
    for (qsizetype i = 0; i < toRead.size(); ++i)
        held.insert(toRead.at(i), std::move(late.value()[i]));
    const PreviousValue absent;
    QVector<const PreviousValue*> kv(chosen.size(), &absent);
    for (int c = 0; c < chosen.size(); ++c) {
        const auto it = std::as_const(held).constFind(chosenKeys.at(c));
        if (it != held.cend())
            kv[c] = &*it;
    }
    const QVector<char> same = sameBytes(plan, chosen, kv);
    // The files' values of the keys that hold other strings, in the order of `chosen`, for
    // the JSON comparison below.
    QVector<const PlanItem*> differing;
    for (int c = 0; c < chosen.size(); ++c) {
        if (kv.at(c)->isString() && !same.at(c))
            differing.append(&plan.items.at(chosen.at(c)));
    }
    auto fileValues = SourceValues::of(plan.root, differing);
    if (!fileValues)
        return Error{fileValues.error().code,
                     fileValues.error().message +
                         QStringLiteral(": the tree changed while it was validated; validate "
                                        "again")};
    qsizetype nextDiffering = 0;
    for (int c = 0; c < chosen.size(); ++c) {
        const PlanItem& item = plan.items.at(chosen.at(c));
        const PreviousValue& v = *kv.at(c);
        const bool hasTtl = v.pttl > 0;
        State state = State::Same;
        if (!v.existed())
            state = State::OnlyLeft;
        else if (!v.isString())
            state = State::Unreadable;
        else if (!same.at(c))
            state = ValueComparison::of(fileValues.value().at(nextDiffering++), v.value);
        if (state == State::Same && !hasTtl) {
            count(state, int(item.role));
        } else {
            Finding f;
            f.key = item.key;
            f.state = state;
            f.role = keyRoleName(item.role);
            f.source = item.source;
            f.hasTtl = hasTtl;
            if (hasTtl) {
                ++out.withTtl;
                f.detail = QStringLiteral("expires in %1 ms").arg(v.pttl);
            }
            if (!v.isString())
                f.detail = QStringLiteral("holds a %1").arg(v.type);
            else if (state == State::Unreadable)
                f.detail = QStringLiteral("the key's value is not JSON");
            else if (state == State::Changed)
                f.detail = QStringLiteral("file value %1 bytes, key value %2 bytes")
                               .arg(item.size)
                               .arg(v.value.size());
            record(std::move(f), int(item.role));
        }
        ++out.checkedKeys;
        if ((c + 1) % step == 0 || c + 1 == chosen.size())
            meter.add((c % step) + 1, 0);
    }

    if (!out.sampled) {
        Result<QVector<QByteArray>> listed = std::move(early.keys);
        if (!readEarly && store.capabilities().canScan) {
            listed = scanAllKeys(store, layout.value().scanPattern());
            scanRefused = !listed && listed.error().code == QLatin1String("scan-refused");
        }
        if (!store.capabilities().canScan || scanRefused) {
            out.orphansChecked = false;
            out.notes.append(QStringLiteral("this connection may not SCAN: keys only in the key "
                                            "space were not looked for"));
        } else {
            if (!listed)
                return listed.error();
            // The keys as bytes: the scan's keys are looked up without decoding each one.
            const QSet<QByteArray> fileKeys(chosenKeys.cbegin(), chosenKeys.cend()); // all
            const QSet<QString> scope(params.projects.cbegin(), params.projects.cend());
            for (const QByteArray& raw : listed.value()) { // each once (KeyScanner)
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
                f.state = State::OnlyRight;
                f.role = ref ? keyRoleName(ref->role) : QStringLiteral("unknown");
                f.detail = ref ? QStringLiteral("no file maps to this key")
                               : QStringLiteral("the layout does not describe this key");
                record(std::move(f), ref ? int(ref->role) : kUnknownRole);
            }
        }
    }
    for (int role = 0; role <= kUnknownRole; ++role) {
        const QString roleName =
            role == kUnknownRole ? QStringLiteral("unknown") : keyRoleName(KeyRole(role));
        const ComparisonCounts& n = tally[size_t(role)];
        if (n.total() == 0)
            continue;
        out.counts += n;
        out.byRole[roleName] += n;
    }
    meter.finish();
    out.compareSeconds = double(compareClock.nsecsElapsed()) / 1e9;
    out.seconds = double(clock.nsecsElapsed()) / 1e9;
    // Each key once: a key both in the files and in the key space is one key validated.
    const qint64 keys = out.checkedKeys + out.counts[State::OnlyRight];
    out.keysPerSecond = out.seconds > 0 ? double(keys) / out.seconds : 0;
    return out;
}

} // namespace pmkv
