#include "diff/listkeywalk.h"

#include "diff/jsonparser.h"
#include "kv/kvwait.h"

namespace pmkv {
namespace {

// The strings of a JSON array value (a list key), or of its array member `member` (epicIds,
// storyIds); empty when there is none. Each name once.
QStringList namesIn(const QByteArray& value, const char* member = nullptr)
{
    QStringList out;
    auto parsed = JsonParser::parse(value);
    if (!parsed)
        return out;
    const JsonValue* array = &parsed.value();
    if (member)
        array = parsed.value().isObject() ? parsed.value().find(member) : nullptr;
    if (!array || !array->isArray())
        return out;
    for (const JsonValue& item : array->items()) {
        if (item.isString())
            out << QString::fromStdString(item.text());
    }
    out.removeDuplicates();
    return out;
}

// One level of the walk: reads `keys` (the empty ones are roles the layout lacks) and adds
// the ones that exist to `found`.
class Level final
{
public:
    Level(const ListKeyWalk::Reader& read, QStringList& found) : m_read(read), m_found(found) {}

    Result<QHash<QString, QByteArray>> read(const QStringList& keys, bool values)
    {
        QStringList wanted;
        for (const QString& k : keys) {
            if (!k.isEmpty())
                wanted << k;
        }
        if (wanted.isEmpty())
            return QHash<QString, QByteArray>();
        auto read = m_read(wanted, values);
        if (!read)
            return read.error();
        for (const QString& k : std::as_const(wanted)) {
            if (read.value().contains(k))
                m_found << k;
        }
        return read;
    }

private:
    const ListKeyWalk::Reader& m_read;
    QStringList& m_found;
};

// The children a parent names: its list key's value when the layout has one and the key
// exists, else the parent's own `member` array.
QStringList childNames(const QHash<QString, QByteArray>& values, const QString& listKey,
                       const QString& parentKey, const char* member)
{
    if (!listKey.isEmpty() && values.contains(listKey))
        return namesIn(values.value(listKey));
    return namesIn(values.value(parentKey), member);
}

} // namespace

Result<QStringList> ListKeyWalk::walk(const KeyLayout& layout, const Reader& read)
{
    auto keyOf = [&layout](KeyRole role, const QString& p = {}, const QString& e = {},
                           const QString& s = {}) {
        if (!layout.has(role))
            return QString();
        auto key = layout.keyFor(EntityRef{role, p, e, s});
        return key ? key.value() : QString(); // an unsafe name in a list names no key
    };
    QStringList found;
    Level level(read, found);

    const QString projectsKey = keyOf(KeyRole::ProjectsList);
    auto top = level.read({keyOf(KeyRole::People), projectsKey}, true);
    if (!top)
        return top.error();
    const QStringList projects = namesIn(top.value().value(projectsKey));

    QStringList keys;
    for (const QString& p : projects)
        keys << keyOf(KeyRole::Project, p) << keyOf(KeyRole::EpicsList, p);
    auto projectValues = level.read(keys, true);
    if (!projectValues)
        return projectValues.error();
    QVector<QPair<QString, QString>> epics;
    for (const QString& p : projects) {
        for (const QString& e : childNames(projectValues.value(), keyOf(KeyRole::EpicsList, p),
                                           keyOf(KeyRole::Project, p), "epicIds"))
            epics.append({p, e});
    }

    keys.clear();
    for (const auto& [p, e] : epics)
        keys << keyOf(KeyRole::Epic, p, e) << keyOf(KeyRole::StoriesList, p, e);
    auto epicValues = level.read(keys, true);
    if (!epicValues)
        return epicValues.error();
    keys.clear();
    for (const auto& [p, e] : epics) {
        for (const QString& s : childNames(epicValues.value(), keyOf(KeyRole::StoriesList, p, e),
                                           keyOf(KeyRole::Epic, p, e), "storyIds"))
            keys << keyOf(KeyRole::Story, p, e, s);
    }
    auto stories = level.read(keys, false);
    if (!stories)
        return stories.error();
    found.removeDuplicates(); // (two lists may name one key)
    return found;
}

ListKeyWalk::Reader ListKeyWalk::storeReader(KvStore& store, int batchKeys)
{
    return [&store, batchKeys](const QStringList& keys,
                               bool values) -> Result<QHash<QString, QByteArray>> {
        QHash<QString, QByteArray> out;
        for (qsizetype start = 0; start < keys.size(); start += batchKeys) {
            const qsizetype end = std::min<qsizetype>(keys.size(), start + batchKeys);
            QVector<KvCommand> batch;
            batch.reserve(end - start);
            for (qsizetype i = start; i < end; ++i)
                batch << KvCommand{values ? QByteArrayLiteral("GET") : QByteArrayLiteral("EXISTS"),
                                   keys[i].toUtf8()};
            auto replies = waitFor(store, store.execute(std::move(batch)));
            if (!replies)
                return replies.error();
            if (replies.value().size() != end - start)
                return makeError(QStringLiteral("kv.reply"),
                                 QStringLiteral("%1 answered %2 replies to %3 commands")
                                     .arg(store.describe())
                                     .arg(replies.value().size())
                                     .arg(end - start));
            for (qsizetype i = start; i < end; ++i) {
                const KvReply& r = replies.value()[i - start];
                // (a key of another type answers GET with WRONGTYPE: it exists, names nothing)
                const bool wrongType = r.isError() && r.bytes.startsWith("WRONGTYPE");
                if (r.isError() && !wrongType)
                    return makeError(
                        QStringLiteral("kv.reply"),
                        QStringLiteral("%1 refused reading %2: %3")
                            .arg(store.describe(), keys[i], QString::fromUtf8(r.bytes)));
                if (r.isNil() || (!values && r.integer != 1))
                    continue;
                out.insert(keys[i], r.type == KvReply::Type::String ? r.bytes : QByteArray());
            }
        }
        return out;
    };
}

} // namespace pmkv
