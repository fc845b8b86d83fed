#pragma once

#include "jobs/jobpaths.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace pmkv::jobsupport {

// --state-dir: where journals, the audit log, plans and reports go.
void addStateOption(QCommandLineParser& parser);
JobPaths paths(const QCommandLineParser& parser);
// Appends one line to the audit log; when that fails the write already happened, so the
// command still succeeds but says on stderr that the log is missing a line.
void recordAudit(const QCommandLineParser& parser, QTextStream& err, const QString& operation,
                 const QString& target, qint64 count);

} // namespace pmkv::jobsupport
