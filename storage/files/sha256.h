#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace pmkv {

// Hex SHA-256 of bytes, as QCryptographicHash makes it. Uses OpenSSL's libcrypto when the
// build found it (SHA extensions: about 7 times Qt 6.4's portable code, which matters when
// 100,000 values are hashed for a plan), QCryptographicHash otherwise.
class Sha256 final
{
public:
    static QByteArray hex(QByteArrayView bytes);

    // The same digest over bytes given piece by piece (no need to hold them all at once).
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void add(QByteArrayView bytes);
    QByteArray hexResult();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace pmkv
