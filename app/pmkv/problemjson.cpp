#include "problemjson.h"

#include "exitcode.h"

namespace pmkv {

QJsonObject problemToJson(const Problem& problem)
{
    QJsonObject o{{QStringLiteral("severity"), severityName(problem.severity)},
                  {QStringLiteral("path"), problem.path},
                  {QStringLiteral("code"), problem.code},
                  {QStringLiteral("message"), problem.message}};
    if (problem.line > 0) {
        o.insert(QStringLiteral("line"), problem.line);
        o.insert(QStringLiteral("column"), problem.column);
    }
    return o;
}

QJsonArray problemsToJson(const QVector<Problem>& problems)
{
    QJsonArray array;
    for (const Problem& p : problems)
        array.append(problemToJson(p));
    return array;
}

QJsonObject errorToJson(const Error& error)
{
    return QJsonObject{{QStringLiteral("code"), error.code},
                       {QStringLiteral("message"), error.message},
                       {QStringLiteral("nextStep"), error.next.toJson()}};
}

QJsonArray errorsToJson(const QVector<Error>& errors)
{
    QJsonArray array;
    for (const Error& e : errors)
        array.append(errorToJson(e));
    return array;
}

} // namespace pmkv
