#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace pmkv {

// The append-only JSONL record of every write operation: one line per operation with time
// (UTC), user, operation, run id, target (a describe() text: never a token or password) and
// number of keys or files. Lines are appended with O_APPEND and flushed to disk.
class AuditLog final
{
public:
    explicit AuditLog(QString path);

    Result<void> append(const QString& operation, const QString& runId, const QString& target,
                        qint64 count, const QJsonObject& extra = QJsonObject()) const;
    // Every line that parses, oldest first.
    Result<QVector<QJsonObject>> read() const;
    QString path() const { return m_path; }

private:
    QString m_path;
};

} // namespace pmkv
