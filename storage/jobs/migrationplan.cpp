#include "jobs/migrationplan.h"

#include "core/jsonstring.h"
#include "files/sha256.h"
#include "jobs/filesync.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace pmkv {

namespace {

const QString kFormat = QStringLiteral("pmkv-plan");

QJsonObject problemJson(const Problem& p)
{
    return {{QStringLiteral("severity"), severityName(p.severity)},
            {QStringLiteral("path"), p.path},
            {QStringLiteral("code"), p.code},
            {QStringLiteral("message"), p.message}};
}

std::optional<KeyRole> roleFromName(const QString& name)
{
    for (auto role : {KeyRole::People, KeyRole::ProjectsList, KeyRole::Project, KeyRole::EpicsList,
                      KeyRole::Epic, KeyRole::StoriesList, KeyRole::Story}) {
        if (keyRoleName(role) == name)
            return role;
    }
    return std::nullopt;
}

std::optional<PlanItem::Action> actionFromName(const QString& name)
{
    for (auto a : {PlanItem::Action::Create, PlanItem::Action::Update, PlanItem::Action::Skip,
                   PlanItem::Action::Conflict}) {
        if (planActionName(a) == name)
            return a;
    }
    return std::nullopt;
}

} // namespace

QString planActionName(PlanItem::Action action)
{
    switch (action) {
    case PlanItem::Action::Create:
        return QStringLiteral("create");
    case PlanItem::Action::Update:
        return QStringLiteral("update");
    case PlanItem::Action::Skip:
        return QStringLiteral("skip");
    case PlanItem::Action::Conflict:
        return QStringLiteral("conflict");
    }
    return QString();
}

QString MigrationPlan::policyName(Policy policy)
{
    switch (policy) {
    case Policy::SkipExisting:
        return QStringLiteral("skip-existing");
    case Policy::Overwrite:
        return QStringLiteral("overwrite");
    case Policy::AbortOnConflict:
        return QStringLiteral("abort-on-conflict");
    }
    return QString();
}

Result<MigrationPlan::Policy> MigrationPlan::policyFromName(const QString& name)
{
    for (auto p : {Policy::SkipExisting, Policy::Overwrite, Policy::AbortOnConflict}) {
        if (policyName(p) == name)
            return p;
    }
    return makeError(QStringLiteral("plan.policy"),
                     QStringLiteral("unknown policy \"%1\": use skip-existing, overwrite or "
                                    "abort-on-conflict")
                         .arg(name));
}

MigrationPlan::Counts MigrationPlan::counts() const
{
    Counts c;
    for (const PlanItem& item : items) {
        switch (item.action) {
        case PlanItem::Action::Create:
            ++c.create;
            break;
        case PlanItem::Action::Update:
            ++c.update;
            break;
        case PlanItem::Action::Skip:
            ++c.skip;
            break;
        case PlanItem::Action::Conflict:
            ++c.conflict;
            break;
        }
        if (item.writes())
            c.writeBytes += item.size;
    }
    return c;
}

QVector<int> MigrationPlan::writeOrder() const
{
    QVector<int> members;
    QVector<int> lists;
    for (int i = 0; i < items.size(); ++i)
        (items.at(i).isList() ? lists : members).append(i);
    // Stories lists before epics lists before the projects list: inner lists first.
    std::stable_sort(lists.begin(), lists.end(), [this](int a, int b) {
        auto rank = [](KeyRole r) {
            return r == KeyRole::StoriesList ? 0 : r == KeyRole::EpicsList ? 1 : 2;
        };
        return rank(items.at(a).role) < rank(items.at(b).role);
    });
    return members + lists;
}

