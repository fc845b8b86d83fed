#include "workflows/keyeditworkflow.h"

#include "jobs/journal.h"
#include "kv/keyimage.h"
#include "kv/kvwait.h"
#include "workflows/listmembership.h"
#include "workflows/targetsession.h"

#include <QJsonArray>

namespace pmkv {
namespace {

QJsonArray imagesJson(const QVector<KeyImage>& images)
{
    QJsonArray array;
    for (const KeyImage& image : images)
        array.append(image.toJson());
    return array;
}

QVector<KeyImage> imagesFrom(const QJsonValue& value)
{
    QVector<KeyImage> images;
    for (const auto& v : value.toArray())
        images.append(KeyImage::fromJson(v.toObject()));
    return images;
}

QString keysText(const QVector<QByteArray>& keys)
{
    QStringList names;
    for (const QByteArray& key : keys)
        names << QString::fromUtf8(key);
    return names.join(QStringLiteral(", "));
}

// The commands as one MULTI/EXEC; the first reply that is an error fails it with its text.
Result<void> runAtomic(KvStore& store, const QVector<KvCommand>& commands)
{
    auto replies = waitFor(store, store.executeAtomic(commands));
    if (!replies)
        return replies.error();
    for (qsizetype i = 0; i < replies.value().size(); ++i) {
        const KvReply& reply = replies.value().at(i);
        if (reply.isError())
            return makeError(QStringLiteral("key-edit-refused"),
                             QStringLiteral("%1 was refused: %2")
                                 .arg(QString::fromUtf8(commands.value(i).value(0)),
                                      QString::fromUtf8(reply.bytes)));
    }
    return {};
}

void audit(const WorkflowContext& context, const QString& operation, const QString& runId,
           const QString& target, const QVector<QByteArray>& keys, const QString& refusal)
{
    QJsonObject extra{{QStringLiteral("location"), keysText(keys)}};
    if (!refusal.isEmpty())
        extra.insert(QStringLiteral("refused"), refusal);
    context.recordAudit(operation, target, refusal.isEmpty() ? keys.size() : 0, runId, extra);
}

// A journal update after the write: the write stands; a failure is a warning to show.
void note(const WorkflowContext& context, const Result<void>& journaled)
{
    if (!journaled)
        context.warnings << journaled.error().message;
}

// The command that takes `leave.member` out of the list as `image` holds it (its expiry
// kept); none when the list is missing or does not hold it.
Result<QVector<KvCommand>> leaveList(const KeyImage& image,
                                     const KeyEditWorkflow::Edit::ListLeave& leave)
{
    if (!image.exists())
        return QVector<KvCommand>();
    const ListMembership::List list{QString::fromUtf8(leave.list), QString(), false};
    if (image.type != "string" || image.items.isEmpty())
        return makeError(QStringLiteral("list-not-array"),
                         QStringLiteral("%1 is a %2, not a JSON array; the list was not changed "
                                        "and nothing was written")
                             .arg(list.name, QString::fromLatin1(image.type)));
    auto left = ListMembership::leave(image.items.first(), list, leave.member);
    if (!left)
        return left.error();
    if (left.value() == image.items.first())
        return QVector<KvCommand>();
    KvCommand set{"SET", leave.list, left.value()};
    if (image.expireAtMs > 0)
        set << "PXAT" << QByteArray::number(image.expireAtMs);
    return QVector<KvCommand>{set};
}

} // namespace

Result<KeyEditWorkflow::Outcome> KeyEditWorkflow::apply(const TargetSession& session,
                                                        const Edit& edit,
                                                        const WorkflowContext& context)
{
    if (auto allowed = session.authorizeWrite(edit.confirmation); !allowed)
        return allowed.error();
    if (auto ready = context.ensureJobsFolder(); !ready)
        return ready.error();
    KvStore& store = session.store();
    Outcome outcome;
    outcome.target = session.describe();
    QVector<QByteArray> keys = edit.keys;
    for (const Edit::ListLeave& leave : edit.leaves) {
        if (!keys.contains(leave.list))
            keys.append(leave.list);
    }
    auto before = KeyImage::read(store, keys);
    if (!before) {
        audit(context, edit.operation, QString(), outcome.target, keys, before.error().message);
        return before.error();
    }
    for (const KeyImage& image : before.value()) {
        if (image.exists() && edit.mustNotExist.contains(image.key)) {
            const QString message = QStringLiteral("the key %1 exists already; nothing was written")
                                        .arg(QString::fromUtf8(image.key));
            audit(context, edit.operation, QString(), outcome.target, keys, message);
            return makeError(QStringLiteral("key-exists"), message);
        }
    }
    QVector<KvCommand> toRun = edit.commands;
    for (const Edit::ListLeave& leave : edit.leaves) {
        auto left = leaveList(before.value().at(keys.indexOf(leave.list)), leave);
        if (!left) {
            audit(context, edit.operation, QString(), outcome.target, keys, left.error().message);
            return left.error();
        }
        toRun += left.value();
    }
    QJsonArray commands;
    for (const KvCommand& command : toRun) {
        QJsonArray args;
        for (const QByteArray& arg : command)
            args.append(QString::fromLatin1(arg.toBase64()));
        commands.append(args);
    }
    // Durable before anything is written: an interrupted edit can be undone from here.
    auto journal = Journal::create(context.paths, QString::fromLatin1(kKind),
                                   {{QStringLiteral("target"), outcome.target},
                                    {QStringLiteral("operation"), edit.operation},
                                    {QStringLiteral("keys"), keysText(keys)},
                                    {QStringLiteral("commands"), commands},
                                    {QStringLiteral("before"), imagesJson(before.value())}});
    if (!journal)
        return journal.error();
    outcome.runId = journal.value()->run().id;
    outcome.journalPath = journal.value()->path();
    if (auto written = runAtomic(store, toRun); !written) {
        note(context,
             journal.value()->setState(JournalRun::State::Failed, written.error().message));
        audit(context, edit.operation, outcome.runId, outcome.target, keys,
              written.error().message);
        return written.error();
    }
    auto after = KeyImage::read(store, keys);
    if (!after) {
        // Written, but what it wrote is not known: the run stays "running", and its undo
        // refuses (no "after" to compare with) rather than overwrite something unknown.
        note(context, journal.value()->setState(JournalRun::State::Failed, after.error().message));
        return after.error();
    }
    note(context,
         journal.value()->updateParams({{QStringLiteral("after"), imagesJson(after.value())}}));
    note(context, journal.value()->setState(JournalRun::State::Done));
    audit(context, edit.operation, outcome.runId, outcome.target, keys, QString());
    return outcome;
}

Result<KeyEditWorkflow::Outcome> KeyEditWorkflow::undo(const TargetSession& session,
                                                       const Undo& request,
                                                       const WorkflowContext& context)
{
    if (auto allowed = session.authorizeWrite(request.confirmation); !allowed)
        return allowed.error();
    auto edit = Journal::openRun(context.paths, request.runId);
    if (!edit)
        return edit.error();
    const JournalRun run = edit.value()->run();
    if (run.kind != QLatin1String(kKind))
        return makeError(QStringLiteral("undo-conflict"),
                         QStringLiteral("run %1 is a %2, not a key edit").arg(run.id, run.kind));
    if (run.state == JournalRun::State::Undone)
        return makeError(QStringLiteral("undo-conflict"),
                         QStringLiteral("run %1 was already undone").arg(run.id));
    const QVector<KeyImage> before = imagesFrom(run.params.value(QStringLiteral("before")));
    const QVector<KeyImage> after = imagesFrom(run.params.value(QStringLiteral("after")));
    if (run.state != JournalRun::State::Done || after.size() != before.size())
        return makeError(QStringLiteral("undo-conflict"),
                         QStringLiteral("run %1 did not finish: what it wrote is not known, so "
                                        "nothing is put back")
                             .arg(run.id));
    QVector<QByteArray> keys;
    for (const KeyImage& image : before)
        keys.append(image.key);
    Outcome outcome;
    outcome.target = session.describe();
    KvStore& store = session.store();
    auto now = KeyImage::read(store, keys);
    if (!now)
        return now.error();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (!now.value().at(i).sameContent(after.at(i))) {
            const QString message =
                QStringLiteral("%1 changed since the edit (run %2); it is left as it is")
                    .arg(QString::fromUtf8(keys.at(i)), run.id);
            audit(context, request.operation, run.id, outcome.target, keys, message);
            return makeError(QStringLiteral("undo-conflict"), message);
        }
    }
    auto journal = Journal::create(context.paths, QString::fromLatin1(kUndoKind),
                                   {{QStringLiteral("target"), outcome.target},
                                    {QStringLiteral("keys"), keysText(keys)},
                                    {QStringLiteral("before"), imagesJson(now.value())},
                                    {QStringLiteral("restore"), imagesJson(before)}},
                                   run.id);
    if (!journal)
        return journal.error();
    outcome.runId = journal.value()->run().id;
    outcome.journalPath = journal.value()->path();
    QVector<KvCommand> commands;
    for (const KeyImage& image : before)
        commands += image.restoreCommands();
    if (auto written = runAtomic(store, commands); !written) {
        note(context,
             journal.value()->setState(JournalRun::State::Failed, written.error().message));
        audit(context, request.operation, outcome.runId, outcome.target, keys,
              written.error().message);
        return written.error();
    }
    note(context, journal.value()->setState(JournalRun::State::Done));
    note(context, edit.value()->setState(JournalRun::State::Undone));
    audit(context, request.operation, outcome.runId, outcome.target, keys, QString());
    return outcome;
}

} // namespace pmkv
