#pragma once

#include "rest/restproxy.h"

#include <QNetworkProxyFactory>

namespace pmkv {

// The proxies of one REST store's QNetworkAccessManager, from the profile's choice (see
// RestProxy). Per store, not process-wide: two connections may choose differently.
class RestProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit RestProxyFactory(RestProxy choice);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override;

    static bool isLoopback(const QString& host);

private:
    RestProxy m_choice;
};

} // namespace pmkv
