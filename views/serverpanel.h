#pragma once

#include "connections/connectionprofile.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace pmkv {

class TargetSession;
struct ServerInfo;

// The server panel (View > Server Info): what the open connection's server says about itself,
// INFO server, memory and keyspace and DBSIZE (storage/kv/serverinfo.h), asked on the store's
// thread, with a summary line and key counts per database. Over REST a section the server
// does not answer says "not available over REST" and why; the rest is shown. Of a Redis
// Cluster it shows the nodes first (CLUSTER NODES): masters with their slots and replicas,
// and which node the INFO sections describe.
class ServerPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ServerPanel(QWidget* parent = nullptr);

    // The connection to describe (null: none); asks at once.
    void setSession(std::shared_ptr<TargetSession> session, const ConnectionProfile& profile);
    void refresh();

    QString summaryText() const;
    QTreeWidget* tree() const { return m_tree; }
    // The shown value of a field ("Memory", "used_memory_human"); empty when not shown. An
    // empty field: the section's own value (a cluster's node for its INFO sections).
    QString fieldText(const QString& section, const QString& field) const;

Q_SIGNALS:
    void refreshed();

private:
    void show(const ServerInfo& info);
    // The cluster's masters with their slots, each with its replicas.
    void showCluster(const ServerInfo& info);
    void showError(const QString& message);

    std::shared_ptr<TargetSession> m_session;
    ConnectionProfile m_profile;
    QLabel* m_summary;
    QTreeWidget* m_tree;
    QPushButton* m_refresh;
    quint64 m_generation = 0;
};

} // namespace pmkv
