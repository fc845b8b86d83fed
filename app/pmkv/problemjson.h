#pragma once

#include "core/result.h"
#include "files/problem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVector>

namespace pmkv {

// The --json form of problems, shared by every command that reports them.
QJsonObject problemToJson(const Problem& problem);
QJsonArray problemsToJson(const QVector<Problem>& problems);
// An error (a refusal, a journal that cannot be read) as scripts read it: code, message and
// its next step, which names the file or run it is about.
QJsonObject errorToJson(const Error& error);
QJsonArray errorsToJson(const QVector<Error>& errors);

} // namespace pmkv
