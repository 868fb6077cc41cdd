#include "crypto/Signature.h"

#include <QJsonValue>
#include <QtGlobal>
#include <array>
#include <cstring>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>
#include <optional>

namespace tessera::crypto {
namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyContextDeleter
{
    void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
struct MdContextDeleter
{
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
struct Pkcs8Deleter
{
    void operator()(PKCS8_PRIV_KEY_INFO* info) const { PKCS8_PRIV_KEY_INFO_free(info); }
};
struct EcdsaSigDeleter
{
    void operator()(ECDSA_SIG* signature) const { ECDSA_SIG_free(signature); }
};
struct BignumDeleter
{
    void operator()(BIGNUM* number) const { BN_free(number); }
};
struct ParamBuildDeleter
{
    void operator()(OSSL_PARAM_BLD* builder) const { OSSL_PARAM_BLD_free(builder); }
};
struct ParamDeleter
{
    void operator()(OSSL_PARAM* parameters) const { OSSL_PARAM_free(parameters); }
};
struct OpenSslDeleter
{
    void operator()(unsigned char* bytes) const { OPENSSL_free(bytes); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using PkeyContextPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyContextDeleter>;
using MdContextPtr = std::unique_ptr<EVP_MD_CTX, MdContextDeleter>;
using BignumPtr = std::unique_ptr<BIGNUM, BignumDeleter>;

// Both JWS forms are 64 bytes: Ed25519 natively, ES256 as raw r|s (RFC 7518 §3.4).
constexpr int kSignatureSize = 64;
constexpr int kCoordinateSize = 32; // Ed25519 public key, P-256 x / y, P-256 r / s
// DER ECDSA-Sig-Value for P-256 is at most 72 bytes.
constexpr size_t kMaxDerSignatureSize = 80;

const unsigned char kEmpty[1] = {0};

const unsigned char* bytesOf(QByteArrayView view)
{
    return view.isEmpty() ? kEmpty : reinterpret_cast<const unsigned char*>(view.data());
}

// Ed25519 hashes inside the algorithm (no separate digest); ES256 signs SHA-256.
const char* digestName(SignatureAlgorithm algorithm)
{
    return algorithm == SignatureAlgorithm::Es256 ? "SHA256" : nullptr;
}

QString algorithmName(SignatureAlgorithm algorithm)
{
    return algorithm == SignatureAlgorithm::Es256 ? QStringLiteral("ES256 (P-256)")
                                                  : QStringLiteral("Ed25519");
}

bool isP256(EVP_PKEY* key)
{
    std::array<char, 64> group{};
    size_t length = 0;
    if (EVP_PKEY_get_group_name(key, group.data(), group.size(), &length) != 1)
        return false;
    return std::strcmp(group.data(), "prime256v1") == 0 || std::strcmp(group.data(), "P-256") == 0;
}

bool hasAlgorithm(EVP_PKEY* key, SignatureAlgorithm algorithm)
{
    switch (algorithm) {
    case SignatureAlgorithm::Ed25519:
        return EVP_PKEY_is_a(key, "ED25519") == 1;
    case SignatureAlgorithm::Es256:
        return EVP_PKEY_is_a(key, "EC") == 1 && isP256(key);
    }
    return false;
}

QByteArray base64Url(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                        QByteArray::OmitTrailingEquals);
}

// Exactly `size` bytes in unpadded base64url, canonically encoded; anything else is refused.
std::optional<QByteArray> decodeCoordinate(const QJsonValue& value, int size)
{
    if (!value.isString())
        return std::nullopt;
    const QByteArray text = value.toString().toUtf8();
    const auto decoded = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != size || base64Url(decoded.decoded) != text)
        return std::nullopt;
    return decoded.decoded;
}

QByteArray paddedBignum(const BIGNUM* number)
{
    QByteArray bytes(kCoordinateSize, Qt::Uninitialized);
    if (BN_bn2binpad(number, reinterpret_cast<unsigned char*>(bytes.data()), kCoordinateSize) !=
        kCoordinateSize)
        return {};
    return bytes;
}

// OpenSSL speaks DER ECDSA-Sig-Value; JWS wants r and s as two 32-byte big-endian numbers.
QByteArray derToRaw(const unsigned char* der, size_t length)
{
    const unsigned char* cursor = der;
    const std::unique_ptr<ECDSA_SIG, EcdsaSigDeleter> signature(
        d2i_ECDSA_SIG(nullptr, &cursor, long(length)));
    if (!signature)
        return {};
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(signature.get(), &r, &s);
    const QByteArray rBytes = paddedBignum(r);
    const QByteArray sBytes = paddedBignum(s);
    if (rBytes.isEmpty() || sBytes.isEmpty())
        return {};
    return rBytes + sBytes;
}

// Writes the DER form of a raw r|s signature into `der`; returns its length, 0 on failure.
size_t rawToDer(QByteArrayView raw, std::array<unsigned char, kMaxDerSignatureSize>& der)
{
    std::unique_ptr<ECDSA_SIG, EcdsaSigDeleter> signature(ECDSA_SIG_new());
    BignumPtr r(BN_bin2bn(bytesOf(raw), kCoordinateSize, nullptr));
    BignumPtr s(BN_bin2bn(bytesOf(raw) + kCoordinateSize, kCoordinateSize, nullptr));
    if (!signature || !r || !s || ECDSA_SIG_set0(signature.get(), r.get(), s.get()) != 1)
        return 0;
    (void)r.release(); // owned by the signature now
    (void)s.release();
    if (i2d_ECDSA_SIG(signature.get(), nullptr) > int(der.size()))
        return 0;
    unsigned char* cursor = der.data();
    const int length = i2d_ECDSA_SIG(signature.get(), &cursor);
    return length > 0 ? size_t(length) : 0;
}

PkeyPtr ed25519FromJwk(const QJsonObject& jwk)
{
    const auto x = decodeCoordinate(jwk.value(QLatin1String("x")), kCoordinateSize);
    if (!x)
        return nullptr;
    return PkeyPtr(EVP_PKEY_new_raw_public_key_ex(nullptr, "ED25519", nullptr, bytesOf(*x),
                                                  size_t(x->size())));
}

PkeyPtr p256FromJwk(const QJsonObject& jwk)
{
    const auto x = decodeCoordinate(jwk.value(QLatin1String("x")), kCoordinateSize);
    const auto y = decodeCoordinate(jwk.value(QLatin1String("y")), kCoordinateSize);
    if (!x || !y)
        return nullptr;
    const QByteArray point = QByteArray(1, '\x04') + *x + *y; // SEC1 uncompressed

    const std::unique_ptr<OSSL_PARAM_BLD, ParamBuildDeleter> builder(OSSL_PARAM_BLD_new());
    if (!builder ||
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1",
                                        0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                         size_t(point.size())) != 1)
        return nullptr;
    const std::unique_ptr<OSSL_PARAM, ParamDeleter> parameters(
        OSSL_PARAM_BLD_to_param(builder.get()));
    const PkeyContextPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY* raw = nullptr;
    if (!parameters || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &raw, EVP_PKEY_PUBLIC_KEY, parameters.get()) != 1)
        return nullptr;
    PkeyPtr key(raw);

    // OpenSSL 3.0's fromdata already refuses points off the curve; checking explicitly
    // keeps that guarantee from depending on a provider's import code.
    const PkeyContextPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return nullptr;
    return key;
}

} // namespace

