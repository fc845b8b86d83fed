#pragma once

#include "core/nextstep.h"
#include "core/result.h"
#include "jobs/jobpaths.h"
#include "jobs/jobprogress.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace pmkv {

// What every workflow call gets from its front end: where the journals, plans, reports and
// the audit log live, who asks (the audit log's "via": "pmkv" or "pmkv-studio"), a progress
// callback (called on the workflow's thread) and a cancel flag checked between batches.
struct WorkflowContext
{
    JobPaths paths;
    QString frontEnd = QStringLiteral("pmkv");
    ProgressCallback progress;
    const std::atomic_bool* cancel = nullptr;
    // How this front end words a next step where a workflow writes one into a file for people
    // (a report's Markdown): `pmkv` gives its command line. Unset: the prose alone.
    std::function<QString(const NextStep&)> wordStep;
    // Problems that did not stop the workflow but the user must hear of (an audit line that
    // could not be written, ...). Filled by the workflow; the front end shows them.
    mutable QStringList warnings;

    // Appends one line to the audit log. The write already happened when this is called, so a
    // failure does not fail the workflow: it becomes a warning.
    void recordAudit(const QString& operation, const QString& target, qint64 count,
                     const QString& runId = QString(),
                     const QJsonObject& extra = QJsonObject()) const;
    bool cancelled() const { return cancel && cancel->load(); }
    // Makes the journals' folders before a write (error "jobs-folder": nothing written).
    Result<void> ensureJobsFolder() const;
};

} // namespace pmkv
