#pragma once

#include "core/result.h"

#include <QString>
#include <QUrl>

namespace pmkv {

// Which HTTP proxy a REST store's requests go through, as a profile names it:
// * "system": the desktop's settings (the http(s)_proxy / no_proxy variables, or the
//   desktop's proxy configuration through libproxy); the default;
// * "none": always straight to the server;
// * "http://host:port" (or socks5://host:port): that proxy.
// Loopback addresses never go through a proxy: a proxy elsewhere cannot reach this machine's
// 127.0.0.1, and a local pmkv-proxy must not be sent to a corporate one.
struct RestProxy
{
    enum class Mode { System, None, Manual };

    Mode mode = Mode::System;
    QUrl url; // Manual only

    // "system", "none" or a proxy URL; an empty text is "system". A URL with credentials in
    // it is refused: the profile file is no place for a password.
    static Result<RestProxy> parse(const QString& text);
    // The text parse() reads back.
    QString toString() const;

    friend bool operator==(const RestProxy& a, const RestProxy& b)
    {
        return a.mode == b.mode && a.url == b.url;
    }
};

} // namespace pmkv
