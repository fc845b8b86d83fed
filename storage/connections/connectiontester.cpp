#include "connections/connectiontester.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QUuid>

#include <algorithm>
#include <memory>

namespace pmkv {

namespace {

struct TestState
{
    KvStore* store = nullptr;
    QPromise<Result<ConnectionTester::Report>> promise;
    ConnectionTester::Report report;
    QElapsedTimer clock;
    int pings = 0;
};

using StatePtr = std::shared_ptr<TestState>;

void done(const StatePtr& s, Result<ConnectionTester::Report> result)
{
    s->promise.addResult(std::move(result));
    s->promise.finish();
}

QString redisVersion(const KvReply& info)
{
    if (info.isError() || info.bytes.isEmpty())
        return {};
    for (const QByteArray& line : info.bytes.split('\n')) {
        if (line.startsWith("redis_version:"))
            return QString::fromUtf8(line.mid(14).trimmed());
    }
    return {};
}

bool isPermissionError(const QByteArray& text)
{
    return text.contains("NOPERM") || text.contains("READONLY") ||
           text.toLower().contains("permission");
}

void probeWrite(const StatePtr& s)
{
    if (!s->report.canWrite) {
        s->report.writeNote = QStringLiteral("read-only profile or read-only token: writes are "
                                             "refused before they are sent");
        done(s, s->report);
        return;
    }
    const QByteArray key =
        "pmkv:connection-test:" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    s->store->execute({{"DEL", key}}).then([s](const Result<KvStore::Replies>& r) {
        if (!r) {
            if (r.error().code == QLatin1String("noperm") ||
                r.error().code == QLatin1String("read-only")) {
                s->report.canWrite = false;
                s->report.writeNote = QStringLiteral("the server refused a write to these "
                                                     "credentials (read-only token or ACL)");
                done(s, s->report);
            } else {
                done(s, r.error());
            }
            return;
        }
        const KvReply& reply = r.value().value(0);
        if (reply.isError()) {
            s->report.canWrite = false;
            s->report.writeNote = isPermissionError(reply.bytes)
                                      ? QStringLiteral("the server refused a write to these "
                                                       "credentials (read-only token or ACL)")
                                      : QStringLiteral("a write probe failed: %1")
                                            .arg(QString::fromUtf8(reply.bytes));
        } else {
            s->report.canWrite = true;
            s->report.writeNote =
                QStringLiteral("a harmless write (DEL of a key that does not exist) was accepted");
        }
        done(s, s->report);
    });
}

void serverVersion(const StatePtr& s)
{
    // Optional: a read-only token or ACL user may not run INFO; that is not a failure.
    s->store->execute({{"INFO", "server"}}).then([s](const Result<KvStore::Replies>& r) {
        const QString version = r ? redisVersion(r.value().value(0)) : QString();
        if (!version.isEmpty()) {
            s->report.serverKind =
                s->report.serverKind == QLatin1String("redis")
                    ? QStringLiteral("redis %1").arg(version)
                    : QStringLiteral("%1 (redis %2)").arg(s->report.serverKind, version);
        }
        probeWrite(s);
    });
}

void describe(const StatePtr& s)
{
    s->store->execute({{"DBSIZE"}}).then([s](const Result<KvStore::Replies>& r) {
        if (!r) {
            done(s, r.error());
            return;
        }
        const KvReply dbsize = r.value().value(0);
        if (dbsize.type == KvReply::Type::Integer)
            s->report.keyCount = dbsize.integer;
        serverVersion(s);
    });
}

void ping(const StatePtr& s)
{
    s->clock.restart();
    s->store->execute({{"PING"}}).then([s](const Result<KvStore::Replies>& r) {
        const double ms = double(s->clock.nsecsElapsed()) / 1e6;
        if (!r) {
            done(s, r.error());
            return;
        }
        if (r.value().value(0).isError()) {
            done(s, makeError(QStringLiteral("ping-refused"),
                              QStringLiteral("%1 refused PING: %2")
                                  .arg(s->store->describe(),
                                       QString::fromUtf8(r.value().value(0).bytes))));
            return;
        }
        if (s->pings == 0)
            s->report.connectMs = ms;
        else
            s->report.latencyMs = s->pings == 1 ? ms : std::min(s->report.latencyMs, ms);
        if (++s->pings < 4) {
            ping(s);
            return;
        }
        describe(s);
    });
}

} // namespace

QFuture<Result<ConnectionTester::Report>> ConnectionTester::run(KvStore* store)
{
    auto s = std::make_shared<TestState>();
    s->store = store;
    s->promise.start();
    QFuture<Result<Report>> future = s->promise.future();
    const KvStore::Capabilities caps = store->capabilities();
    s->report.serverKind = caps.serverKind;
    s->report.canWrite = caps.canWrite;
    s->report.canScan = caps.canScan;
    ping(s);
    return future;
}

} // namespace pmkv
