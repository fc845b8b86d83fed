#include "memorykvstore.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace pmkv::test {

namespace {

QFuture<Result<KvStore::Replies>> ready(Result<KvStore::Replies> result)
{
    return QtFuture::makeReadyFuture(std::move(result));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

KvReply wrongArguments(const KvCommand& command)
{
    return KvReply::error("ERR wrong number of arguments for '" + command.value(0).toLower() +
                          "' command");
}

// Redis's glob (* ? [...] and \\ escapes; '/' is an ordinary character) as a regular expression.
QString globToRegularExpression(const QByteArray& glob)
{
    QString re = QStringLiteral("^");
    const QString text = QString::fromUtf8(glob);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('*'))
            re += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            re += QLatin1Char('.');
        else if (c == QLatin1Char('[') || c == QLatin1Char(']'))
            re += c;
        else if (c == QLatin1Char('\\') && i + 1 < text.size())
            re += QRegularExpression::escape(text.at(++i));
        else
            re += QRegularExpression::escape(c);
    }
    return re + QLatin1Char('$');
}

} // namespace

MemoryKvStore::MemoryKvStore(QString address, QObject* parent)
    : KvStore(parent), m_address(std::move(address))
{
}

KvStore::Capabilities MemoryKvStore::capabilities() const
{
    Capabilities c;
    c.serverKind = QStringLiteral("memory");
    return c;
}

void MemoryKvStore::failNextBatch(Failure failure, BatchMatcher matches)
{
    QMutexLocker lock(&m_mutex);
    m_script.append({failure, std::move(matches)});
}

MemoryKvStore::BatchMatcher MemoryKvStore::writes()
{
    return [](const QVector<KvCommand>& batch) {
        return std::any_of(batch.cbegin(), batch.cend(), [](const KvCommand& c) {
            const QByteArray name = c.value(0).toUpper();
            // The run's lease (TargetLease, pmkv:lock:<prefix>) is the tool's own key, not
            // one of the migration's writes.
            if (c.value(1).startsWith("pmkv:lock:"))
                return false;
            return name == "SET" || name == "MSETNX" || name == "DEL";
        });
    };
}

void MemoryKvStore::refuseScan(bool refused)
{
    QMutexLocker lock(&m_mutex);
    m_scanRefused = refused;
}

QFuture<Result<KvStore::Replies>> MemoryKvStore::execute(QVector<KvCommand> batch)
{
    QMutexLocker lock(&m_mutex);
    ++m_batches;
    std::optional<Failure> failure;
    for (int i = 0; i < m_script.size(); ++i) {
        if (!m_script.at(i).matches || m_script.at(i).matches(batch)) {
            failure = m_script.takeAt(i).failure;
            break;
        }
    }
    if (failure == Failure::NotSent)
        return ready(makeError(QStringLiteral("transport"),
                               QStringLiteral("%1: connection lost before the batch was sent "
                                              "(scripted)")
                                   .arg(m_address)));
    expire();
    Replies replies;
    replies.reserve(batch.size());
    for (const KvCommand& command : batch)
        replies.append(apply(command));
    if (failure == Failure::LostAfterSending)
        return ready(makeError(QStringLiteral("transport"),
                               QStringLiteral("%1: connection lost after the batch was sent: it "
                                              "may or may not have been applied (scripted).")
                                   .arg(m_address)));
    return ready(std::move(replies));
}

QFuture<Result<KvStore::Replies>> MemoryKvStore::executeAtomic(QVector<KvCommand> batch)
{
    return execute(std::move(batch)); // one mutex: nothing runs in between
}

void MemoryKvStore::expire()
{
    const qint64 now = nowMs();
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        if (it->expiresAtMs >= 0 && it->expiresAtMs <= now)
            it = m_keys.erase(it);
        else
            ++it;
    }
}

