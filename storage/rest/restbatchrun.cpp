#include "rest/restbatchrun.h"

#include "core/logging.h"
#include "kv/commandallowlist.h"
#include "rest/restcodec.h"
#include "rest/restexchange.h"
#include "rest/restreplyjson.h"
#include "rest/upstashreststore.h"

#include <QTimer>

#include <algorithm>
#include <limits>

namespace pmkv {

namespace {

bool isNoPerm(const QByteArray& errorText)
{
    return errorText.startsWith("NOPERM") || errorText.contains("NOPERM");
}

} // namespace

RestBatchRun::RestBatchRun(UpstashRestStore* store, QVector<KvCommand> batch,
                           QVector<RestRequest> requests, std::shared_ptr<Promise> promise)
    : QObject(store), m_store(store), m_batch(std::move(batch)), m_promise(std::move(promise))
{
    m_chunks.reserve(requests.size());
    for (RestRequest& request : requests) {
        Chunk chunk;
        chunk.request = std::move(request);
        m_chunks.append(std::move(chunk));
    }
}

RestBatchRun::~RestBatchRun()
{
    dropExchanges();
    if (!m_ended) { // the store goes away under a running batch
        m_promise->future().cancel();
        m_promise->finish();
    }
}

void RestBatchRun::start()
{
    const bool readsOnly = std::all_of(m_chunks.cbegin(), m_chunks.cend(),
                                       [](const Chunk& c) { return c.request.readOnly; });
    const bool atomic = m_chunks.size() == 1 && m_chunks.first().request.path == Path::MultiExec;
    m_window = readsOnly && !atomic ? std::max(1, m_store->m_options.maxParallelReads) : 1;
    sendMore();
}

void RestBatchRun::sendMore()
{
    while (!m_ended && m_inFlight < m_window && m_started < m_chunks.size()) {
        ++m_inFlight;
        send(m_started++);
    }
}

void RestBatchRun::send(int index)
{
    if (m_ended)
        return;
    if (m_promise->isCanceled()) {
        finish();
        return;
    }
    const UpstashRestOptions& options = m_store->m_options;
    Chunk& chunk = m_chunks[index];
    QString path = options.url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    switch (chunk.request.path) {
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
    QUrl url = options.url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    url.setPath(path);
    ++m_store->m_requests;
    qCDebug(lcRest) << "POST" << path << "commands" << chunk.request.from << "to"
                    << chunk.request.to << "bytes" << chunk.request.body.size() << "attempt"
                    << chunk.attempt + 1;
    chunk.exchange = new RestExchange(m_store->m_network, m_store->m_baseRequest, url,
                                      m_store->m_syncToken, chunk.request.body, this);
    connect(chunk.exchange, &RestExchange::finished, this, [this, index] { onFinished(index); });
}

void RestBatchRun::onFinished(int index)
{
    Chunk& chunk = m_chunks[index];
    const RestResponse response = chunk.exchange->takeResponse();
    chunk.exchange->deleteLater();
    chunk.exchange = nullptr;
    if (!response.syncToken.isEmpty())
        m_store->m_syncToken = response.syncToken;
    if (response.hashSlots)
        m_store->m_hashSlots = true;
    if (response.failure != RestResponse::Failure::None) {
        handleNetworkFailure(index, response);
        return;
    }
    if (!handleHttp(index, response.status, response.body, response.location))
        return;
    chunk.done = true;
    chunk.attempt = 0;
    chunk.request.body.clear();
    ++m_done;
    --m_inFlight;
    if (m_done == m_chunks.size())
        succeed();
    else
        sendMore();
}

bool RestBatchRun::handleHttp(int index, int status, const QByteArray& body,
                              const QByteArray& location)
{
    Chunk& chunk = m_chunks[index];
    const QString where = m_store->describe();
    if (status == 401) {
        fail(QStringLiteral("unauthorized"),
             QStringLiteral("%1 refused the token (HTTP 401 Unauthorized): check the token this "
                            "connection uses (its saved secret, or PMKV_TOKEN).")
                 .arg(where));
        return false;
    }
    if (status >= 500) {
        retryOrFail(index, true, QStringLiteral("HTTP %1 from %2").arg(status).arg(where));
        return false;
    }
    if (status == 404) {
        fail(QStringLiteral("rest-not-found"),
             QStringLiteral("%1 has no Upstash REST endpoint here (HTTP 404). Check the URL: "
                            "it should be the base address, e.g. https://eu1-xyz.upstash.io.")
                 .arg(where));
        return false;
    }
    if (status >= 300 && status < 400) {
        // Never followed: a POST of writes must not be posted again somewhere else.
        fail(QStringLiteral("rest-redirect"),
             QStringLiteral("%1 answered HTTP %2, a redirect to %3, which is not followed %4; "
                            "nothing of this request was applied. If that is the right "
                            "server, make it the connection's address.")
                 .arg(where)
                 .arg(status)
                 .arg(location.isEmpty() ? QStringLiteral("an unnamed place")
                                         : QUrl::fromEncoded(location)
                                               .adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery)
                                               .toString())
                 .arg(chunkPosition(index)));
        return false;
    }
    if (status == 413) { // checked before the body: a reverse proxy answers 413 in HTML
        fail(QStringLiteral("request-too-large"),
             QStringLiteral("%1 refused a request of %2 bytes as too large (HTTP 413) %3. Lower "
                            "the request size limit of the connection.")
                 .arg(where)
                 .arg(chunk.request.body.size())
                 .arg(chunkPosition(index)));
        return false;
    }
    const KvCommand* commands = m_batch.constData() + chunk.request.from;
    const int expected = chunk.request.to - chunk.request.from;
    auto parsed = RestReplyJson::parse(body, commands, expected);
    if (!parsed) {
        fail(QStringLiteral("rest-protocol"),
             QStringLiteral("%1 answered HTTP %2 with a body that is not JSON (%3 bytes: %4) %5. "
                            "Is this an Upstash REST endpoint?")
                 .arg(where)
                 .arg(status)
                 .arg(body.size())
                 .arg(parsed.error().message, chunkPosition(index)));
        return false;
    }
    RestReplyBody& doc = parsed.value();
    const QByteArray& errorText = doc.error;
    if (isNoPerm(errorText) || status == 403) {
        fail(QStringLiteral("noperm"),
             QStringLiteral("%1 does not let this token run %2 (%3). Is it a read-only token? "
                            "%4 commands of the batch were applied before it.")
                 .arg(where, RestCodec::commandLabel(m_batch.at(chunk.request.from)),
                      QString::fromUtf8(errorText.isEmpty() ? QByteArray("HTTP 403") : errorText))
                 .arg(chunk.request.from));
        return false;
    }
    if (status != 200) {
        if (chunk.request.path == Path::Single && status == 400 && !errorText.isEmpty()) {
            chunk.replies.append(KvReply::error(errorText));
            return true;
        }
        const QString code = chunk.request.path == Path::MultiExec
                                 ? QStringLiteral("redis-execabort")
                                 : QStringLiteral("rest-refused");
        fail(code, QStringLiteral("%1 refused the request (HTTP %2: %3) %4%5")
                       .arg(where)
                       .arg(status)
                       .arg(errorText.isEmpty() ? QStringLiteral("no reason given")
                                                : QString::fromUtf8(errorText))
                       .arg(chunkPosition(index), chunk.request.path == Path::MultiExec
                                                      ? QStringLiteral("; nothing of the group was "
                                                                       "applied.")
                                                      : QStringLiteral(".")));
        return false;
    }

    if (chunk.request.path == Path::Single) {
        KvReply reply = doc.takeSingle();
        if (reply.isError() && isNoPerm(reply.bytes)) {
            fail(QStringLiteral("noperm"),
                 QStringLiteral("%1 does not let this token run %2 (%3). Is it a read-only "
                                "token?")
                     .arg(where, RestCodec::commandLabel(m_batch.at(chunk.request.from)),
                          QString::fromUtf8(reply.bytes)));
            return false;
        }
        chunk.replies.append(std::move(reply));
        return true;
    }
    const bool isArray = doc.shape == RestReplyBody::Shape::Array;
    if (!isArray || doc.entries.size() != expected) {
        fail(QStringLiteral("rest-protocol"),
             QStringLiteral("%1 answered %2 commands with %3 replies %4; the batch stopped.")
                 .arg(where)
                 .arg(expected)
                 .arg(isArray ? doc.entries.size() : 0)
                 .arg(chunkPosition(index)));
        return false;
    }
    chunk.replies.reserve(expected);
    for (int i = 0; i < expected; ++i) {
        const KvCommand& command = m_batch.at(chunk.request.from + i);
        KvReply& reply = doc.entries[i];
        if (reply.isError() && isNoPerm(reply.bytes)) {
            fail(QStringLiteral("noperm"),
                 QStringLiteral("%1 does not let this token run %2 (%3). Is it a read-only "
                                "token? %4 commands of the batch were applied before it.")
                     .arg(where, RestCodec::commandLabel(command), QString::fromUtf8(reply.bytes))
                     .arg(chunk.request.path == Path::MultiExec ? 0 : chunk.request.from + i));
            return false;
        }
        chunk.replies.append(std::move(reply));
    }
    return true;
}

void RestBatchRun::handleNetworkFailure(int index, const RestResponse& response)
{
    using Failure = RestResponse::Failure;
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
    case Failure::ProxyAuth:
        fail(QStringLiteral("proxy-auth"),
             QStringLiteral("%1: the HTTP proxy asks for credentials (%2); nothing was sent to "
                            "the server. Use a proxy that lets this machine through, give the "
                            "credentials in the system proxy setting, or choose no proxy for "
                            "this connection.")
                 .arg(where, response.errorString));
        return;
    case Failure::Protocol:
        // The server read the request (or part of it) and answered something we cannot
        // read: sending it again would get the same answer. With a write in it whose body
        // went out whole, its fate is unknown.
        if (response.requestSent && !m_chunks.at(index).request.readOnly) {
            retryOrFail(
                index, true,
                QStringLiteral("the answer could not be read (%1)").arg(response.errorString));
            return;
        }
        fail(QStringLiteral("rest-protocol"),
             QStringLiteral("%1: the answer could not be read: %2 %3. Is this an Upstash REST "
                            "endpoint?")
                 .arg(where, response.errorString, chunkPosition(index)));
        return;
    case Failure::NotSent:
        retryOrFail(index, false, response.errorString);
        return;
    case Failure::Lost:
    case Failure::Timeout:
    case Failure::None:
        // A Content-Length body is acted on only once it arrived whole: until the last
        // byte was handed to the network, the server cannot have run the commands.
        retryOrFail(index, response.requestSent,
                    response.requestSent
                        ? QStringLiteral("the request was sent but no answer came back (%1)")
                              .arg(response.errorString)
                        : response.errorString);
        return;
    }
}

