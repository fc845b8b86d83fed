#include "rediscluster.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QThread>

#include <algorithm>

namespace pmkv::test {

RedisCluster::RedisCluster() = default;

RedisCluster::~RedisCluster()
{
    stop();
}

bool RedisCluster::start(bool persistent)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    for (int attempt = 0; attempt < 3; ++attempt) {
        const quint16 first = LocalCluster::findFreePorts(6);
        if (first == 0) {
            m_error = QStringLiteral("no 6 free loopback ports (with bus ports) found");
            return false;
        }
        LocalCluster::Options options;
        options.dataDir = m_dir.filePath(QStringLiteral("cluster"));
        options.firstPort = first;
        options.persistent = persistent;
        options.nodeTimeoutMs = 1000; // a killed master's replica takes over within seconds
        m_cluster = std::make_unique<LocalCluster>(options);
        auto up = m_cluster->up();
        if (up)
            return true;
        m_error = up.error().message;
        (void)m_cluster->down();
    }
    return false;
}

void RedisCluster::stop()
{
    if (m_cluster)
        (void)m_cluster->down();
}

QString RedisCluster::url() const
{
    return m_cluster ? m_cluster->url() : QString();
}

QByteArray RedisCluster::cli(quint16 port, const QStringList& arguments) const
{
    return m_cluster->cli(port, arguments);
}

QByteArray RedisCluster::anyKey(const QString& pattern) const
{
    for (quint16 port : masters()) {
        const QByteArray key =
            cli(port, {QStringLiteral("--scan"), QStringLiteral("--pattern"), pattern})
                .split('\n')
                .value(0)
                .trimmed();
        if (!key.isEmpty())
            return key;
    }
    return {};
}

qint64 RedisCluster::calls(quint16 port, const QByteArray& command) const
{
    const QByteArray prefix = "cmdstat_" + command.toLower() + ":calls=";
    const QByteArray stats = cli(port, {QStringLiteral("info"), QStringLiteral("commandstats")});
    for (const QByteArray& line : stats.split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).split(',').value(0).toLongLong();
    }
    return 0;
}

QByteArray RedisCluster::nodeId(quint16 port) const
{
    return cli(port, {QStringLiteral("cluster"), QStringLiteral("myid")});
}

QVector<quint16> RedisCluster::masters() const
{
    // One node's view: the masters not marked failed, whose process runs.
    QVector<quint16> ports;
    for (quint16 asked : m_cluster->ports()) {
        if (m_cluster->pidOf(asked) == 0)
            continue;
        const QByteArray nodes = cli(asked, {QStringLiteral("cluster"), QStringLiteral("nodes")});
        for (const QByteArray& line : nodes.split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 3 || !fields.at(2).contains("master") ||
                fields.at(2).contains("fail"))
                continue;
            // "127.0.0.1:7001@17001"
            const QByteArray address = fields.at(1).left(fields.at(1).indexOf('@'));
            const quint16 port = quint16(address.mid(address.lastIndexOf(':') + 1).toUInt());
            if (port != 0 && m_cluster->pidOf(port) != 0)
                ports.append(port);
        }
        break;
    }
    std::sort(ports.begin(), ports.end());
    return ports;
}

quint16 RedisCluster::masterOf(int slot) const
{
    for (quint16 port : masters()) {
        // Each master answers for itself (its "myself" line): no gossip delay after a move.
        const QList<QByteArray> lines =
            cli(port, {QStringLiteral("cluster"), QStringLiteral("nodes")}).split('\n');
        for (const QByteArray& line : lines) {
            if (!line.contains("myself"))
                continue;
            const QList<QByteArray> fields = line.simplified().split(' ');
            for (int i = 8; i < fields.size(); ++i) {
                const QList<QByteArray> range = fields.at(i).split('-');
                bool ok = false;
                const int from = range.value(0).toInt(&ok);
                const int to = range.size() > 1 ? range.at(1).toInt() : from;
                if (ok && slot >= from && slot <= to)
                    return port;
            }
        }
    }
    return 0;
}

bool RedisCluster::moveSlot(int slot, quint16 to, int keysPerStep,
                            const std::function<void()>& between)
{
    const quint16 from = masterOf(slot);
    if (from == 0 || from == to)
        return false;
    const QString s = QString::number(slot);
    const QString fromId = QString::fromLatin1(nodeId(from));
    const QString toId = QString::fromLatin1(nodeId(to));
    const QStringList setslot{QStringLiteral("cluster"), QStringLiteral("setslot"), s};
    if (cli(to, setslot + QStringList{QStringLiteral("importing"), fromId}) != "OK" ||
        cli(from, setslot + QStringList{QStringLiteral("migrating"), toId}) != "OK")
        return false;
    bool first = true;
    for (;;) {
        const QList<QByteArray> keys =
            cli(from, {QStringLiteral("cluster"), QStringLiteral("getkeysinslot"), s,
                       QString::number(keysPerStep)})
                .split('\n');
        QStringList names;
        for (const QByteArray& key : keys) {
            if (!key.isEmpty())
                names.append(QString::fromUtf8(key));
        }
        if (names.isEmpty())
            break;
        const QByteArray moved =
            cli(from, QStringList{QStringLiteral("migrate"), QStringLiteral("127.0.0.1"),
                                  QString::number(to), QString(), QStringLiteral("0"),
                                  QStringLiteral("5000"), QStringLiteral("keys")} +
                          names);
        if (moved != "OK")
            return false;
        if (first && between)
            between();
        first = false;
    }
    const QStringList node{QStringLiteral("node"), toId};
    return cli(to, setslot + node) == "OK" && cli(from, setslot + node) == "OK";
}

bool RedisCluster::waitHealthy(int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        bool healthy = true;
        for (quint16 port : m_cluster->ports()) {
            if (m_cluster->pidOf(port) == 0)
                continue;
            if (!cli(port, {QStringLiteral("cluster"), QStringLiteral("info")})
                     .contains("cluster_state:ok")) {
                healthy = false;
                break;
            }
        }
        if (healthy && masters().size() == 3)
            return true;
        QThread::msleep(100);
    }
    return false;
}

} // namespace pmkv::test
