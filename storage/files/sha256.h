#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pmkv {

// Hex SHA-256 of bytes, as QCryptographicHash makes it. Uses OpenSSL's libcrypto when the
// build found it (SHA extensions: about 7 times Qt 6.4's portable code, which matters when
// 100,000 values are hashed for a plan), QCryptographicHash otherwise.
class Sha256 final
{
public:
    static QByteArray hex(QByteArrayView bytes);
};

} // namespace pmkv
