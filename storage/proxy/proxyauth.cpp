#include "proxy/proxyauth.h"

namespace pmkv {

ProxyAuth::ProxyAuth(QByteArrayList fullTokens, QByteArrayList readOnlyTokens)
    : m_full(std::move(fullTokens)), m_readOnly(std::move(readOnlyTokens))
{
    m_full.removeAll(QByteArray());
    m_readOnly.removeAll(QByteArray());
}

QByteArray ProxyAuth::presentedToken(const HttpRequest& request)
{
    const QByteArray auth = request.header("authorization");
    if (auth.size() > 7 && auth.left(7).toLower() == "bearer ")
        return auth.mid(7).trimmed();
    for (const auto& q : request.query) {
        if (q.first == "_token")
            return q.second;
    }
    return {};
}

bool ProxyAuth::matches(const QByteArray& token, const QByteArrayList& list)
{
    bool found = false;
    for (const QByteArray& candidate : list) {
        // Constant time for tokens of the same length.
        unsigned char diff = candidate.size() == token.size() ? 0 : 1;
        const qsizetype n = qMin(candidate.size(), token.size());
        for (qsizetype i = 0; i < n; ++i)
            diff |= static_cast<unsigned char>(candidate.at(i) ^ token.at(i));
        found |= diff == 0;
    }
    return found;
}

ProxyAuth::Access ProxyAuth::check(const HttpRequest& request) const
{
    const QByteArray token = presentedToken(request);
    if (token.isEmpty())
        return Access::Denied;
    if (matches(token, m_full))
        return Access::Full;
    if (matches(token, m_readOnly))
        return Access::ReadOnly;
    return Access::Denied;
}

} // namespace pmkv
