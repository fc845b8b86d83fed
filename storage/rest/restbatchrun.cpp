#include "rest/restbatchrun.h"

#include "kv/commandallowlist.h"
#include "core/logging.h"
#include "rest/restcodec.h"
#include "rest/upstashreststore.h"

#include "rest/httpclientconnection.h"

#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>

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

bool isNoPerm(const QByteArray& errorText)
{
    return errorText.startsWith("NOPERM") || errorText.contains("NOPERM");
}

} // namespace

RestBatchRun::RestBatchRun(UpstashRestStore* store, QVector<KvCommand> batch, bool atomic,
                           std::shared_ptr<Promise> promise)
    : QObject(store), m_store(store), m_batch(std::move(batch)), m_atomic(atomic),
      m_promise(std::move(promise))
{
}

void RestBatchRun::start()
{
    if (m_batch.isEmpty()) {
        succeed();
        return;
    }
    const Result<void> planned = plan();
    if (!planned) {
        fail(planned.error().code, planned.error().message);
        return;
    }
    m_replies.reserve(m_batch.size());
    sendCurrent();
}

Result<void> RestBatchRun::plan()
{
    const UpstashRestOptions& options = m_store->m_options;
    QVector<QByteArray> encoded;
    encoded.reserve(m_batch.size());
    for (int i = 0; i < m_batch.size(); ++i) {
        m_batch[i] = capScanCount(std::move(m_batch[i]), options.maxScanCount);
        auto one = RestCodec::encodeCommand(m_batch.at(i), i);
        if (!one)
            return one.error();
        encoded.append(std::move(one).value());
    }
    if (m_atomic) {
        m_chunks.append({Path::MultiExec, 0, int(m_batch.size()),
                         RestCodec::joinArray(encoded, 0, int(encoded.size())),
                         CommandAllowList::allReadOnly(m_batch)});
        return {};
    }
    if (m_batch.size() == 1) {
        m_chunks.append(
            {Path::Single, 0, 1, encoded.first(), CommandAllowList::isReadOnly(m_batch.first())});
        return {};
    }
    const int maxCount = std::max(1, options.maxCommandsPerRequest);
    const qint64 maxBytes = std::max<qint64>(16, options.maxBytesPerRequest);
    int from = 0;
    while (from < encoded.size()) {
        int to = from;
        qint64 bytes = 2; // [ ]
        bool readOnly = true;
        while (to < encoded.size() && to - from < maxCount) {
            const qint64 next = encoded.at(to).size() + (to > from ? 1 : 0);
            if (to > from && bytes + next > maxBytes)
                break;
            bytes += next;
            readOnly = readOnly && CommandAllowList::isReadOnly(m_batch.at(to));
            ++to;
        }
        m_chunks.append(
            {Path::Pipeline, from, to, RestCodec::joinArray(encoded, from, to), readOnly});
        from = to;
    }
    return {};
}

void RestBatchRun::sendCurrent()
{
    if (m_promise->isCanceled()) {
        finish();
        return;
    }
    const UpstashRestOptions& options = m_store->m_options;
    const Chunk& chunk = m_chunks.at(m_current);
    QString path = options.url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    switch (chunk.path) {
    case Path::Single:
        path += QLatin1Char('/');
        break;
    case Path::Pipeline:
        path += QStringLiteral("/pipeline");
        break;
    case Path::MultiExec:
        path += QStringLiteral("/multi-exec");
        break;
    }
    HttpClientConnection::Headers headers;
    headers.reserve(4);
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    if (!options.token.isEmpty())
        headers.append(
            {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + options.token});
    headers.append({QByteArrayLiteral("Upstash-Encoding"), QByteArrayLiteral("base64")});
    if (!m_store->m_syncToken.isEmpty())
        headers.append({QByteArrayLiteral("upstash-sync-token"), m_store->m_syncToken});

    if (!m_connection) {
        m_connection = m_store->takeConnection();
        connect(m_connection, &HttpClientConnection::finished, this, &RestBatchRun::onFinished);
    }
    ++m_store->m_requests;
    qCDebug(lcRest) << "POST" << path << "commands" << chunk.from << "to" << chunk.to << "bytes"
                    << chunk.body.size() << "attempt" << m_attempt + 1;
    QUrl target;
    target.setPath(path);
    m_connection->post(target.toEncoded(), headers, chunk.body);
}

void RestBatchRun::onFinished()
{
    const HttpClientResponse response = m_connection->takeResponse();
    if (!response.syncToken.isEmpty())
        m_store->m_syncToken = response.syncToken;
    if (response.failure == HttpClientResponse::Failure::None) {
        handleHttp(response.status, response.body);
        return;
    }
    handleNetworkFailure(response);
}