void MigrationPlan::computeChecksums()
{
    // The digests of "key\thash\n" lines over all items, hashed piece by piece: the lines of
    // 100,000 items would be two 23 MB buffers.
    Sha256 source;
    Sha256 kv;
    QByteArray sourceLines;
    QByteArray kvLines;
    constexpr qsizetype kPiece = 64 * 1024;
    sourceLines.reserve(kPiece + 1024);
    kvLines.reserve(kPiece + 1024);
    constexpr qsizetype kAhead = 16;
    for (qsizetype i = 0; i < items.size(); ++i) {
        // The keys and hashes lie all over the heap: their bytes are asked for some items
        // ahead, so that the misses overlap instead of coming one after the other.
        if (i + kAhead < items.size()) {
            __builtin_prefetch(items.at(i + kAhead).key.constData());
            __builtin_prefetch(items.at(i + kAhead).sha256.constData());
        }
        const PlanItem& item = items.at(i);
        const QByteArray key = item.key.toUtf8();
        sourceLines.append(key).append('\t').append(item.sha256).append('\n');
        kvLines.append(key).append('\t').append(item.kvState).append('\n');
        if (sourceLines.size() >= kPiece || kvLines.size() >= kPiece) {
            source.add(sourceLines);
            kv.add(kvLines);
            sourceLines.resize(0); // keeps the capacity, unlike clear()
            kvLines.resize(0);
        }
    }
    source.add(sourceLines);
    kv.add(kvLines);
    sourceChecksum = source.hexResult();
    kvChecksum = kv.hexResult();
}

namespace {

void appendJsonString(QByteArray& out, const QString& text)
{
    pmkv::appendJsonString(out, QByteArrayView(text.toUtf8()));
}

void appendItem(QByteArray& out, const PlanItem& item)
{
    out.append("{\"key\":");
    appendJsonString(out, item.key);
    out.append(",\"role\":");
    appendJsonString(out, keyRoleName(item.role));
    out.append(",\"source\":");
    appendJsonString(out, item.source);
    out.append(",\"action\":");
    appendJsonString(out, planActionName(item.action));
    out.append(",\"reason\":");
    appendJsonString(out, item.reason);
    out.append(",\"sha256\":");
    pmkv::appendJsonString(out, QByteArrayView(item.sha256));
    out.append(",\"size\":");
    out.append(QByteArray::number(item.size));
    out.append(",\"kv\":");
    pmkv::appendJsonString(out, QByteArrayView(item.kvState));
    if (item.valueSaved) {
        out.append(",\"value\":");
        pmkv::appendJsonString(out, QByteArrayView(item.value));
    }
    out.append('}');
}

} // namespace

QJsonObject MigrationPlan::toJson(bool withItems) const
{
    QJsonArray itemArray;
    for (const PlanItem& item : withItems ? items : QVector<PlanItem>()) {
        QJsonObject o{{QStringLiteral("key"), item.key},
                      {QStringLiteral("role"), keyRoleName(item.role)},
                      {QStringLiteral("source"), item.source},
                      {QStringLiteral("action"), planActionName(item.action)},
                      {QStringLiteral("reason"), item.reason},
                      {QStringLiteral("sha256"), QString::fromLatin1(item.sha256)},
                      {QStringLiteral("size"), item.size},
                      {QStringLiteral("kv"), QString::fromLatin1(item.kvState)}};
        if (item.valueSaved)
            o.insert(QStringLiteral("value"), QString::fromUtf8(item.value));
        itemArray.append(o);
    }
    QJsonArray problemArray;
    for (const Problem& p : problems)
        problemArray.append(problemJson(p));
    const Counts c = counts();
    QJsonObject json{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), 1},
        {QStringLiteral("createdAt"), createdAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("root"), root},
        {QStringLiteral("layout"), layoutSpec},
        {QStringLiteral("layoutName"), layoutName},
        {QStringLiteral("prefix"), prefix},
        {QStringLiteral("projects"), QJsonArray::fromStringList(projects)},
        {QStringLiteral("policy"), policyName(policy)},
        {QStringLiteral("target"), target},
        {QStringLiteral("sourceChecksum"), QString::fromLatin1(sourceChecksum)},
        {QStringLiteral("kvChecksum"), QString::fromLatin1(kvChecksum)},
        {QStringLiteral("counts"), QJsonObject{{QStringLiteral("create"), c.create},
                                               {QStringLiteral("update"), c.update},
                                               {QStringLiteral("skip"), c.skip},
                                               {QStringLiteral("conflict"), c.conflict},
                                               {QStringLiteral("writeBytes"), c.writeBytes}}},
        {QStringLiteral("problems"), problemArray}};
    if (withItems)
        json.insert(QStringLiteral("items"), itemArray);
    return json;
}

