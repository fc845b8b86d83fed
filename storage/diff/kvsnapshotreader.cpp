#include "diff/kvsnapshotreader.h"

#include "diff/diffsidebuilder.h"
#include "diff/jsonparser.h"

#include <QFile>
#include <QFileInfo>

namespace pmkv {

bool KvSnapshotReader::looksLikeSnapshot(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(1 << 20).trimmed();
        if (!line.isEmpty())
            return line.startsWith('{');
    }
    return false;
}

Result<DiffSide> KvSnapshotReader::read(const QString& path, const KeyLayout& layout)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            QStringLiteral("snapshot.open"),
            QStringLiteral("cannot open the snapshot %1: %2").arg(path, file.errorString()));
    QVector<DiffSideBuilder::KvItem> items;
    int lineNumber = 0;
    auto bad = [&](const QString& why) {
        return makeError(QStringLiteral("snapshot.format"),
                         QStringLiteral("%1 line %2 is not a snapshot entry: %3")
                             .arg(path)
                             .arg(lineNumber)
                             .arg(why));
    };
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        auto parsed = JsonParser::parse(line.trimmed());
        if (!parsed)
            return bad(parsed.error().message);
        const JsonValue& o = parsed.value();
        if (!o.isObject())
            return bad(QStringLiteral("not a JSON object"));
        const JsonValue* key = o.find("key");
        if (!key)
            continue;
        if (!key->isString())
            return bad(QStringLiteral("\"key\" is not a string"));
        DiffSideBuilder::KvItem item;
        item.key = QString::fromStdString(key->text());
        item.type = QStringLiteral("string");
        if (const JsonValue* type = o.find("type"); type && type->isString())
            item.type = QString::fromStdString(type->text());
        if (const JsonValue* ttl = o.find("ttl"); ttl && ttl->type() == JsonValue::Type::Number) {
            item.ttl = QByteArray::fromStdString(ttl->text()).toLongLong();
        } else if (const JsonValue* pttl = o.find("pttl");
                   pttl && pttl->type() == JsonValue::Type::Number) {
            const qint64 ms = QByteArray::fromStdString(pttl->text()).toLongLong();
            item.ttl = ms < 0 ? qint64(-1) : (ms + 999) / 1000;
        }
        const JsonValue* value = o.find("value");
        const JsonValue* base64 = o.find("base64");
        if (!base64)
            base64 = o.find("valueBase64");
        if (value && value->isString()) {
            item.value = QByteArray::fromStdString(value->text());
        } else if (base64 && base64->isString()) {
            auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(base64->text()),
                                                          QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return bad(QStringLiteral("\"base64\" is not valid base64"));
            item.value = *decoded;
        } else if (item.type == QLatin1String("string")) {
            return bad(QStringLiteral("a string entry needs \"value\" or \"base64\""));
        }
        items.append(std::move(item));
    }
    DiffSide side = DiffSideBuilder::fromKvItems(
        path, QStringLiteral("snapshot ") + QFileInfo(path).absoluteFilePath(), items, layout);
    side.kind = QStringLiteral("snapshot");
    return side;
}

} // namespace pmkv
