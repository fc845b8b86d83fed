#include "pmkvrun.h"

#include "testtree.h"

#include <QJsonDocument>
#include <QProcess>

namespace pmkv::test {

QJsonObject PmkvRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

PmkvRun runPmkv(const QStringList& arguments, const QHash<QString, QString>& environment,
                const QByteArray& input, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(binaryPath(QStringLiteral("pmkv")), arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    PmkvRun run;
    if (!process.waitForFinished(timeoutMs))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace pmkv::test
