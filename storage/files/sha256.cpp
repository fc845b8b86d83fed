#include "files/sha256.h"

#include <QCryptographicHash>

#ifdef PMKV_HAVE_OPENSSL_CRYPTO
#include <openssl/crypto.h>
#include <openssl/evp.h>
#endif

namespace pmkv {
namespace {

#ifdef PMKV_HAVE_OPENSSL_CRYPTO
// libcrypto frees its per-thread state from an atexit handler; a pool thread that ends after
// it (Qt's pool winds down during exit) then ran libcrypto's thread destructor on freed
// memory and pmkv crashed on its way out (seen under load in tst_syncend2end). Told before
// its first use, at program start, libcrypto leaves that cleanup to the end of the process.
const bool kNoCleanupAtExit = OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) == 1;

const EVP_MD* opensslSha256()
{
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
    // Fetched once: OpenSSL 3 looks the algorithm up on every call given EVP_sha256().
    static const EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
#else
    static const EVP_MD* const sha256 = EVP_sha256();
#endif
    return sha256;
}
#endif

} // namespace

QByteArray Sha256::hex(QByteArrayView bytes)
{
#ifdef PMKV_HAVE_OPENSSL_CRYPTO
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (const EVP_MD* sha256 = opensslSha256();
        sha256 &&
        EVP_Digest(bytes.data(), size_t(bytes.size()), digest, &length, sha256, nullptr) == 1)
        return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
#endif
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

struct Sha256::State
{
#ifdef PMKV_HAVE_OPENSSL_CRYPTO
    EVP_MD_CTX* context = nullptr; // null: libcrypto refused, the Qt hash below is used
#endif
    QCryptographicHash qt{QCryptographicHash::Sha256};
};

Sha256::Sha256() : m_state(std::make_unique<State>())
{
#ifdef PMKV_HAVE_OPENSSL_CRYPTO
    const EVP_MD* sha256 = opensslSha256();
    m_state->context = sha256 ? EVP_MD_CTX_new() : nullptr;
    if (m_state->context && EVP_DigestInit_ex(m_state->context, sha256, nullptr) != 1) {
        EVP_MD_CTX_free(m_state->context);
        m_state->context = nullptr;
    }
#endif
}

Sha256::~Sha256()
{
#ifdef PMKV_HAVE_OPENSSL_CRYPTO
    EVP_MD_CTX_free(m_state->context);
#endif
}

void Sha256::add(QByteArrayView bytes)
{
#ifdef PMKV_HAVE_OPENSSL_CRYPTO
    if (m_state->context) {
        EVP_DigestUpdate(m_state->context, bytes.data(), size_t(bytes.size()));
        return;
    }
#endif
    m_state->qt.addData(bytes);
}

QByteArray Sha256::hexResult()
{
#ifdef PMKV_HAVE_OPENSSL_CRYPTO
    if (m_state->context) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(m_state->context, digest, &length);
        return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
    }
#endif
    return m_state->qt.result().toHex();
}

} // namespace pmkv
