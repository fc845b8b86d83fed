#include "connections/envfileimport.h"

#include <QFile>
#include <QHash>

namespace pmkv {

namespace {

QByteArray unquote(QByteArray value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith('\'')) {
        const qsizetype end = value.indexOf('\'', 1);
        return end > 0 ? value.mid(1, end - 1) : value.mid(1);
    }
    if (value.size() >= 2 && value.startsWith('"')) {
        QByteArray out;
        for (qsizetype i = 1; i < value.size(); ++i) {
            const char c = value.at(i);
            if (c == '"')
                break;
            if (c == '\\' && i + 1 < value.size()) {
                const char next = value.at(++i);
                out.append(next == 'n' ? '\n' : next);
                continue;
            }
            out.append(c);
        }
        return out;
    }
    const qsizetype comment = value.indexOf(" #");
    if (comment >= 0)
        value.truncate(comment);
    return value.trimmed();
}

} // namespace

Result<EnvFileImport> EnvFileImport::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(QStringLiteral("env-file"),
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    return parse(file.readAll(), path);
}

Result<EnvFileImport> EnvFileImport::parse(const QByteArray& text, const QString& path)
{
    QHash<QByteArray, QByteArray> vars;
    const QList<QByteArray> lines = text.split('\n');
    for (QByteArray line : lines) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith("export "))
            line = line.mid(7).trimmed();
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        vars.insert(line.left(eq).trimmed(), unquote(line.mid(eq + 1)));
    }

    EnvFileImport result;
    auto take = [&vars](std::initializer_list<const char*> names, QByteArray& value,
                        QString& from) {
        for (const char* name : names) {
            const QByteArray v = vars.value(name);
            if (!v.isEmpty()) {
                value = v;
                from = QString::fromLatin1(name);
                return;
            }
        }
    };
    QByteArray url;
    take({"UPSTASH_REDIS_REST_URL", "KV_REST_API_URL"}, url, result.urlVariable);
    take({"UPSTASH_REDIS_REST_TOKEN", "KV_REST_API_TOKEN"}, result.token, result.tokenVariable);
    take({"KV_REST_API_READ_ONLY_TOKEN", "UPSTASH_REDIS_REST_READ_ONLY_TOKEN"},
         result.readOnlyToken, result.readOnlyTokenVariable);
    result.url = QString::fromUtf8(url);
    if (result.url.isEmpty()) {
        return makeError(QStringLiteral("env-file"),
                         QStringLiteral("%1 sets neither UPSTASH_REDIS_REST_URL nor "
                                        "KV_REST_API_URL")
                             .arg(path));
    }
    if (result.token.isEmpty() && result.readOnlyToken.isEmpty()) {
        return makeError(QStringLiteral("env-file"),
                         QStringLiteral("%1 sets %2 but no token (UPSTASH_REDIS_REST_TOKEN, "
                                        "KV_REST_API_TOKEN or KV_REST_API_READ_ONLY_TOKEN)")
                             .arg(path, result.urlVariable));
    }
    return result;
}

} // namespace pmkv
