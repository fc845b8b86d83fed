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
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
    // Fetched once: OpenSSL 3 looks the algorithm up on every call given EVP_sha256().
    static const EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
#else
    static const EVP_MD* const sha256 = EVP_sha256();
#endif
    if (sha256 &&
        EVP_Digest(bytes.data(), size_t(bytes.size()), digest, &length, sha256, nullptr) == 1)
        return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
#endif
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace pmkv
