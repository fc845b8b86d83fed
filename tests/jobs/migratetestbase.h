#pragma once

#include "generate/treegenerator.h"
#include "jobfixture.h"
#include "jobs/migrator.h"
#include "jobs/planner.h"

#include <QMap>
#include <QTemporaryDir>
#include <QTest>

namespace pmkv::test {

inline const QByteArray kStory = "pm:project:atlas:epic:clinical-patient:story:";

inline QMap<QByteArray, QByteArray> planValues(const MigrationPlan& plan)
{
    QMap<QByteArray, QByteArray> values;
    for (const PlanItem& item : plan.items)
        values.insert(item.key.toUtf8(), item.value);
    return values;
}

inline QString errorText(const Error& e)
{
    return e.code + QStringLiteral(": ") + e.message;
}

// What the migration job tests share (tst_migrate, tst_undojobs): a real redis-server (with
// an fsync'd AOF) and pmkv-proxy in front of it, a generated tree of 2 projects x 3 epics x 12
// stories, fresh job folders, and the helpers below.
class MigrateTestBase : public QObject
{
protected:
    JobTargets m_targets;
    KvStore* m_direct = nullptr; // m_targets' stores
    KvStore* m_rest = nullptr;
    QTemporaryDir m_dir;
    QString m_root;
    int m_stateCounter = 0;

    KvStore& store(const QString& transport) { return m_targets.store(transport); }
    JobPaths freshPaths()
    {
        return JobPaths(m_dir.filePath(QStringLiteral("state%1").arg(++m_stateCounter)));
    }
    Planner::Params
    planParams(MigrationPlan::Policy policy = MigrationPlan::Policy::AbortOnConflict)
    {
        Planner::Params p;
        p.root = m_root;
        p.policy = policy;
        return p;
    }
    // Executes `plan` in batches of 10 keys and cancels it at the first progress report (as
    // Ctrl-C would): a run stopped after its first batch, left to resume. `params` comes back
    // without the cancel flag and the progress callback, ready for the resume.
    Result<Migrator::Outcome> stopAfterFirstBatch(const MigrationPlan& plan,
                                                  Migrator::Params& params)
    {
        std::atomic_bool cancel{false};
        params.batchKeys = 10;
        params.cancel = &cancel;
        params.progress = [&cancel](const JobProgress&) { cancel = true; };
        auto outcome = Migrator::execute(plan, *m_direct, params);
        params.cancel = nullptr;
        params.progress = {};
        return outcome;
    }

    QByteArray firstStoryKey()
    {
        auto source = Planner::readSource(planParams());
        for (const PlanItem& item : source.value().items) {
            if (item.role == KeyRole::Story)
                return item.key.toUtf8();
        }
        return {};
    }

    bool startTargets()
    {
        m_targets.redis().setExtraArguments({QStringLiteral("--appendonly"), QStringLiteral("yes"),
                                             QStringLiteral("--appendfsync"),
                                             QStringLiteral("always")});
        if (!m_targets.start())
            return false;
        m_direct = &m_targets.direct();
        m_rest = &m_targets.rest();
        m_root = m_dir.filePath(QStringLiteral("pm"));
        TreeGenerator::Options options;
        options.projects = 2;
        options.epicsPerProject = 3;
        options.storiesPerEpic = 12;
        return TreeGenerator::generate(m_root, options).ok();
    }

    // The transports a test runs over: direct Redis and REST through pmkv-proxy.
    static void addTransports()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("redis") << QStringLiteral("redis");
        QTest::newRow("pmkv-proxy") << QStringLiteral("proxy");
    }
};

} // namespace pmkv::test
