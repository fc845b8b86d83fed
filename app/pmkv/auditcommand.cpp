#include "auditcommand.h"

#include "exitcode.h"
#include "jobs/auditlog.h"
#include "jobsupport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pmkv {

QString AuditCommand::summary() const
{
    return QStringLiteral("Show the audit log of every write operation.");
}

void AuditCommand::configure(QCommandLineParser& parser)
{
    jobsupport::addStateOption(parser);
    parser.addOption(
        {QStringLiteral("last"), QStringLiteral("Only the last N lines."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("operation"),
                      QStringLiteral("Only this operation (migrate, rollback, backup, ...)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the lines as a JSON array.")});
}

QString AuditCommand::epilog() const
{
    return QStringLiteral(
        "The log is append-only JSONL (audit.jsonl in the state folder): time, user,\n"
        "operation, run id, target (never a token or password) and number of keys or files.\n"
        "\n"
        "Examples:\n"
        "  pmkv audit\n"
        "  pmkv audit --last 20 --operation migrate\n"
        "  pmkv audit --json --state-dir ~/pm-migration\n"
        "\n"
        "Exit codes: 0 shown, 2 the log cannot be read, 64 wrong command line.");
}

int AuditCommand::execute(const QCommandLineParser& parser)
{
    qint64 last = -1;
    QString error;
    if (!readCount(parser, QStringLiteral("last"), last, error))
        return usageError(error);
    const AuditLog log(jobsupport::paths(parser).auditLogPath());
    auto lines = log.read();
    if (!lines)
        return failure(lines.error().message);
    QVector<QJsonObject> shown;
    const QString operation = parser.value(QStringLiteral("operation"));
    for (const QJsonObject& line : lines.value()) {
        if (operation.isEmpty() || line.value(QStringLiteral("operation")).toString() == operation)
            shown.append(line);
    }
    if (last >= 0 && shown.size() > last)
        shown = shown.mid(shown.size() - int(last));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const QJsonObject& o : shown)
            array.append(o);
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitClean;
    }
    for (const QJsonObject& o : shown) {
        out() << o.value(QStringLiteral("time")).toString() << ' '
              << o.value(QStringLiteral("user")).toString() << ' '
              << o.value(QStringLiteral("operation")).toString() << ' '
              << o.value(QStringLiteral("target")).toString() << ' '
              << o.value(QStringLiteral("count")).toInteger();
        const QString run = o.value(QStringLiteral("runId")).toString();
        if (!run.isEmpty())
            out() << " run " << run;
        out() << '\n';
    }
    if (shown.isEmpty())
        err() << "no audit lines in " << log.path() << '\n';
    return ExitClean;
}

} // namespace pmkv
