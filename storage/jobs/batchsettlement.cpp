#include "jobs/batchsettlement.h"

#include "jobs/journal.h"
#include "kv/kvwait.h"

#include <QSet>

#include <algorithm>

namespace pmkv {

namespace {

bool createsOnly(const KvCommand& command)
{
    return command.value(0) == "MSETNX" ||
           (command.size() == 4 && command.at(0) == "SET" && command.at(3) == "NX");
}

// The keys of a write command: SET's one, every other argument of MSETNX.
QVector<QByteArray> keysOf(const KvCommand& command)
{
    QVector<QByteArray> keys;
    if (command.value(0) == "MSETNX") {
        for (qsizetype i = 1; i < command.size(); i += 2)
            keys.append(command.at(i));
    } else {
        keys.append(command.value(1));
    }
    return keys;
}

// Which of `keys` exists now: the key to name when a create was refused.
QString firstExisting(KvStore& store, const QVector<QByteArray>& keys)
{
    QVector<KvCommand> exists;
    for (const QByteArray& key : keys)
        exists.append({QByteArrayLiteral("EXISTS"), key});
    auto replies = waitFor(store, store.execute(exists));
    for (int i = 0; replies && i < replies.value().size(); ++i) {
        if (replies.value().at(i).integer == 1)
            return QString::fromUtf8(keys.at(i));
    }
    return QString::fromUtf8(keys.value(0));
}

// A write the key space refused (an error reply) stops the run with its batch pending.
Result<void> checkReplies(const KvStore::Replies& replies, const QVector<KvCommand>& commands)
{
    if (replies.size() != commands.size())
        return makeError(
            QStringLiteral("migrate.reply"),
            QStringLiteral("%1 replies for %2 writes").arg(replies.size()).arg(commands.size()));
    for (int i = 0; i < replies.size(); ++i) {
        if (replies.at(i).isError()) {
            return makeError(QStringLiteral("migrate.refused"),
                             QStringLiteral("the key space refused %1 %2: %3")
                                 .arg(QString::fromUtf8(commands.at(i).value(0)),
                                      QString::fromUtf8(commands.at(i).value(1)),
                                      QString::fromUtf8(replies.at(i).bytes)));
        }
    }
    return {};
}

// The keys of the creates that found a key taken (MSETNX 0, SET NX nil): those wrote nothing.
QSet<QByteArray> refusedCreates(const KvStore::Replies& replies, const QVector<KvCommand>& commands)
{
    QSet<QByteArray> refused;
    for (int i = 0; i < commands.size(); ++i) {
        const KvCommand& command = commands.at(i);
        const bool taken = command.value(0) == "MSETNX"
                               ? replies.at(i).integer != 1
                               : createsOnly(command) && replies.at(i).isNil();
        if (taken) {
            for (const QByteArray& key : keysOf(command))
                refused.insert(key);
        }
    }
    return refused;
}

} // namespace

Result<void> BatchSettlement::settle(Journal& journal, KvStore& store, qint64 batchId,
                                     const QVector<JournalEntry>& entries,
                                     const QVector<KvCommand>& commands,
                                     const Result<KvStore::Replies>& replies,
                                     QVector<qint64>& doneIds, qint64& written)
{
    if (!replies)
        return replies.error();
    auto ok = checkReplies(replies.value(), commands);
    if (!ok)
        return ok;
    const QSet<QByteArray> refused = refusedCreates(replies.value(), commands);
    if (refused.isEmpty()) {
        doneIds.append(batchId);
        written += entries.size();
        return {};
    }
    QVector<JournalEntry> done;
    for (const JournalEntry& entry : entries) {
        if (!refused.contains(entry.key))
            done.append(entry);
    }
    auto recorded = journal.markDoneWith(batchId, done);
    if (!recorded)
        return recorded;
    written += done.size();
    QVector<QByteArray> keys(refused.cbegin(), refused.cend());
    std::sort(keys.begin(), keys.end());
    return makeError(QStringLiteral("plan.stale"),
                     QStringLiteral("key %1 was created in %2 since the plan was made (it was "
                                    "absent); it was left as it is")
                         .arg(firstExisting(store, keys), store.describe()));
}

} // namespace pmkv
