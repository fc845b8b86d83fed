#pragma once

#include "files/problem.h"

#include <QVector>

namespace pmkv {

// Problems that say the same thing about different files: same severity, same code, same
// message once the file's own path is taken out. A tree whose every file names the same
// unknown person has hundreds of such problems; a front end shows each group once (a line, an
// expandable row) with its count, and every member on request.
struct ProblemGroup
{
    Severity severity = Severity::Warning;
    QString code;
    // The members' message; where it named a member's own path, that part reads "(file)".
    QString message;
    QVector<Problem> problems; // the members, in the order they came

    int count() const { return int(problems.size()); }
    // The groups of `problems`, ordered by their first member.
    static QVector<ProblemGroup> group(const QVector<Problem>& problems);
};

} // namespace pmkv
