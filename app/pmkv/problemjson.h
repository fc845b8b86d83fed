#pragma once

#include "files/problem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVector>

namespace pmkv {

// The --json form of problems, shared by every command that reports them.
QJsonObject problemToJson(const Problem& problem);
QJsonArray problemsToJson(const QVector<Problem>& problems);

} // namespace pmkv
