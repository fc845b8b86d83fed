#pragma once

#include "core/result.h"
#include "diff/diffoptions.h"
#include "diff/diffreport.h"
#include "layout/keylayout.h"
#include "workflows/sideopener.h"
#include "workflows/workflowcontext.h"

#include <optional>

namespace pmkv {

// Comparing any two sides (a pm/ folder, a backup, a snapshot, a key space: see SideOpener)
// entity by entity and field by field, with the HTML and CSV reports written on request.
class DiffWorkflow final
{
public:
    struct Request
    {
        QString left;
        QString right;
        KeyLayout leftLayout;
        KeyLayout rightLayout;
        DiffOptions options;
        bool keepSame = false; // also list identical entities in the report
        QString htmlPath;      // empty: no HTML report
        QString csvPath;       // empty: no CSV of field changes
        // The window's connection when it is not saved: a side naming its address reads
        // with the secret typed for it.
        std::optional<SideOpener::SessionConnection> sessionConnection;
    };

    // The report files a user can save: HTML for people, JSON with an RFC 6902 patch per
    // entity, CSV with one row per field change.
    enum class Format { Html, Json, Csv };

    static Result<DiffReport> run(const Request& request, const WorkflowContext& context);
    // Writes `report` to `path` in `format` (atomically: a failed write leaves no file).
    static Result<void> exportReport(const DiffReport& report, const QString& path, Format format);
};

} // namespace pmkv
