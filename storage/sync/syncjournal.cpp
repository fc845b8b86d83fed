#include "sync/syncjournal.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>

namespace pmkv {
namespace {

QString roleName(KeyRole role)
{
    return keyRoleName(role);
}

std::optional<KeyRole> roleFromName(const QString& name)
{
    for (KeyRole r : {KeyRole::People, KeyRole::ProjectsList, KeyRole::Project, KeyRole::EpicsList,
                      KeyRole::Epic, KeyRole::StoriesList, KeyRole::Story}) {
        if (keyRoleName(r) == name)
            return r;
    }
    return std::nullopt;
}

QJsonValue bytesJson(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray bytesFrom(const QJsonValue& v)
{
    return QByteArray::fromBase64(v.toString().toLatin1());
}

} // namespace

const char* syncStatusName(SyncJournal::Status status)
{
    switch (status) {
    case SyncJournal::Status::Pending:
        return "pending";
    case SyncJournal::Status::Done:
        return "done";
    case SyncJournal::Status::Undone:
        return "undone";
    }
    return "pending";
}

QString SyncJournal::newRunId()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) +
           QLatin1Char('-') +
           QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
               .rightJustified(4, QLatin1Char('0'));
}

QString SyncJournal::pathFor(const QString& folder, const QString& runId)
{
    return QDir(folder).filePath(QStringLiteral("sync-") + runId + QStringLiteral(".json"));
}

Result<QString> SyncJournal::lastRun(const QString& folder)
{
    QStringList runs =
        QDir(folder).entryList({QStringLiteral("sync-*.json")}, QDir::Files, QDir::Name);
    if (runs.isEmpty())
        return makeError(QStringLiteral("sync.no-run"),
                         QStringLiteral("no sync run is recorded in %1").arg(folder));
    return runs.last().mid(5).chopped(5);
}

Result<void> SyncJournal::save(const QString& path) const
{
    QJsonArray list;
    for (const Entry& e : entries) {
        QJsonObject o{
            {QStringLiteral("kind"), QString::fromLatin1(syncActionKindName(e.action.kind))},
            {QStringLiteral("role"), roleName(e.action.ref.role)},
            {QStringLiteral("project"), e.action.ref.project},
            {QStringLiteral("epic"), e.action.ref.epic},
            {QStringLiteral("story"), e.action.ref.story},
            {QStringLiteral("location"), e.action.location},
            {QStringLiteral("value"), bytesJson(e.action.value)},
            {QStringLiteral("fields"), e.action.fields},
            {QStringLiteral("beforeExists"), e.before.exists},
            {QStringLiteral("before"), bytesJson(e.before.bytes)},
            {QStringLiteral("status"), QString::fromLatin1(syncStatusName(e.status))}};
        if (e.action.ttl)
            o.insert(QStringLiteral("ttl"), double(*e.action.ttl));
        if (e.before.ttl)
            o.insert(QStringLiteral("beforeTtl"), double(*e.before.ttl));
        list.append(o);
    }
    const QJsonObject root{{QStringLiteral("journal"), QStringLiteral("pmkv-sync-1")},
                           {QStringLiteral("run"), runId},
                           {QStringLiteral("createdAt"), createdAt.toString(Qt::ISODateWithMs)},
                           {QStringLiteral("source"), source},
                           {QStringLiteral("target"), target},
                           {QStringLiteral("targetIsFolder"), targetIsFolder},
                           {QStringLiteral("state"), state},
                           {QStringLiteral("entries"), list}};
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return makeError(
            QStringLiteral("journal.write"),
            QStringLiteral("cannot write the sync journal %1: %2").arg(path, file.errorString()));
    return {};
}

Result<SyncJournal> SyncJournal::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            QStringLiteral("journal.read"),
            QStringLiteral("cannot read the sync journal %1: %2").arg(path, file.errorString()));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    const QJsonObject root = doc.object();
    if (error.error != QJsonParseError::NoError ||
        root.value(QStringLiteral("journal")).toString() != QLatin1String("pmkv-sync-1"))
        return makeError(QStringLiteral("journal.format"),
                         QStringLiteral("%1 is not a pmkv sync journal").arg(path));
    SyncJournal j;
    j.runId = root.value(QStringLiteral("run")).toString();
    j.createdAt = QDateTime::fromString(root.value(QStringLiteral("createdAt")).toString(),
                                        Qt::ISODateWithMs);
    j.source = root.value(QStringLiteral("source")).toString();
    j.target = root.value(QStringLiteral("target")).toString();
    j.targetIsFolder = root.value(QStringLiteral("targetIsFolder")).toBool();
    j.state = root.value(QStringLiteral("state")).toString();
    for (const QJsonValue& v : root.value(QStringLiteral("entries")).toArray()) {
        const QJsonObject o = v.toObject();
        Entry e;
        e.action.kind = o.value(QStringLiteral("kind")).toString() == QLatin1String("create")
                            ? SyncAction::Kind::Create
                            : SyncAction::Kind::Update;
        e.action.ref.role =
            roleFromName(o.value(QStringLiteral("role")).toString()).value_or(KeyRole::Story);
        e.action.ref.project = o.value(QStringLiteral("project")).toString();
        e.action.ref.epic = o.value(QStringLiteral("epic")).toString();
        e.action.ref.story = o.value(QStringLiteral("story")).toString();
        e.action.location = o.value(QStringLiteral("location")).toString();
        e.action.value = bytesFrom(o.value(QStringLiteral("value")));
        e.action.fields = o.value(QStringLiteral("fields")).toString();
        if (o.contains(QStringLiteral("ttl")))
            e.action.ttl = qint64(o.value(QStringLiteral("ttl")).toDouble());
        e.before.exists = o.value(QStringLiteral("beforeExists")).toBool();
        e.before.bytes = bytesFrom(o.value(QStringLiteral("before")));
        if (o.contains(QStringLiteral("beforeTtl")))
            e.before.ttl = qint64(o.value(QStringLiteral("beforeTtl")).toDouble());
        const QString status = o.value(QStringLiteral("status")).toString();
        e.status = status == QLatin1String("done")     ? Status::Done
                   : status == QLatin1String("undone") ? Status::Undone
                                                       : Status::Pending;
        j.entries.append(std::move(e));
    }
    return j;
}

} // namespace pmkv
