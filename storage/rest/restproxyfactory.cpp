#include "rest/restproxyfactory.h"

#include <QHostAddress>

namespace pmkv {

RestProxyFactory::RestProxyFactory(RestProxy choice) : m_choice(std::move(choice)) {}

bool RestProxyFactory::isLoopback(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QList<QNetworkProxy> RestProxyFactory::queryProxy(const QNetworkProxyQuery& query)
{
    const QList<QNetworkProxy> direct{QNetworkProxy(QNetworkProxy::NoProxy)};
    if (m_choice.mode == RestProxy::Mode::None || isLoopback(query.peerHostName()))
        return direct;
    if (m_choice.mode == RestProxy::Mode::Manual) {
        const bool socks =
            m_choice.url.scheme().compare(QLatin1String("socks5"), Qt::CaseInsensitive) == 0;
        return {QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy,
                              m_choice.url.host(), quint16(m_choice.url.port()))};
    }
    const QList<QNetworkProxy> system = systemProxyForQuery(query);
    return system.isEmpty() ? direct : system;
}

} // namespace pmkv
