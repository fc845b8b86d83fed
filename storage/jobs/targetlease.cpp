#include "jobs/targetlease.h"

#include "core/logging.h"
#include "kv/kvwait.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

#include <cerrno>
#include <chrono>
#include <csignal>

namespace pmkv {

namespace {

// Compare-and-renew and compare-and-delete, atomic where the key space runs scripts.
const QByteArray kRenew = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
                          "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";
const QByteArray kRelease = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
                            "return redis.call('DEL', KEYS[1]) end return 0";
const QByteArray kTakeOver = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
                             "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end "
                             "return 0";

QJsonObject holderOf(const QByteArray& value)
{
    return QJsonDocument::fromJson(value).object();
}

// 1 when the key held `value` and `then` was applied to it, 0 when it did not, an error when
// the key space could not be asked. Without scripts (an error reply to EVAL): GET, compare,
// then the command, which leaves a moment between the two.
Result<qint64> ifStillHeld(KvStore& store, const QByteArray& script, const QByteArray& key,
                           const QByteArray& value, const KvCommand& then)
{
    KvCommand eval{QByteArrayLiteral("EVAL"), script, QByteArrayLiteral("1"), key, value};
    if (then.value(0) == "PEXPIRE")
        eval.append(then.value(2));
    else if (then.value(0) == "SET") // the new value and its PX
        eval << then.value(2) << then.value(4);
    auto answer = waitFor(store, store.execute({eval}));
    if (!answer)
        return answer.error();
    const KvReply reply = answer.value().value(0);
    if (!reply.isError())
        return reply.integer;
    auto held = waitFor(store, store.execute({{QByteArrayLiteral("GET"), key}}));
    if (!held)
        return held.error();
    if (held.value().value(0).bytes != value)
        return qint64(0);
    auto done = waitFor(store, store.execute({then}));
    if (!done)
        return done.error();
    const KvReply result = done.value().value(0);
    return result.type == KvReply::Type::Status ? qint64(1) : result.integer; // SET: "OK"
}

} // namespace

QByteArray TargetLease::keyFor(const QString& prefix)
{
    return QByteArrayLiteral("pmkv:lock:") + prefix.toUtf8();
}

TargetLease::TargetLease(KvStore& store, QByteArray key, QByteArray value, QString runId,
                         int leaseMs)
    : m_store(store), m_key(std::move(key)), m_value(std::move(value)), m_runId(std::move(runId)),
      m_leaseMs(leaseMs)
{
    m_renewer = std::thread([this] { renewLoop(); });
}

TargetLease::~TargetLease()
{
    release();
}

Result<std::unique_ptr<TargetLease>> TargetLease::acquire(KvStore& store, const QString& prefix,
                                                          const QString& runId,
                                                          const Options& options)
{
    const QByteArray key = keyFor(prefix);
    const QString host = options.host.isEmpty() ? QSysInfo::machineHostName() : options.host;
    const QByteArray value =
        QJsonDocument(QJsonObject{{QStringLiteral("run"), runId},
                                  {QStringLiteral("host"), host},
                                  {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                                  {QStringLiteral("since"),
                                   QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}})
            .toJson(QJsonDocument::Compact);
    const QByteArray px = QByteArray::number(options.leaseMs);
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto set =
            waitFor(store, store.execute({{QByteArrayLiteral("SET"), key, value,
                                           QByteArrayLiteral("NX"), QByteArrayLiteral("PX"), px}}));
        if (!set)
            return set.error();
        const KvReply& reply = set.value().value(0);
        if (reply.isError())
            return makeError(
                QStringLiteral("target.lease"),
                QStringLiteral("%1 refused the run's lease (%2): %3")
                    .arg(store.describe(), QString::fromUtf8(key), QString::fromUtf8(reply.bytes)));
        if (!reply.isNil())
            return std::unique_ptr<TargetLease>(
                new TargetLease(store, key, value, runId, options.leaseMs));
        // Held: by this very run (resumed after it was stopped), or by another.
        auto held = waitFor(store, store.execute({{QByteArrayLiteral("GET"), key},
                                                  {QByteArrayLiteral("PTTL"), key}}));
        if (!held)
            return held.error();
        const QByteArray current = held.value().value(0).bytes;
        if (held.value().value(0).isNil())
            continue; // expired in between: try again
        const QJsonObject holder = holderOf(current);
        const QString holderRun = holder.value(QStringLiteral("run")).toString();
        // Its own run (resumed), or a process of this machine that is gone (killed before it
        // could release it): taken over, if it is still what was read.
        const bool holderGone =
            holder.value(QStringLiteral("host")).toString() == host &&
            ::kill(pid_t(holder.value(QStringLiteral("pid")).toInteger()), 0) != 0 &&
            errno == ESRCH;
        if (holderRun == runId || holderGone) {
            auto taken =
                ifStillHeld(store, kTakeOver, key, current,
                            {QByteArrayLiteral("SET"), key, value, QByteArrayLiteral("PX"), px});
            if (!taken)
                return taken.error();
            if (taken.value() != 1)
                continue; // it changed hands meanwhile: look again
            if (holderGone && holderRun != runId)
                qCInfo(lcJobs) << "took over the lease" << key << "of run" << holderRun
                               << "whose process is gone";
            return std::unique_ptr<TargetLease>(
                new TargetLease(store, key, value, runId, options.leaseMs));
        }
        const qint64 left = held.value().value(1).integer;
        return makeError(
            QStringLiteral("target.locked"),
            QStringLiteral("%1 is being written by run %2 on host %3 (process %4, since %5): "
                           "two runs would mix their trees, so this one was not started. The "
                           "lease (key %6) expires %7 unless that run renews it")
                .arg(store.describe(), holderRun.isEmpty() ? QStringLiteral("?") : holderRun,
                     holder.value(QStringLiteral("host")).toString(QStringLiteral("?")))
                .arg(holder.value(QStringLiteral("pid")).toInteger())
                .arg(holder.value(QStringLiteral("since")).toString(QStringLiteral("?")),
                     QString::fromUtf8(key),
                     left > 0 ? QStringLiteral("in %1 s").arg((left + 999) / 1000)
                              : QStringLiteral("never (it has no expiry)")));
    }
    return makeError(QStringLiteral("target.lease"),
                     QStringLiteral("the lease %1 on %2 changed hands three times while it was "
                                    "taken; try again")
                         .arg(QString::fromUtf8(key), store.describe()));
}

void TargetLease::renewLoop()
{
    auto lastRenewed = std::chrono::steady_clock::now();
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, std::chrono::milliseconds(m_leaseMs / 3),
                        [this] { return m_stopping; });
        if (m_stopping)
            break;
        lock.unlock();
        auto renewed =
            ifStillHeld(m_store, kRenew, m_key, m_value,
                        {QByteArrayLiteral("PEXPIRE"), m_key, QByteArray::number(m_leaseMs)});
        lock.lock();
        const auto now = std::chrono::steady_clock::now();
        if (renewed && renewed.value() == 1) {
            lastRenewed = now;
        } else if ((renewed && renewed.value() == 0) ||
                   now - lastRenewed > std::chrono::milliseconds(m_leaseMs)) {
            qCWarning(lcJobs) << "the lease" << m_key << "was lost";
            m_lost = true;
            break;
        }
    }
}

Error TargetLease::lostError() const
{
    return makeError(QStringLiteral("target.lease-lost"),
                     QStringLiteral("run %1 lost its lease on %2 (the key %3 expired or another "
                                    "run took it): it stopped so that two runs do not write at "
                                    "once")
                         .arg(m_runId, m_store.describe(), QString::fromUtf8(m_key)),
                     NextStep::forRun(NextStep::Action::ResumeRun, m_runId));
}

void TargetLease::release()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_renewer.joinable())
        m_renewer.join();
    if (m_released)
        return;
    m_released = true;
    if (!m_lost)
        (void)ifStillHeld(m_store, kRelease, m_key, m_value, {QByteArrayLiteral("DEL"), m_key});
}

} // namespace pmkv