void RestBatchRun::handleHttp(int status, const QByteArray& body)
{
    const Chunk& chunk = m_chunks.at(m_current);
    const QString where = m_store->describe();
    if (status == 401) {
        fail(QStringLiteral("unauthorized"),
             QStringLiteral("%1 refused the token (HTTP 401 Unauthorized). Check the token of "
                            "this connection (pmkv conn add --replace-secret, or PMKV_TOKEN).")
                 .arg(where));
        return;
    }
    if (status >= 500) {
        retryOrFail(true, QStringLiteral("HTTP %1 from %2").arg(status).arg(where));
        return;
    }
    if (status == 404) {
        fail(QStringLiteral("rest-not-found"),
             QStringLiteral("%1 has no Upstash REST endpoint here (HTTP 404). Check the URL: "
                            "it should be the base address, e.g. https://eu1-xyz.upstash.io.")
                 .arg(where));
        return;
    }
    const nlohmann::json doc =
        nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (doc.is_discarded()) {
        fail(QStringLiteral("rest-protocol"),
             QStringLiteral("%1 answered HTTP %2 with a body that is not JSON (%3 bytes) %4. Is "
                            "this an Upstash REST endpoint?")
                 .arg(where)
                 .arg(status)
                 .arg(body.size())
                 .arg(chunkPosition()));
        return;
    }
    QByteArray errorText;
    if (doc.is_object()) {
        const auto e = doc.find("error");
        if (e != doc.end() && e->is_string())
            errorText = QByteArray::fromStdString(e->get<std::string>());
    }
    if (isNoPerm(errorText) || status == 403) {
        fail(QStringLiteral("noperm"),
             QStringLiteral("%1 does not let this token run %2 (%3). Is it a read-only token? "
                            "%4 commands of the batch were applied before it.")
                 .arg(where, RestCodec::commandLabel(m_batch.at(chunk.from)),
                      QString::fromUtf8(errorText.isEmpty() ? QByteArray("HTTP 403") : errorText))
                 .arg(chunk.from));
        return;
    }
    if (status == 413) {
        fail(QStringLiteral("request-too-large"),
             QStringLiteral("%1 refused a request of %2 bytes as too large (HTTP 413) %3. Lower "
                            "the request size limit of the connection.")
                 .arg(where)
                 .arg(chunk.body.size())
                 .arg(chunkPosition()));
        return;
    }
    if (status != 200) {
        if (chunk.path == Path::Single && status == 400 && !errorText.isEmpty()) {
            m_replies.append(KvReply::error(errorText));
            succeed();
            return;
        }
        const QString code = chunk.path == Path::MultiExec ? QStringLiteral("redis-execabort")
                                                           : QStringLiteral("rest-refused");
        fail(code,
             QStringLiteral("%1 refused the request (HTTP %2: %3) %4%5")
                 .arg(where)
                 .arg(status)
                 .arg(errorText.isEmpty() ? QStringLiteral("no reason given")
                                          : QString::fromUtf8(errorText))
                 .arg(chunkPosition(), chunk.path == Path::MultiExec
                                           ? QStringLiteral("; nothing of the group was applied.")
                                           : QStringLiteral(".")));
        return;
    }

    if (chunk.path == Path::Single) {
        const KvReply reply = RestCodec::decodeEntry(doc, m_batch.at(chunk.from));
        if (reply.isError() && isNoPerm(reply.bytes)) {
            errorText = reply.bytes;
            fail(QStringLiteral("noperm"),
                 QStringLiteral("%1 does not let this token run %2 (%3). Is it a read-only "
                                "token?")
                     .arg(where, RestCodec::commandLabel(m_batch.at(chunk.from)),
                          QString::fromUtf8(errorText)));
            return;
        }
        m_replies.append(reply);
    } else {
        const int expected = chunk.to - chunk.from;
        if (!doc.is_array() || int(doc.size()) != expected) {
            fail(QStringLiteral("rest-protocol"),
                 QStringLiteral("%1 answered %2 commands with %3 replies %4; the batch stopped.")
                     .arg(where)
                     .arg(expected)
                     .arg(doc.is_array() ? int(doc.size()) : 0)
                     .arg(chunkPosition()));
            return;
        }
        for (int i = 0; i < expected; ++i) {
            const KvCommand& command = m_batch.at(chunk.from + i);
            KvReply reply = RestCodec::decodeEntry(doc.at(size_t(i)), command);
            if (reply.isError() && isNoPerm(reply.bytes)) {
                fail(QStringLiteral("noperm"),
                     QStringLiteral("%1 does not let this token run %2 (%3). Is it a read-only "
                                    "token? %4 commands of the batch were applied before it.")
                         .arg(where, RestCodec::commandLabel(command),
                              QString::fromUtf8(reply.bytes))
                         .arg(chunk.path == Path::MultiExec ? 0 : chunk.from + i));
                return;
            }
            m_replies.append(std::move(reply));
        }
    }
    ++m_current;
    m_attempt = 0;
    if (m_current >= m_chunks.size())
        succeed();
    else
        sendCurrent();
}

