#pragma once

#include "core/result.h"
#include "kv/kvstore.h"

#include <QByteArray>
#include <QVector>

namespace pmkv {

struct UpstashRestOptions;

// One HTTP request of a batch: which endpoint, which commands, the JSON body.
struct RestRequest
{
    enum class Path { Single, Pipeline, MultiExec }; // POST /, /pipeline, /multi-exec

    Path path = Path::Pipeline;
    int from = 0; // commands [from, to) of the batch
    int to = 0;
    QByteArray body;
    bool readOnly = false; // nothing but reads (CommandAllowList)
};

// How a batch is sent over the Upstash REST protocol: one command alone (POST /), an atomic
// group whole (POST /multi-exec, never split), otherwise pipelines of at most
// maxCommandsPerRequest commands and maxBytesPerRequest bytes (a command larger than that
// goes alone). SCAN ... COUNT is capped at maxScanCount in `batch` itself. The commands are
// encoded straight into the bodies; a command that is not UTF-8 text refuses the whole batch.
class RestRequestPlan final
{
public:
    static Result<QVector<RestRequest>> split(QVector<KvCommand>& batch, bool atomic,
                                              const UpstashRestOptions& options);
};

} // namespace pmkv
