#include "rest/restcodec.h"

#include "core/jsonstring.h"
#include "core/utf8.h"

#include <algorithm>

namespace pmkv {

Result<QByteArray> RestCodec::encodeCommand(const KvCommand& command, int indexInBatch)
{
    QByteArray out;
    auto appended = appendCommand(out, command, indexInBatch);
    if (!appended)
        return appended.error();
    return out;
}

qsizetype RestCodec::encodedSizeAtLeast(const KvCommand& command)
{
    qsizetype size = 2 + std::max<qsizetype>(0, command.size() - 1); // brackets, commas
    for (const QByteArray& arg : command)
        size += arg.size() + 2;
    return size;
}

Result<void> RestCodec::appendCommand(QByteArray& out, const KvCommand& command, int indexInBatch)
{
    if (command.isEmpty())
        return makeError(QStringLiteral("empty-command"),
                         QStringLiteral("command %1 of the batch is empty").arg(indexInBatch + 1));
    const qsizetype size = out.size() + encodedSizeAtLeast(command);
    if (out.capacity() < size)
        out.reserve(std::max(size, out.capacity() * 2)); // a body grows command by command
    out.append('[');
    for (int i = 0; i < command.size(); ++i) {
        const QByteArray& arg = command.at(i);
        const qsizetype bad = firstInvalidUtf8(arg);
        if (bad >= 0) {
            return makeError(
                QStringLiteral("binary-argument"),
                QStringLiteral("%1 (command %2 of the batch): argument %3 is not UTF-8 text "
                               "(byte %4). The Upstash REST protocol carries text only; use a "
                               "direct Redis connection (--redis) to write binary values.")
                    .arg(commandLabel(command))
                    .arg(indexInBatch + 1)
                    .arg(i + 1)
                    .arg(bad));
        }
        if (i > 0)
            out.append(',');
        appendJsonString(out, arg);
    }
    out.append(']');
    return {};
}

QByteArray RestCodec::commandName(const KvCommand& command)
{
    return command.isEmpty() ? QByteArray() : command.first().toUpper();
}

QString RestCodec::commandLabel(const KvCommand& command)
{
    QString label = QString::fromUtf8(commandName(command));
    if (command.size() > 1)
        label += QLatin1Char(' ') + QString::fromUtf8(command.at(1).left(200));
    return label;
}

} // namespace pmkv