Result<MigrationPlan> MigrationPlan::fromJson(const QJsonObject& json)
{
    auto bad = [](const QString& why) {
        return makeError(QStringLiteral("plan.format"),
                         QStringLiteral("not a usable plan file: %1. Make a new plan.").arg(why),
                         NextStep::forPath(NextStep::Action::PlanAgain, QString()));
    };
    if (json.value(QStringLiteral("format")).toString() != kFormat)
        return bad(QStringLiteral("no \"format\": \"pmkv-plan\""));
    if (json.value(QStringLiteral("version")).toInt() != 1)
        return bad(QStringLiteral("unsupported version"));
    MigrationPlan plan;
    plan.createdAt = QDateTime::fromString(json.value(QStringLiteral("createdAt")).toString(),
                                           Qt::ISODateWithMs);
    plan.root = json.value(QStringLiteral("root")).toString();
    plan.layoutSpec = json.value(QStringLiteral("layout")).toString();
    plan.layoutName = json.value(QStringLiteral("layoutName")).toString();
    plan.prefix = json.value(QStringLiteral("prefix")).toString();
    for (const QJsonValue& p : json.value(QStringLiteral("projects")).toArray())
        plan.projects.append(p.toString());
    auto policy = policyFromName(json.value(QStringLiteral("policy")).toString());
    if (!policy)
        return bad(policy.error().message);
    plan.policy = policy.value();
    plan.target = json.value(QStringLiteral("target")).toString();
    for (const QJsonValue& v : json.value(QStringLiteral("items")).toArray()) {
        const QJsonObject o = v.toObject();
        PlanItem item;
        item.key = o.value(QStringLiteral("key")).toString();
        const auto role = roleFromName(o.value(QStringLiteral("role")).toString());
        const auto action = actionFromName(o.value(QStringLiteral("action")).toString());
        if (item.key.isEmpty() || !role || !action)
            return bad(QStringLiteral("an item without key, role or action"));
        item.role = *role;
        item.action = *action;
        item.source = o.value(QStringLiteral("source")).toString();
        item.reason = o.value(QStringLiteral("reason")).toString();
        item.sha256 = o.value(QStringLiteral("sha256")).toString().toLatin1();
        item.size = o.value(QStringLiteral("size")).toInteger();
        item.kvState = o.value(QStringLiteral("kv")).toString().toLatin1();
        if (o.contains(QStringLiteral("value"))) {
            item.value = o.value(QStringLiteral("value")).toString().toUtf8();
            item.valueSaved = true;
        }
        plan.items.append(item);
    }
    for (const QJsonValue& v : json.value(QStringLiteral("problems")).toArray()) {
        const QJsonObject o = v.toObject();
        Problem p;
        p.severity = o.value(QStringLiteral("severity")).toString() == QLatin1String("warning")
                         ? Severity::Warning
                         : Severity::Error;
        p.path = o.value(QStringLiteral("path")).toString();
        p.code = o.value(QStringLiteral("code")).toString();
        p.message = o.value(QStringLiteral("message")).toString();
        plan.problems.append(p);
    }
    plan.computeChecksums();
    if (plan.sourceChecksum != json.value(QStringLiteral("sourceChecksum")).toString().toLatin1() ||
        plan.kvChecksum != json.value(QStringLiteral("kvChecksum")).toString().toLatin1())
        return bad(QStringLiteral("its checksums do not match its items (edited by hand?)"));
    return plan;
}

Result<void> MigrationPlan::save(const QString& path) const
{
    constexpr qsizetype kPiece = 1024 * 1024;
    int next = -1; // the header comes first
    return filesync::writeAtomically(path, [this, next]() mutable {
        QByteArray piece;
        if (next > items.size())
            return piece; // written
        piece.reserve(kPiece + 64 * 1024);
        if (next < 0) {
            piece = QJsonDocument(toJson(false)).toJson(QJsonDocument::Compact);
            piece.chop(1); // the header's closing brace: the items follow
            piece.append(",\n\"items\":[");
            next = 0;
        }
        for (; next < items.size() && piece.size() < kPiece; ++next) {
            piece.append(next == 0 ? "\n" : ",\n");
            appendItem(piece, items.at(next));
        }
        if (next == items.size()) {
            piece.append("\n]}\n");
            ++next;
        }
        return piece;
    });
}

Result<MigrationPlan> MigrationPlan::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            QStringLiteral("plan.open"),
            QStringLiteral("cannot read the plan %1: %2").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject())
        return makeError(
            QStringLiteral("plan.format"),
            QStringLiteral("the plan %1 is not JSON: %2").arg(path, error.errorString()));
    return fromJson(doc.object());
}

} // namespace pmkv
