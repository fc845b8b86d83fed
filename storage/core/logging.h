#pragma once

#include <QLoggingCategory>

// One category per subsystem, so `QT_LOGGING_RULES="pmkv.storage.files.debug=true"` works.
// Tokens and passwords never go through these.
Q_DECLARE_LOGGING_CATEGORY(lcFiles)
Q_DECLARE_LOGGING_CATEGORY(lcLayout)
Q_DECLARE_LOGGING_CATEGORY(lcRedis)
Q_DECLARE_LOGGING_CATEGORY(lcRest)
Q_DECLARE_LOGGING_CATEGORY(lcJobs)
Q_DECLARE_LOGGING_CATEGORY(lcProxy)