QString jwsName(SignatureAlgorithm algorithm)
{
    return algorithm == SignatureAlgorithm::Es256 ? QStringLiteral("ES256")
                                                  : QStringLiteral("EdDSA");
}

std::optional<QByteArray> es256SignatureFromDer(QByteArrayView der)
{
    if (der.isEmpty() || size_t(der.size()) > kMaxDerSignatureSize)
        return std::nullopt;
    QByteArray raw = derToRaw(bytesOf(der), size_t(der.size()));
    if (raw.isEmpty() || es256SignatureToDer(raw) != der)
        return std::nullopt;
    return raw;
}

QByteArray es256SignatureToDer(QByteArrayView raw)
{
    if (raw.size() != kSignatureSize)
        return {};
    std::array<unsigned char, kMaxDerSignatureSize> der{};
    const size_t length = rawToDer(raw, der);
    return QByteArray(reinterpret_cast<const char*>(der.data()), qsizetype(length));
}

// ---------------------------------------------------------------------------- SigningKey

struct SigningKey::Key
{
    SignatureAlgorithm algorithm;
    PkeyPtr pkey;
};

struct VerifyingKey::Key
{
    SignatureAlgorithm algorithm;
    PkeyPtr pkey; // public only; never modified after construction, so shared across threads
};

SigningKey::SigningKey(std::unique_ptr<Key> key)
    : m_key(std::move(key))
{}

SigningKey::~SigningKey() = default;
SigningKey::SigningKey(SigningKey&&) noexcept = default;
SigningKey& SigningKey::operator=(SigningKey&&) noexcept = default;

