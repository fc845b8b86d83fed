#include "jobs/snapshotjob.h"

#include "jobs/filesync.h"
#include "jobs/journal.h"
#include "jobs/keycapture.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

namespace pmkv {

namespace {

bool isUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError() && text.toUtf8() == bytes;
}

QString manifestPathFor(const QString& path)
{
    return path + QStringLiteral(".manifest.json");
}

} // namespace

Result<QVector<QByteArray>> SnapshotJob::scan(KvStore& store, const QString& pattern)
{
    auto scanned = scanAllKeys(store, pattern);
    if (!scanned)
        return scanned.error();
    QVector<QByteArray> keys = std::move(scanned).value();
    std::sort(keys.begin(), keys.end());
    return keys;
}

Result<SnapshotJob::Outcome> SnapshotJob::take(KvStore& store, const QString& pattern,
                                               const QString& path, int batchKeys)
{
    auto keys = scan(store, pattern);
    if (!keys)
        return keys.error();
    Outcome outcome;
    outcome.path = path;
    outcome.manifestPath = manifestPathFor(path);
    QByteArray ndjson;
    const int step = qMax(1, batchKeys);
    for (int start = 0; start < keys.value().size(); start += step) {
        const QVector<QByteArray> chunk = keys.value().mid(start, step);
        auto values = KeyCapture::capture(store, chunk);
        if (!values)
            return values.error();
        for (int i = 0; i < chunk.size(); ++i) {
            const PreviousValue& v = values.value().at(i);
            if (!v.existed())
                continue; // deleted since the scan
            QJsonObject line{{QStringLiteral("key"), QString::fromUtf8(chunk.at(i))},
                             {QStringLiteral("type"), v.type},
                             {QStringLiteral("ttl"), v.pttl}};
            if (!v.isString()) {
                line.insert(QStringLiteral("value"), QJsonValue::Null);
                outcome.notStrings.append(QString::fromUtf8(chunk.at(i)));
            } else if (isUtf8(v.value)) {
                line.insert(QStringLiteral("value"), QString::fromUtf8(v.value));
            } else {
                line.insert(QStringLiteral("valueBase64"), QString::fromLatin1(v.value.toBase64()));
            }
            ndjson += QJsonDocument(line).toJson(QJsonDocument::Compact);
            ndjson += '\n';
            ++outcome.keys;
            outcome.bytes += v.value.size();
        }
    }
    auto written = filesync::writeAtomically(path, ndjson);
    if (!written)
        return written.error();
    outcome.sha256 = QCryptographicHash::hash(ndjson, QCryptographicHash::Sha256).toHex();
    const QJsonObject manifest{
        {QStringLiteral("format"), QStringLiteral("pmkv-snapshot")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("createdAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("source"), store.describe()},
        {QStringLiteral("pattern"), pattern},
        {QStringLiteral("keys"), outcome.keys},
        {QStringLiteral("valueBytes"), outcome.bytes},
        {QStringLiteral("sha256"), QString::fromLatin1(outcome.sha256)}};
    auto manifestWritten = filesync::writeAtomically(
        outcome.manifestPath, QJsonDocument(manifest).toJson(QJsonDocument::Indented));
    if (!manifestWritten)
        return manifestWritten.error();
    return outcome;
}

Result<QVector<SnapshotJob::Record>> SnapshotJob::read(const QString& path)
{
    QFile manifestFile(manifestPathFor(path));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("snapshot.manifest"),
                         QStringLiteral("no manifest %1 beside the snapshot: it cannot be "
                                        "checked, so it is not used")
                             .arg(manifestFile.fileName()));
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            QStringLiteral("snapshot.open"),
            QStringLiteral("cannot read the snapshot %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    const QByteArray sha = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    if (sha != manifest.value(QStringLiteral("sha256")).toString().toLatin1())
        return makeError(QStringLiteral("snapshot.corrupt"),
                         QStringLiteral("the snapshot %1 does not match the SHA-256 in its "
                                        "manifest: it is damaged or was edited")
                             .arg(path));
    QVector<Record> records;
    int lineNo = 0;
    for (const QByteArray& line : bytes.split('\n')) {
        ++lineNo;
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        Record r;
        r.key = o.value(QStringLiteral("key")).toString().toUtf8();
        r.type = o.value(QStringLiteral("type")).toString();
        r.ttl = o.value(QStringLiteral("ttl")).toInteger(-1);
        if (o.contains(QStringLiteral("valueBase64"))) {
            r.value = QByteArray::fromBase64(
                o.value(QStringLiteral("valueBase64")).toString().toLatin1());
            r.hasValue = true;
        } else if (o.value(QStringLiteral("value")).isString()) {
            r.value = o.value(QStringLiteral("value")).toString().toUtf8();
            r.hasValue = true;
        }
        if (r.key.isEmpty())
            return makeError(QStringLiteral("snapshot.line"),
                             QStringLiteral("%1:%2: a line without a key").arg(path).arg(lineNo));
        records.append(r);
    }
    return records;
}

Result<SnapshotJob::RestoreOutcome> SnapshotJob::restore(const QString& path, KvStore& store,
                                                         const RestoreParams& params)
{
    auto records = read(path);
    if (!records)
        return records.error();
    if (!params.allowOutsidePattern) {
        // The literal part of the pattern ("pm:" of "pm:*"): every key must start with it.
        const QByteArray pattern = params.pattern.toUtf8();
        qsizetype literal = 0;
        while (literal < pattern.size() && !QByteArrayView("*?[\\").contains(pattern[literal]))
            ++literal;
        const QByteArray prefix = pattern.left(literal);
        QStringList outside;
        qsizetype count = 0;
        for (const Record& r : records.value()) {
            if (r.key.startsWith(prefix) && (literal < pattern.size() || r.key == prefix))
                continue;
            if (++count <= 5)
                outside << QString::fromUtf8(r.key);
        }
        if (count > 0)
            return makeError(QStringLiteral("snapshot.outside"),
                             QStringLiteral("the snapshot %1 holds %2 keys outside %3 (%4%5): "
                                            "nothing was restored")
                                 .arg(path)
                                 .arg(count)
                                 .arg(params.pattern, outside.join(QStringLiteral(", ")),
                                      count > 5 ? QStringLiteral(", ...") : QString()));
    }
    QVector<KvCommand> writes;
    QVector<QByteArray> keys;
    QVector<QByteArray> hashes;
    QVector<qint64> ttls;
    QVector<bool> deletes;
    RestoreOutcome outcome;
    QSet<QByteArray> inSnapshot;
    for (const Record& r : records.value()) {
        inSnapshot.insert(r.key);
        if (!r.hasValue || r.type != QLatin1String("string")) {
            ++outcome.skipped;
            continue;
        }
        KvCommand set{QByteArrayLiteral("SET"), r.key, r.value};
        if (r.ttl > 0)
            set << QByteArrayLiteral("PX") << QByteArray::number(r.ttl);
        writes.append(set);
        keys.append(r.key);
        hashes.append(QCryptographicHash::hash(r.value, QCryptographicHash::Sha256).toHex());
        ttls.append(r.ttl);
        deletes.append(false);
    }
    if (params.prune) {
        auto present = scan(store, params.pattern);
        if (!present)
            return present.error();
        for (const QByteArray& key : present.value()) {
            if (inSnapshot.contains(key))
                continue;
            writes.append({QByteArrayLiteral("DEL"), key});
            keys.append(key);
            hashes.append(QByteArray());
            ttls.append(-1);
            deletes.append(true);
        }
    }
    auto created = Journal::create(params.paths, QStringLiteral("restore-snapshot"),
                                   {{QStringLiteral("snapshot"), path},
                                    {QStringLiteral("target"), store.describe()},
                                    {QStringLiteral("prune"), params.prune}});
    if (!created)
        return created.error();
    Journal& journal = *created.value();
    outcome.runId = journal.run().id;
    auto fail = [&](const Error& e) -> Result<RestoreOutcome> {
        (void)journal.setState(JournalRun::State::Failed, e.message);
        return Error{
            e.code,
            e.message +
                QStringLiteral(" (what was written can be rolled back: run %1)").arg(outcome.runId),
            NextStep::forRun(NextStep::Action::RollbackRun, outcome.runId)};
    };
    ProgressMeter meter(params.progress, QStringLiteral("restore"), writes.size(), 0);
    const int step = qMax(1, params.batchKeys);
    for (int start = 0; start < writes.size(); start += step) {
        const QVector<QByteArray> chunk = keys.mid(start, step);
        auto previous = KeyCapture::capture(store, chunk);
        if (!previous)
            return fail(previous.error());
        QVector<JournalEntry> entries;
        for (int i = 0; i < chunk.size(); ++i) {
            JournalEntry e;
            e.key = chunk.at(i);
            e.op = deletes.at(start + i) ? JournalEntry::Op::Delete : JournalEntry::Op::Set;
            e.newHash = hashes.at(start + i);
            e.newPttl = ttls.at(start + i);
            e.previous = previous.value().at(i);
            entries.append(e);
        }
        auto batch = journal.beginBatch(entries);
        if (!batch)
            return fail(batch.error());
        const QVector<KvCommand> commands = writes.mid(start, step);
        auto replies = waitFor(store, store.execute(commands));
        if (!replies)
            return fail(replies.error());
        for (int i = 0; i < replies.value().size(); ++i) {
            if (replies.value().at(i).isError())
                return fail(makeError(QStringLiteral("snapshot.refused"),
                                      QStringLiteral("the key space refused %1: %2")
                                          .arg(QString::fromUtf8(chunk.value(i)),
                                               QString::fromUtf8(replies.value().at(i).bytes))));
            ++(deletes.at(start + i) ? outcome.deleted : outcome.written);
        }
        auto done = journal.markDone(batch.value());
        if (!done)
            return fail(done.error());
        meter.add(chunk.size(), 0);
    }
    auto finished = journal.setState(JournalRun::State::Done);
    if (!finished)
        return finished.error();
    meter.finish();
    return outcome;
}

} // namespace pmkv