KvReply MemoryKvStore::apply(const KvCommand& command)
{
    if (command.isEmpty())
        return KvReply::error("ERR empty command");
    const QByteArray name = command.first().toUpper();
    const qsizetype argc = command.size() - 1;
    if (name == "PING")
        return KvReply::status("PONG");
    if (name == "DBSIZE")
        return KvReply::fromInteger(m_keys.size());
    if (name == "SET")
        return set(command);
    if (name == "SCAN")
        return scan(command);
    if (argc < 1)
        return wrongArguments(command);
    if (name == "GET") {
        const auto it = m_keys.constFind(command.at(1));
        if (it == m_keys.cend())
            return KvReply::nil();
        if (it->type != QLatin1String("string"))
            return KvReply::error(
                "WRONGTYPE Operation against a key holding the wrong kind of value");
        return KvReply::string(it->value);
    }
    if (name == "MGET") {
        QVector<KvReply> values;
        for (qsizetype i = 1; i < command.size(); ++i) {
            const auto it = m_keys.constFind(command.at(i));
            values.append(it != m_keys.cend() && it->type == QLatin1String("string")
                              ? KvReply::string(it->value)
                              : KvReply::nil());
        }
        return KvReply::array(values);
    }
    if (name == "MSETNX") {
        if (argc % 2 != 0)
            return wrongArguments(command);
        for (qsizetype i = 1; i < command.size(); i += 2) {
            if (m_keys.contains(command.at(i)))
                return KvReply::fromInteger(0);
        }
        for (qsizetype i = 1; i < command.size(); i += 2)
            m_keys.insert(command.at(i), Entry{QStringLiteral("string"), command.at(i + 1), -1});
        return KvReply::fromInteger(1);
    }
    if (name == "DEL" || name == "EXISTS") {
        qint64 n = 0;
        for (qsizetype i = 1; i < command.size(); ++i)
            n += name == "DEL" ? m_keys.remove(command.at(i)) : m_keys.contains(command.at(i));
        return KvReply::fromInteger(n);
    }
    if (name == "PTTL" || name == "TTL") {
        const auto it = m_keys.constFind(command.at(1));
        if (it == m_keys.cend())
            return KvReply::fromInteger(-2);
        if (it->expiresAtMs < 0)
            return KvReply::fromInteger(-1);
        const qint64 left = it->expiresAtMs - nowMs();
        return KvReply::fromInteger(name == "PTTL" ? left : (left + 999) / 1000);
    }
    if (name == "TYPE") {
        const auto it = m_keys.constFind(command.at(1));
        return KvReply::status(it == m_keys.cend() ? QByteArray("none") : it->type.toUtf8());
    }
    if (name == "PERSIST") {
        auto it = m_keys.find(command.at(1));
        if (it == m_keys.end() || it->expiresAtMs < 0)
            return KvReply::fromInteger(0);
        it->expiresAtMs = -1;
        return KvReply::fromInteger(1);
    }
    return KvReply::error("ERR unknown command '" + command.first() + "' (memory store)");
}

KvReply MemoryKvStore::set(const KvCommand& command)
{
    if (command.size() < 3)
        return wrongArguments(command);
    bool nx = false;
    bool xx = false;
    qint64 expiresAt = -1;
    for (qsizetype i = 3; i < command.size(); ++i) {
        const QByteArray option = command.at(i).toUpper();
        if (option == "NX") {
            nx = true;
        } else if (option == "XX") {
            xx = true;
        } else if ((option == "PX" || option == "EX") && i + 1 < command.size()) {
            bool ok = false;
            const qint64 amount = command.at(++i).toLongLong(&ok);
            if (!ok || amount <= 0)
                return KvReply::error("ERR invalid expire time in 'set' command");
            expiresAt = nowMs() + (option == "PX" ? amount : amount * 1000);
        } else {
            return KvReply::error("ERR syntax error");
        }
    }
    const bool exists = m_keys.contains(command.at(1));
    if ((nx && exists) || (xx && !exists))
        return KvReply::nil();
    m_keys.insert(command.at(1), Entry{QStringLiteral("string"), command.at(2), expiresAt});
    return KvReply::status("OK");
}

KvReply MemoryKvStore::scan(const KvCommand& command) const
{
    if (m_scanRefused)
        return KvReply::error("NOPERM User default has no permissions to run the 'scan' command");
    if (command.size() < 2)
        return wrongArguments(command);
    QByteArray match = "*";
    for (qsizetype i = 2; i + 1 < command.size(); i += 2) {
        if (command.at(i).toUpper() == "MATCH")
            match = command.at(i + 1);
    }
    const QRegularExpression pattern(globToRegularExpression(match));
    QVector<KvReply> keys;
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
        if (pattern.match(QString::fromUtf8(it.key())).hasMatch())
            keys.append(KvReply::string(it.key()));
    }
    // One pass: cursor 0 back at once, every match in it.
    return KvReply::array({KvReply::string("0"), KvReply::array(keys)});
}

void MemoryKvStore::set(const QByteArray& key, const QByteArray& value, qint64 pttl)
{
    QMutexLocker lock(&m_mutex);
    m_keys.insert(key, Entry{QStringLiteral("string"), value, pttl > 0 ? nowMs() + pttl : -1});
}

void MemoryKvStore::setOtherType(const QByteArray& key, const QString& type)
{
    QMutexLocker lock(&m_mutex);
    m_keys.insert(key, Entry{type, QByteArray(), -1});
}

QByteArray MemoryKvStore::value(const QByteArray& key) const
{
    QMutexLocker lock(&m_mutex);
    return m_keys.value(key).value;
}

bool MemoryKvStore::contains(const QByteArray& key) const
{
    QMutexLocker lock(&m_mutex);
    return m_keys.contains(key);
}

int MemoryKvStore::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_keys.size());
}

int MemoryKvStore::batchCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_batches;
}

} // namespace pmkv::test
