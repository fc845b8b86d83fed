#include "files/problem.h"

namespace pmkv {

Problem Problem::error(QString path, QString code, QString message, int line, int column)
{
    return Problem{Severity::Error, std::move(path), std::move(code), std::move(message), line,
                   column};
}

Problem Problem::warning(QString path, QString code, QString message)
{
    return Problem{Severity::Warning, std::move(path), std::move(code), std::move(message), 0, 0};
}

QString Problem::toText() const
{
    QString where = path;
    if (line > 0)
        where +=
            QLatin1Char(':') + QString::number(line) + QLatin1Char(':') + QString::number(column);
    return where + QStringLiteral(": ") + severityName(severity) + QStringLiteral(": ") + message +
           QStringLiteral(" [") + code + QLatin1Char(']');
}

QString severityName(Severity severity)
{
    return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

} // namespace pmkv
