#include "rest/restrequestplan.h"

#include "kv/commandallowlist.h"
#include "rest/restcodec.h"
#include "rest/upstashrestoptions.h"

#include <algorithm>
#include <limits>

namespace pmkv {

namespace {

// SCAN ... COUNT n above the cap becomes COUNT cap: Upstash answers at most about 1,000 keys
// per call and a larger COUNT only makes one reply huge.
KvCommand capScanCount(KvCommand command, int cap)
{
    if (cap <= 0 || RestCodec::commandName(command) != "SCAN")
        return command;
    for (int i = 2; i + 1 < command.size(); ++i) {
        if (command.at(i).toUpper() == "COUNT") {
            bool ok = false;
            const qint64 count = command.at(i + 1).toLongLong(&ok);
            if (ok && count > cap)
                command[i + 1] = QByteArray::number(cap);
        }
    }
    return command;
}

} // namespace

Result<QVector<RestRequest>> RestRequestPlan::split(QVector<KvCommand>& batch, bool atomic,
                                                    const UpstashRestOptions& options)
{
    using Path = RestRequest::Path;
    QVector<RestRequest> requests;
    auto add = [&requests](Path path, int from, int to, QByteArray body, bool readOnly) {
        requests.append(RestRequest{path, from, to, std::move(body), readOnly});
    };
    for (KvCommand& command : batch)
        command = capScanCount(std::move(command), options.maxScanCount);
    if (batch.size() == 1 && !atomic) {
        auto body = RestCodec::encodeCommand(batch.first(), 0);
        if (!body)
            return body.error();
        add(Path::Single, 0, 1, std::move(body).value(),
            CommandAllowList::isReadOnly(batch.first()));
        return requests;
    }
    // The commands are encoded straight into the request bodies, `[c1,c2,...]`. A command
    // that takes a pipeline body past maxBytes (and is not alone in it) moves to the next one.
    const int maxCount = atomic ? int(batch.size()) : std::max(1, options.maxCommandsPerRequest);
    const qint64 maxBytes = atomic ? std::numeric_limits<qint64>::max()
                                   : std::max<qint64>(16, options.maxBytesPerRequest);
    const Path path = atomic ? Path::MultiExec : Path::Pipeline;
    QByteArray body("[");
    int from = 0;
    bool readOnly = true;
    for (int i = 0; i < batch.size(); ++i) {
        // A command whose arguments alone take the body past maxBytes starts the next one
        // before it is encoded (not moved there afterwards, a copy of megabytes).
        if (i - from == maxCount ||
            (i > from && body.size() + RestCodec::encodedSizeAtLeast(batch.at(i)) + 2 > maxBytes)) {
            body.append(']');
            add(path, from, i, std::exchange(body, QByteArray("[")), readOnly);
            from = i;
            readOnly = true;
        }
        const qsizetype before = body.size();
        if (i > from)
            body.append(',');
        const Result<void> appended = RestCodec::appendCommand(body, batch.at(i), i);
        if (!appended)
            return appended.error();
        if (i > from && body.size() + 1 > maxBytes) {
            QByteArray next = "[" + body.mid(before + 1);
            body.truncate(before);
            body.append(']');
            add(path, from, i, std::exchange(body, std::move(next)), readOnly);
            from = i;
            readOnly = true;
        }
        readOnly = readOnly && CommandAllowList::isReadOnly(batch.at(i));
    }
    body.append(']');
    add(path, from, int(batch.size()), std::move(body), readOnly);
    return requests;
}

} // namespace pmkv
