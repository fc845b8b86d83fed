#pragma once

#include "proxy/httprequest.h"

#include <QByteArrayList>

namespace pmkv {

// Who may call the proxy: full tokens and read-only tokens (several of each). A token comes
// from `Authorization: Bearer <token>` or the `_token` query parameter. Comparison takes the
// same time whatever the token, and tokens never reach a log or a message.
class ProxyAuth final
{
public:
    enum class Access { Denied, ReadOnly, Full };

    ProxyAuth() = default;
    ProxyAuth(QByteArrayList fullTokens, QByteArrayList readOnlyTokens);

    Access check(const HttpRequest& request) const;
    bool hasTokens() const { return !m_full.isEmpty() || !m_readOnly.isEmpty(); }

    // The token a request presents (Bearer first, then ?_token=), empty when none.
    static QByteArray presentedToken(const HttpRequest& request);

private:
    static bool matches(const QByteArray& token, const QByteArrayList& list);

    QByteArrayList m_full;
    QByteArrayList m_readOnly;
};

} // namespace pmkv
