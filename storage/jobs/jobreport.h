#pragma once

#include "core/result.h"
#include "jobs/migrationplan.h"
#include "jobs/migrator.h"
#include "jobs/validator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace pmkv {

// The report of a plan, a migration and/or a validation, as JSON and as readable Markdown:
// counts, errors with paths, warnings (dangling references, list mismatches), validation
// results, time and throughput, and concrete recommendations. Its exit code is the one the
// workflow judged (workflows/verdict.h) and set.
//
// A recommendation says in prose what to do and carries the step as data (NextStep, in the
// JSON as "next"); the Markdown adds the front end's wording of the step (a `pmkv` command
// line) when one is given.
class JobReport final
{
public:
    struct Recommendation
    {
        QString text;
        NextStep next;
    };
    using StepWording = std::function<QString(const NextStep&)>;

    explicit JobReport(QString title);

    void setPlan(const MigrationPlan& plan) { m_plan = plan; }
    void setMigration(const Migrator::Outcome& outcome) { m_migration = outcome; }
    void setValidation(const Validator::Outcome& outcome) { m_validation = outcome; }
    // 0 the key space matches (or everything was written), 1 differences, 2 errors.
    void setExitCode(int code) { m_exitCode = code; }

    QVector<Recommendation> recommendations() const;
    int exitCode() const { return m_exitCode; }
    QJsonObject toJson() const;
    QString toMarkdown(const StepWording& wordStep = {}) const;
    // Writes <folder>/<name>.json and <folder>/<name>.md; returns the Markdown path.
    Result<QString> save(const QString& folder, const QString& name,
                         const StepWording& wordStep = {}) const;

    static QVector<Recommendation> validationRecommendations(const Validator::Outcome& outcome);

private:
    QVector<Problem> problems() const;
    QJsonArray recommendationsJson() const;

    QString m_title;
    QDateTime m_createdAt;
    std::optional<MigrationPlan> m_plan;
    std::optional<Migrator::Outcome> m_migration;
    std::optional<Validator::Outcome> m_validation;
    int m_exitCode = 0;
};

} // namespace pmkv