void RestBatchRun::retryOrFail(int index, bool mayHaveReachedServer, const QString& what)
{
    const UpstashRestOptions& options = m_store->m_options;
    Chunk& chunk = m_chunks[index];
    const QString where = m_store->describe();
    const bool safe = !mayHaveReachedServer || chunk.request.readOnly;
    if (!safe) {
        const int applied = chunk.request.path == Path::MultiExec ? 0 : chunk.request.from;
        fail(QStringLiteral("outcome-unknown"),
             QStringLiteral("%1: %2 %3. Those commands may or may not have been applied; they "
                            "were not sent again because they contain writes. %4 earlier "
                            "commands of the batch were applied.%5")
                 .arg(where, what, chunkPosition(index))
                 .arg(applied)
                 .arg(chunk.request.path == Path::MultiExec
                          ? QStringLiteral(" The MULTI/EXEC group was applied whole or not at all.")
                          : QString()));
        return;
    }
    if (chunk.attempt >= options.retries) {
        const QString before =
            m_window > 1 ? QStringLiteral("The batch holds reads only: nothing was changed.")
                         : QStringLiteral("%1 commands of the batch were applied before it; "
                                          "nothing of this request was.")
                               .arg(chunk.request.from);
        fail(QStringLiteral("unreachable"),
             QStringLiteral("%1: %2 (gave up after %3 attempts) %4. %5")
                 .arg(where, what)
                 .arg(chunk.attempt + 1)
                 .arg(chunkPosition(index), before));
        return;
    }
    const qint64 pause = std::min<qint64>(qint64(options.backoffMs) << std::min(chunk.attempt, 20),
                                          options.maxBackoffMs);
    ++chunk.attempt;
    qCInfo(lcRest) << where << "request failed:" << what << "- retry" << chunk.attempt << "in"
                   << pause << "ms";
    QTimer::singleShot(pause, this, [this, index] { send(index); });
}

