#pragma once

#include "core/result.h"
#include "jobs/journalrecords.h"
#include "kv/kvstore.h"

#include <QVector>

namespace pmkv {

class Journal;

// What a migration batch did, once its replies are in. A write the key space refused (an
// error reply) stops the run with the batch pending. A create that found its key taken
// (MSETNX 0, SET ... NX nil) wrote nothing: the key was created by someone else since the
// plan, so the batch is recorded done with only the keys it did write (rollback leaves that
// key to its owner) and the run stops (plan.stale) naming it. Otherwise the batch is done:
// `doneIds` gets it, to be marked with the next journal write.
class BatchSettlement final
{
public:
    // `written` gets the number of the batch's keys that were written.
    static Result<void> settle(Journal& journal, KvStore& store, qint64 batchId,
                               const QVector<JournalEntry>& entries,
                               const QVector<KvCommand>& commands,
                               const Result<KvStore::Replies>& replies, QVector<qint64>& doneIds,
                               qint64& written);
};

} // namespace pmkv
