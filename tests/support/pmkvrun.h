#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace pmkv::test {

// What one run of the built `pmkv` binary did.
struct PmkvRun
{
    int exitCode = -1; // -1: did not finish in time, -2: crashed
    QByteArray out;
    QByteArray err;
    QJsonObject json() const; // stdout as a JSON object (for --json)
};

// Runs the built pmkv with `arguments`, the test's environment plus `environment`, and
// `input` on stdin; waits at most `timeoutMs`.
PmkvRun runPmkv(const QStringList& arguments, const QHash<QString, QString>& environment = {},
                const QByteArray& input = QByteArray(), int timeoutMs = 120000);

} // namespace pmkv::test
