#include "core/logging.h"

Q_LOGGING_CATEGORY(lcFiles, "pmkv.storage.files", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLayout, "pmkv.storage.layout", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRedis, "pmkv.storage.redis", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRest, "pmkv.storage.rest", QtWarningMsg)
Q_LOGGING_CATEGORY(lcJobs, "pmkv.storage.jobs", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProxy, "pmkv.proxy", QtWarningMsg)
