#include "files/problemgroup.h"

#include <QHash>

namespace pmkv {

namespace {

// The message with the problem's own path taken out: what members of a group share.
QString sharedMessage(const Problem& problem)
{
    if (problem.path.isEmpty())
        return problem.message;
    QString message = problem.message;
    return message.replace(problem.path, QStringLiteral("(file)"));
}

} // namespace

QVector<ProblemGroup> ProblemGroup::group(const QVector<Problem>& problems)
{
    QVector<ProblemGroup> groups;
    QHash<QString, int> indexOf; // severity, code and shared message -> group
    for (const Problem& p : problems) {
        const QString message = sharedMessage(p);
        const QString key =
            severityName(p.severity) + QLatin1Char('\n') + p.code + QLatin1Char('\n') + message;
        auto it = indexOf.constFind(key);
        if (it == indexOf.cend()) {
            it = indexOf.insert(key, int(groups.size()));
            groups.append(ProblemGroup{p.severity, p.code, message, {}});
        }
        groups[it.value()].problems.append(p);
    }
    return groups;
}

} // namespace pmkv
