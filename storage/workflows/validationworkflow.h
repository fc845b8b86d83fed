#pragma once

#include "core/result.h"
#include "jobs/jobreport.h"
#include "jobs/validator.h"
#include "workflows/targetsession.h"
#include "workflows/workflowcontext.h"

namespace pmkv {

// Comparing a pm/ folder with the key space both ways (Validator), as a user runs it: the
// report saved (JSON + Markdown) and the audit line written.
class ValidationWorkflow final
{
public:
    struct Request
    {
        QString root;
        QString layoutSpec = QStringLiteral("repository");
        QString prefix;
        QStringList projects; // empty: the whole tree
        qint64 sample = 0;    // 0: every key, and the keys only the key space has
        quint32 seed = 1;
        QString reportFolder; // empty: the reports folder of the context's paths
        bool strict = false;  // the files' warnings count in the verdict (workflows/verdict.h)
    };
    struct Outcome
    {
        Validator::Outcome validation;
        JobReport report;
        QString reportPath; // the Markdown file; empty when it could not be saved
        // Verdict::ofValidation: 0 the key space matches, whatever the files' warnings;
        // 1 differences; 2 errors in the files.
        int verdict = 0;
    };

    static Result<Outcome> run(const Request& request, TargetSession& session,
                               const WorkflowContext& context);
    // The validation alone, no report and no audit line (the archive's gate, the status).
    static Result<Validator::Outcome> validate(const Request& request, KvStore& store,
                                               const WorkflowContext& context);
};

} // namespace pmkv
