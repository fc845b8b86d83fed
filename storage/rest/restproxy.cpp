#include "rest/restproxy.h"

namespace pmkv {

Result<RestProxy> RestProxy::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    RestProxy proxy;
    if (trimmed.isEmpty() || trimmed.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0)
        return proxy;
    if (trimmed.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        proxy.mode = Mode::None;
        return proxy;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const QString shown = url.adjusted(QUrl::RemoveUserInfo).toString();
    if (!url.isValid() || url.host().isEmpty() || url.port() <= 0 ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("socks5"))) {
        return makeError(QStringLiteral("bad-proxy"),
                         QStringLiteral("\"%1\" is not a proxy setting: give \"system\", "
                                        "\"none\", or an address such as http://proxy:3128 or "
                                        "socks5://proxy:1080")
                             .arg(url.isValid() ? shown : QStringLiteral("?")));
    }
    if (!url.userInfo().isEmpty()) {
        return makeError(QStringLiteral("bad-proxy"),
                         QStringLiteral("the proxy address %1 holds credentials, which would be "
                                        "saved in plain text with the connection; use a proxy "
                                        "without them, or the system setting")
                             .arg(shown));
    }
    if (!url.path().isEmpty() && url.path() != QLatin1String("/")) {
        return makeError(QStringLiteral("bad-proxy"),
                         QStringLiteral("the proxy address %1 has a path; give only "
                                        "scheme://host:port")
                             .arg(shown));
    }
    proxy.mode = Mode::Manual;
    proxy.url = url;
    proxy.url.setPath(QString());
    return proxy;
}

QString RestProxy::toString() const
{
    switch (mode) {
    case Mode::System:
        return QStringLiteral("system");
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Manual:
        return url.toString();
    }
    return QString();
}

} // namespace pmkv