Result<SigningKey> SigningKey::generate(SignatureAlgorithm algorithm)
{
    PkeyPtr pkey(algorithm == SignatureAlgorithm::Es256
                     ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
                     : EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!pkey) {
        ERR_clear_error();
        return Error::internal(
            QStringLiteral("OpenSSL could not generate an %1 key.").arg(algorithmName(algorithm)));
    }
    return SigningKey(std::make_unique<Key>(Key{algorithm, std::move(pkey)}));
}

Result<SigningKey> SigningKey::fromPrivateDer(SignatureAlgorithm algorithm, QByteArrayView der)
{
    const unsigned char* cursor = bytesOf(der);
    const std::unique_ptr<PKCS8_PRIV_KEY_INFO, Pkcs8Deleter> info(
        d2i_PKCS8_PRIV_KEY_INFO(nullptr, &cursor, long(der.size())));
    PkeyPtr pkey(info && cursor == bytesOf(der) + der.size() ? EVP_PKCS82PKEY(info.get())
                                                             : nullptr);
    if (!pkey || !hasAlgorithm(pkey.get(), algorithm)) {
        ERR_clear_error();
        return Error::invalid(QStringLiteral("The private key is not a PKCS#8 %1 key.")
                                  .arg(algorithmName(algorithm)));
    }
    return SigningKey(std::make_unique<Key>(Key{algorithm, std::move(pkey)}));
}

SignatureAlgorithm SigningKey::algorithm() const
{
    Q_ASSERT_X(m_key, "SigningKey::algorithm", "used after move");
    return m_key->algorithm;
}

QByteArray SigningKey::privateDer() const
{
    Q_ASSERT_X(m_key, "SigningKey::privateDer", "used after move");
    const std::unique_ptr<PKCS8_PRIV_KEY_INFO, Pkcs8Deleter> info(
        EVP_PKEY2PKCS8(m_key->pkey.get()));
    unsigned char* der = nullptr;
    const int length = info ? i2d_PKCS8_PRIV_KEY_INFO(info.get(), &der) : 0;
    const std::unique_ptr<unsigned char, OpenSslDeleter> owner(der);
    if (length <= 0)
        qFatal("OpenSSL could not encode a private key as PKCS#8.");
    QByteArray bytes(reinterpret_cast<const char*>(der), length);
    OPENSSL_cleanse(der, size_t(length));
    return bytes;
}

Result<QByteArray> SigningKey::sign(QByteArrayView message) const
{
    Q_ASSERT_X(m_key, "SigningKey::sign", "used after move");
    const MdContextPtr context(EVP_MD_CTX_new());
    std::array<unsigned char, kMaxDerSignatureSize> signature{};
    size_t length = signature.size();
    if (!context ||
        EVP_DigestSignInit_ex(context.get(), nullptr, digestName(m_key->algorithm), nullptr,
                              nullptr, m_key->pkey.get(), nullptr) != 1 ||
        EVP_DigestSign(context.get(), signature.data(), &length, bytesOf(message),
                       size_t(message.size())) != 1) {
        ERR_clear_error();
        return Error::internal(QStringLiteral("OpenSSL could not sign with an %1 key.")
                                   .arg(algorithmName(m_key->algorithm)));
    }
    if (m_key->algorithm == SignatureAlgorithm::Ed25519)
        return QByteArray(reinterpret_cast<const char*>(signature.data()), qsizetype(length));
    QByteArray raw = derToRaw(signature.data(), length);
    if (raw.size() != kSignatureSize)
        return Error::internal(QStringLiteral("OpenSSL produced a malformed ES256 signature."));
    return raw;
}

VerifyingKey SigningKey::verifyingKey() const
{
    Q_ASSERT_X(m_key, "SigningKey::verifyingKey", "used after move");
    // A round trip through SubjectPublicKeyInfo leaves a key without the private part,
    // so verifiers never hold a copy of the secret.
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(m_key->pkey.get(), &der);
    const std::unique_ptr<unsigned char, OpenSslDeleter> owner(der);
    const unsigned char* cursor = der;
    PkeyPtr pkey(length > 0 ? d2i_PUBKEY(nullptr, &cursor, length) : nullptr);
    if (!pkey)
        qFatal("OpenSSL could not extract a public key.");
    return VerifyingKey(
        std::make_shared<VerifyingKey::Key>(VerifyingKey::Key{m_key->algorithm, std::move(pkey)}));
}

// -------------------------------------------------------------------------- VerifyingKey

VerifyingKey::VerifyingKey(std::shared_ptr<Key> key)
    : m_key(std::move(key))
{}

VerifyingKey::~VerifyingKey() = default;
VerifyingKey::VerifyingKey(VerifyingKey&&) noexcept = default;
VerifyingKey& VerifyingKey::operator=(VerifyingKey&&) noexcept = default;
VerifyingKey::VerifyingKey(const VerifyingKey&) = default;
VerifyingKey& VerifyingKey::operator=(const VerifyingKey&) = default;

