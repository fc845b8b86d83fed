#pragma once

#include <QString>

namespace pmkv {

enum class Severity { Warning, Error };

// One thing wrong with one file (or folder) of a pm/ tree. `path` is relative to the root;
// `line` and `column` are 1-based and 0 when they do not apply. `code` is stable
// (e.g. "json.parse", "ref.unknown-person") for scripts and tests.
struct Problem
{
    Severity severity = Severity::Error;
    QString path;
    QString code;
    QString message;
    int line = 0;
    int column = 0;

    static Problem error(QString path, QString code, QString message, int line = 0, int column = 0);
    static Problem warning(QString path, QString code, QString message);
    // "path:line:column: error: message", the form editors and CI logs understand.
    QString toText() const;
};

QString severityName(Severity severity);

} // namespace pmkv