QString RestBatchRun::chunkPosition(int index) const
{
    const Chunk& chunk = m_chunks.at(index);
    if (m_chunks.size() == 1 && chunk.request.to - chunk.request.from == 1)
        return QStringLiteral("(%1)").arg(RestCodec::commandLabel(m_batch.at(chunk.request.from)));
    return QStringLiteral("(request %1 of %2, commands %3-%4 of %5)")
        .arg(index + 1)
        .arg(m_chunks.size())
        .arg(chunk.request.from + 1)
        .arg(chunk.request.to)
        .arg(m_batch.size());
}

void RestBatchRun::fail(QString code, QString message)
{
    if (m_ended)
        return;
    qCWarning(lcRest).noquote() << message;
    m_promise->addResult(Result<Replies>(makeError(std::move(code), std::move(message))));
    finish();
}

void RestBatchRun::succeed()
{
    Replies replies;
    replies.reserve(m_batch.size());
    for (Chunk& chunk : m_chunks) {
        for (KvReply& reply : chunk.replies)
            replies.append(std::move(reply));
        chunk.replies.clear();
    }
    m_promise->addResult(Result<Replies>(std::move(replies)));
    finish();
}

void RestBatchRun::finish()
{
    if (m_ended)
        return;
    m_ended = true;
    // Reads still in flight when another request of the batch failed, or when it was
    // cancelled: nobody wants their answers.
    dropExchanges();
    m_promise->finish();
    deleteLater();
}

void RestBatchRun::dropExchanges()
{
    for (Chunk& chunk : m_chunks) {
        delete chunk.exchange;
        chunk.exchange = nullptr;
    }
}

} // namespace pmkv
