#include "rest/restcodec.h"

#include "core/jsonstring.h"
#include "core/utf8.h"

#include <nlohmann/json.hpp>

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

KvReply RestCodec::decodeEntry(const nlohmann::json& entry, const KvCommand& command)
{
    if (!entry.is_object())
        return KvReply::error("ERR the REST server sent a reply that is not an object");
    const auto error = entry.find("error");
    if (error != entry.end() && !error->is_null()) {
        const std::string text = error->is_string() ? error->get<std::string>() : error->dump();
        return KvReply::error(QByteArray::fromStdString(text));
    }
    const auto result = entry.find("result");
    if (result == entry.end())
        return KvReply::nil();
    return decodeValue(*result, &command);
}

KvReply RestCodec::decodeValue(const nlohmann::json& value, const KvCommand* command)
{
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        return KvReply::nil();
    case nlohmann::json::value_t::number_integer:
        return KvReply::fromInteger(value.get<qint64>());
    case nlohmann::json::value_t::number_unsigned:
        return KvReply::fromInteger(static_cast<qint64>(value.get<quint64>()));
    case nlohmann::json::value_t::number_float:
        return KvReply::string(QByteArray::fromStdString(value.dump()));
    case nlohmann::json::value_t::boolean:
        return KvReply::fromInteger(value.get<bool>() ? 1 : 0);
    case nlohmann::json::value_t::array: {
        QVector<KvReply> items;
        items.reserve(static_cast<qsizetype>(value.size()));
        for (const auto& item : value)
            items.append(decodeValue(item, nullptr));
        return KvReply::array(std::move(items));
    }
    case nlohmann::json::value_t::string: {
        const std::string& text = value.get_ref<const std::string&>();
        if (text == "OK")
            return KvReply::status("OK");
        const bool status = command && repliesWithStatus(*command);
        if (status && isPlainStatusWord(text))
            return KvReply::status(QByteArray::fromStdString(text));
        const QByteArray raw = QByteArray::fromRawData(text.data(), qsizetype(text.size()));
        auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
        // Valid base64 always has a length that is a multiple of 4 (Upstash pads).
        QByteArray bytes = (decoded && raw.size() % 4 == 0)
                               ? std::move(decoded.decoded)
                               : QByteArray(raw.constData(), raw.size());
        return status ? KvReply::status(std::move(bytes)) : KvReply::string(std::move(bytes));
    }
    default:
        return KvReply::string(QByteArray::fromStdString(value.dump()));
    }
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

bool RestCodec::repliesWithStatus(const KvCommand& command)
{
    const QByteArray name = commandName(command);
    if (name == "PING")
        return command.size() == 1;
    if (name == "SET") {
        for (int i = 3; i < command.size(); ++i) {
            if (command.at(i).toUpper() == "GET")
                return false;
        }
        return true;
    }
    static const QByteArrayList names{"TYPE",   "MSET",   "FLUSHDB", "FLUSHALL", "SELECT",
                                      "RENAME", "LSET",   "LTRIM",   "SWAPDB",   "RESTORE",
                                      "SETEX",  "PSETEX", "HMSET",   "QUIT",     "AUTH"};
    return names.contains(name);
}

bool RestCodec::isPlainStatusWord(const std::string& text)
{
    static const std::string words[] = {"PONG", "QUEUED", "string", "list", "set",
                                        "zset", "hash",   "stream", "none"};
    for (const std::string& word : words) {
        if (text == word)
            return true;
    }
    return false;
}

} // namespace pmkv