Result<VerifyingKey> VerifyingKey::fromJwk(const QJsonObject& jwk)
{
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    const QString crv = jwk.value(QLatin1String("crv")).toString();
    SignatureAlgorithm algorithm;
    PkeyPtr pkey;
    if (kty == QLatin1String("OKP") && crv == QLatin1String("Ed25519")) {
        algorithm = SignatureAlgorithm::Ed25519;
        pkey = ed25519FromJwk(jwk);
    } else if (kty == QLatin1String("EC") && crv == QLatin1String("P-256")) {
        algorithm = SignatureAlgorithm::Es256;
        pkey = p256FromJwk(jwk);
    } else {
        return Error::invalid(
            QStringLiteral("The JWK is neither an OKP Ed25519 nor an EC P-256 public key."));
    }
    if (!pkey) {
        ERR_clear_error();
        return Error::invalid(QStringLiteral("The JWK does not hold a valid %1 public key.")
                                  .arg(algorithmName(algorithm)));
    }
    // An "alg" naming another algorithm than the key's is the start of algorithm confusion.
    const QJsonValue alg = jwk.value(QLatin1String("alg"));
    if (!alg.isUndefined() && alg.toString() != jwsName(algorithm))
        return Error::invalid(QStringLiteral("The JWK's alg does not match its key type."));
    return VerifyingKey(std::make_shared<Key>(Key{algorithm, std::move(pkey)}));
}

SignatureAlgorithm VerifyingKey::algorithm() const
{
    Q_ASSERT_X(m_key, "VerifyingKey::algorithm", "used after move");
    return m_key->algorithm;
}

bool VerifyingKey::verify(QByteArrayView message, QByteArrayView signature) const
{
    if (!m_key || signature.size() != kSignatureSize)
        return false;

    std::array<unsigned char, kMaxDerSignatureSize> der{};
    const unsigned char* signatureBytes = bytesOf(signature);
    size_t signatureLength = kSignatureSize;
    if (m_key->algorithm == SignatureAlgorithm::Es256) {
        signatureLength = rawToDer(signature, der);
        signatureBytes = der.data();
        if (signatureLength == 0)
            return false;
    }
    // A fresh context per call: the shared EVP_PKEY is only read, so threads never collide.
    const MdContextPtr context(EVP_MD_CTX_new());
    const bool valid = context &&
                       EVP_DigestVerifyInit_ex(context.get(), nullptr, digestName(m_key->algorithm),
                                               nullptr, nullptr, m_key->pkey.get(), nullptr) == 1 &&
                       EVP_DigestVerify(context.get(), signatureBytes, signatureLength,
                                        bytesOf(message), size_t(message.size())) == 1;
    if (!valid)
        ERR_clear_error();
    return valid;
}

QJsonObject VerifyingKey::jwk() const
{
    Q_ASSERT_X(m_key, "VerifyingKey::jwk", "used after move");
    EVP_PKEY* const pkey = m_key->pkey.get();
    if (m_key->algorithm == SignatureAlgorithm::Ed25519) {
        std::array<unsigned char, kCoordinateSize> x{};
        size_t length = x.size();
        if (EVP_PKEY_get_raw_public_key(pkey, x.data(), &length) != 1 || length != x.size())
            qFatal("OpenSSL could not export an Ed25519 public key.");
        return QJsonObject{
            {QLatin1String("kty"), QLatin1String("OKP")},
            {QLatin1String("crv"), QLatin1String("Ed25519")},
            {QLatin1String("x"), QString::fromLatin1(base64Url(QByteArrayView(x)))},
        };
    }
    BIGNUM* x = nullptr;
    BIGNUM* y = nullptr;
    const bool exported = EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_EC_PUB_X, &x) == 1 &&
                          EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, &y) == 1;
    const BignumPtr xOwner(x);
    const BignumPtr yOwner(y);
    const QByteArray xBytes = exported ? paddedBignum(x) : QByteArray();
    const QByteArray yBytes = exported ? paddedBignum(y) : QByteArray();
    if (xBytes.isEmpty() || yBytes.isEmpty())
        qFatal("OpenSSL could not export a P-256 public key.");
    return QJsonObject{
        {QLatin1String("kty"), QLatin1String("EC")},
        {QLatin1String("crv"), QLatin1String("P-256")},
        {QLatin1String("x"), QString::fromLatin1(base64Url(xBytes))},
        {QLatin1String("y"), QString::fromLatin1(base64Url(yBytes))},
    };
}

} // namespace tessera::crypto
