#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace pmkv {

// A REST connection read from a `.env.local` file: UPSTASH_REDIS_REST_URL / _TOKEN, or the
// Vercel names KV_REST_API_URL / _TOKEN / _READ_ONLY_TOKEN (the Upstash names win when both
// are there). Understands `export NAME=value`, '…' and "…" quoting and # comments. The
// tokens only ever go to the keychain; this class never writes anything.
class EnvFileImport final
{
public:
    static Result<EnvFileImport> read(const QString& path);
    static Result<EnvFileImport> parse(const QByteArray& text, const QString& pathForMessages);

    QString url;
    QByteArray token;
    QByteArray readOnlyToken;
    // The variable names the values came from (for messages and --secret-env).
    QString urlVariable;
    QString tokenVariable;
    QString readOnlyTokenVariable;
};

} // namespace pmkv
