#include "files/sha256.h"

#include <QCryptographicHash>

#ifdef PMKV_HAVE_OPENSSL_CRYPTO
#include <openssl/evp.h>
#endif

namespace pmkv {

QByteArray Sha256::hex(QByteArrayView bytes)
{
#ifdef PMKV_HAVE_OPENSSL_CRYPTO
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), size_t(bytes.size()), digest, &length, EVP_sha256(), nullptr) == 1)
        return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
#endif
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace pmkv