void RestBatchRun::handleNetworkFailure(const HttpClientResponse& response)
{
    using Failure = HttpClientResponse::Failure;
    const QString where = m_store->describe();
    switch (response.failure) {
    case Failure::Tls:
        fail(QStringLiteral("tls"),
             QStringLiteral("%1: the TLS certificate was refused (%2). The connection was not "
                            "used. Fix the server's certificate or trust its CA explicitly.")
                 .arg(where, response.sslErrors.isEmpty()
                                 ? response.errorString
                                 : response.sslErrors.join(QStringLiteral("; "))));
        return;
    case Failure::Protocol:
        // The server read the request (or part of it) and answered something we cannot
        // read: sending it again would get the same answer. With a write in it whose body
        // went out whole, its fate is unknown.
        if (response.requestSent && !m_chunks.at(m_current).readOnly) {
            retryOrFail(
                true,
                QStringLiteral("the answer could not be read (%1)").arg(response.errorString));
            return;
        }
        fail(QStringLiteral("rest-protocol"),
             QStringLiteral("%1: the answer could not be read: %2 %3. Is this an Upstash REST "
                            "endpoint?")
                 .arg(where, response.errorString, chunkPosition()));
        return;
    case Failure::NotSent:
        retryOrFail(false, response.errorString);
        return;
    case Failure::Lost:
    case Failure::Timeout:
    case Failure::None:
        // A Content-Length body is acted on only once it arrived whole: until the last
        // byte was handed to the network, the server cannot have run the commands.
        retryOrFail(response.requestSent,
                    response.requestSent
                        ? QStringLiteral("the request was sent but no answer came back (%1)")
                              .arg(response.errorString)
                        : response.errorString);
        return;
    }
}

void RestBatchRun::retryOrFail(bool mayHaveReachedServer, const QString& what)
{
    const UpstashRestOptions& options = m_store->m_options;
    const Chunk& chunk = m_chunks.at(m_current);
    const QString where = m_store->describe();
    const bool safe = !mayHaveReachedServer || chunk.readOnly;
    if (!safe) {
        const int applied = chunk.path == Path::MultiExec ? 0 : chunk.from;
        fail(QStringLiteral("outcome-unknown"),
             QStringLiteral("%1: %2 %3. Those commands may or may not have been applied; they "
                            "were not sent again because they contain writes. %4 earlier "
                            "commands of the batch were applied.%5")
                 .arg(where, what, chunkPosition())
                 .arg(applied)
                 .arg(chunk.path == Path::MultiExec
                          ? QStringLiteral(" The MULTI/EXEC group was applied whole or not at all.")
                          : QString()));
        return;
    }
    if (m_attempt >= options.retries) {
        fail(QStringLiteral("unreachable"),
             QStringLiteral("%1: %2 (gave up after %3 attempts) %4. %5 commands of the batch "
                            "were applied before it; nothing of this request was.")
                 .arg(where, what)
                 .arg(m_attempt + 1)
                 .arg(chunkPosition())
                 .arg(chunk.from));
        return;
    }
    const qint64 pause = std::min<qint64>(qint64(options.backoffMs) << std::min(m_attempt, 20),
                                          options.maxBackoffMs);
    ++m_attempt;
    qCInfo(lcRest) << where << "request failed:" << what << "- retry" << m_attempt << "in" << pause
                   << "ms";
    QTimer::singleShot(pause, this, [this] { sendCurrent(); });
}

QString RestBatchRun::chunkPosition() const
{
    const Chunk& chunk = m_chunks.at(m_current);
    if (m_chunks.size() == 1 && chunk.to - chunk.from == 1)
        return QStringLiteral("(%1)").arg(RestCodec::commandLabel(m_batch.at(chunk.from)));
    return QStringLiteral("(request %1 of %2, commands %3-%4 of %5)")
        .arg(m_current + 1)
        .arg(m_chunks.size())
        .arg(chunk.from + 1)
        .arg(chunk.to)
        .arg(m_batch.size());
}

void RestBatchRun::fail(QString code, QString message)
{
    qCWarning(lcRest).noquote() << message;
    m_promise->addResult(Result<Replies>(makeError(std::move(code), std::move(message))));
    finish();
}

void RestBatchRun::succeed()
{
    m_promise->addResult(Result<Replies>(std::move(m_replies)));
    finish();
}

void RestBatchRun::finish()
{
    if (m_done)
        return;
    m_done = true;
    if (m_connection) {
        m_connection->disconnect(this);
        m_store->giveBack(m_connection);
        m_connection = nullptr;
    }
    m_promise->finish();
    deleteLater();
}

} // namespace pmkv
