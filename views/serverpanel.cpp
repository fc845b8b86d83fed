#include "serverpanel.h"

#include "kv/serverinfo.h"
#include "postto.h"
#include "workflows/targetsession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pmkv {
namespace {

// Quantities get the locale's thousands separators (used_memory:1234567 -> 1,234,567);
// identifiers and clocks that happen to be integers (tcp_port, process_id, lru_clock,
// server_time_usec) do not.
QString readable(const QString& name, const QString& value)
{
    for (const char* identity : {"port", "_id", "pid", "clock", "time", "sha", "version"}) {
        if (name.contains(QLatin1String(identity)))
            return value;
    }
    bool ok = false;
    const qlonglong n = value.toLongLong(&ok);
    return ok && value.size() > 3 ? QLocale().toString(n) : value;
}

} // namespace

ServerPanel::ServerPanel(QWidget* parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("serverSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("serverInfo"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Field"), tr("Value")});
    m_tree->setUniformRowHeights(true);
    // Names are long (used_memory_peak_human): a fixed share, the value takes the rest.
    m_tree->setColumnWidth(0, 190);
    m_tree->header()->setStretchLastSection(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_refresh, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);
    connect(m_refresh, &QPushButton::clicked, this, &ServerPanel::refresh);
    showError(tr("Not connected."));
}

void ServerPanel::setSession(std::shared_ptr<TargetSession> session,
                             const ConnectionProfile& profile)
{
    m_session = std::move(session);
    m_profile = profile;
    refresh();
}

void ServerPanel::refresh()
{
    const quint64 generation = ++m_generation;
    if (!m_session) {
        showError(tr("Not connected."));
        return;
    }
    m_summary->setText(tr("Asking %1 ...").arg(m_session->describe().toHtmlEscaped()));
    const bool cluster = m_profile.isCluster(); // (the store's own state is its thread's)
    // The store lives on the session's thread; the answer comes back to this one.
    m_session->store()
        .execute(ServerInfo::commands(cluster))
        .then(
            postTo<Result<KvStore::Replies>>(this, [this, generation](Result<KvStore::Replies> r) {
                if (generation != m_generation)
                    return;
                if (!r)
                    showError(r.error().message);
                else
                    show(ServerInfo::parse(r.value()));
                Q_EMIT refreshed();
            }));
}

void ServerPanel::showError(const QString& message)
{
    m_tree->clear();
    m_summary->setText(message.toHtmlEscaped());
}

void ServerPanel::showCluster(const ServerInfo& info)
{
    const QLocale locale;
    auto* top = new QTreeWidgetItem(m_tree, {tr("Cluster")});
    if (!info.clusterError.isEmpty()) {
        top->setText(1, tr("nodes not known (%1)").arg(info.clusterError));
        return;
    }
    const ClusterNodes& nodes = info.clusterNodes;
    const int masters = nodes.masterCount();
    const int replicas = nodes.replicaCount();
    top->setText(1, tr("%1, %2 - %3 of %4 slots served")
                        .arg(masters == 1 ? tr("1 master") : tr("%1 masters").arg(masters),
                             replicas == 1 ? tr("1 replica") : tr("%1 replicas").arg(replicas),
                             locale.toString(nodes.servedSlots()), locale.toString(16384)));
    auto describe = [&locale](const ClusterNode& node) {
        QStringList parts{node.master ? tr("master") : tr("replica")};
        if (node.master)
            parts << tr("slots %1 (%2)").arg(node.slotText(), locale.toString(node.slotCount()));
        if (node.slotsMoving > 0)
            parts << tr("slots moving: %1").arg(node.slotsMoving);
        if (node.failing)
            parts << tr("FAILING");
        else if (!node.connected)
            parts << tr("not connected");
        if (node.myself)
            parts << tr("answered this panel");
        return parts.join(QStringLiteral(" - "));
    };
    for (const ClusterNode& node : nodes.nodes) {
        if (!node.master)
            continue;
        auto* master = new QTreeWidgetItem(top, {node.address, describe(node)});
        master->setToolTip(1, master->text(1)); // (a narrow dock cuts the slot list)
        for (const ClusterNode& replica : nodes.replicasOf(node))
            new QTreeWidgetItem(master, {replica.address, describe(replica)});
    }
}

void ServerPanel::show(const ServerInfo& info)
{
    m_tree->clear();
    if (info.cluster)
        showCluster(info);
    const bool rest = m_profile.kind != ConnectionProfile::Kind::Redis;
    const QLocale locale;
    auto missing = [rest](const QString& why) {
        return rest ? tr("not available over REST (%1)").arg(why)
                    : tr("not available (%1)").arg(why);
    };
    // Key counts first: what people open the panel for.
    auto* counts = new QTreeWidgetItem(m_tree, {tr("Keys")});
    new QTreeWidgetItem(
        counts, {info.cluster ? tr("DBSIZE (all masters)") : tr("DBSIZE (this database)"),
                 info.dbSize >= 0 ? locale.toString(info.dbSize) : missing(info.dbSizeError)});
    // (A cluster's keyspace section counts one node's keys: shown under that node's INFO.)
    if (!info.cluster) {
        for (const auto& [db, keys] : info.keysPerDatabase)
            new QTreeWidgetItem(counts, {db, locale.toString(keys)});
    }
    // Of a cluster, INFO describes the one node that answered.
    const ClusterNode* answered = info.clusterNodes.myself();
    for (const ServerInfo::Section& section : info.sections) {
        auto* item = new QTreeWidgetItem(m_tree, {section.name});
        if (answered)
            item->setText(1, tr("node %1 (the one that answered)").arg(answered->address));
        if (!section.error.isEmpty()) {
            item->setText(1, missing(section.error));
            continue;
        }
        for (const auto& [name, value] : section.fields)
            new QTreeWidgetItem(item, {name, readable(name, value)});
    }
    m_tree->expandAll();
    const QString version = info.value(QStringLiteral("server"), QStringLiteral("redis_version"));
    const QString memory =
        info.value(QStringLiteral("memory"), QStringLiteral("used_memory_human"));
    // (A cluster's seeds are one long word: spaced after the commas so that the line wraps.)
    QStringList parts{QStringLiteral("<b>%1</b>")
                          .arg(m_session->describe().toHtmlEscaped().replace(
                              QLatin1Char(','), QStringLiteral(", ")))};
    if (info.cluster && info.clusterError.isEmpty())
        parts << tr("Redis Cluster of %1 masters").arg(info.clusterNodes.masterCount());
    parts << (version.isEmpty() ? tr("version not available") : tr("Redis %1").arg(version));
    if (!memory.isEmpty())
        parts << (answered ? tr("%1 used on %2").arg(memory, answered->address)
                           : tr("%1 used").arg(memory));
    if (info.dbSize >= 0)
        parts << (info.cluster ? tr("%1 keys in the cluster") : tr("%1 keys in this database"))
                     .arg(locale.toString(info.dbSize));
    m_summary->setText(parts.join(QStringLiteral(" &middot; ")));
}

QString ServerPanel::summaryText() const
{
    return m_summary->text();
}

QString ServerPanel::fieldText(const QString& section, const QString& field) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* top = m_tree->topLevelItem(i);
        if (top->text(0) != section)
            continue;
        if (field.isEmpty())
            return top->text(1);
        for (int j = 0; j < top->childCount(); ++j) {
            if (top->child(j)->text(0) == field)
                return top->child(j)->text(1);
        }
    }
    return QString();
}

} // namespace pmkv
