#include "engine/PasswordHash.h"

#include "crypto/ConstantTime.h"
#include "crypto/Kdf.h"
#include "crypto/Random.h"

#include <QList>

namespace tessera::engine {
namespace {

// Bounds for parameters read back from the store: a damaged or tampered record
// must not make a login allocate gigabytes or spin for minutes.
constexpr quint64 kMaxScryptN = quint64(1) << 20;
constexpr quint32 kMaxScryptR = 32;
constexpr quint32 kMaxScryptP = 16;
constexpr int kMaxIterations = 10'000'000;

bool isPowerOfTwo(quint64 value)
{
    return value >= 2 && (value & (value - 1)) == 0;
}

} // namespace

PasswordKdf PasswordKdf::interactive()
{
    return PasswordKdf{};
}

PasswordKdf PasswordKdf::testOnlyCheap()
{
    PasswordKdf kdf;
    kdf.n = 1u << 4;
    return kdf;
}

PasswordKdf PasswordKdf::pbkdf2(int iterations)
{
    PasswordKdf kdf;
    kdf.algorithm = Algorithm::Pbkdf2Sha512;
    kdf.n = 0;
    kdf.r = 0;
    kdf.p = 0;
    kdf.iterations = iterations;
    return kdf;
}

QString PasswordKdf::toString() const
{
    if (algorithm == Algorithm::Pbkdf2Sha512)
        return QStringLiteral("pbkdf2-sha512:%1").arg(iterations);
    return QStringLiteral("scrypt:%1:%2:%3").arg(n).arg(r).arg(p);
}

std::optional<PasswordKdf> PasswordKdf::fromString(QStringView text)
{
    const QList<QStringView> parts = text.split(u':');
    if (parts.size() == 2 && parts[0] == u"pbkdf2-sha512") {
        bool ok = false;
        const int iterations = parts[1].toInt(&ok);
        if (!ok || iterations < 1 || iterations > kMaxIterations)
            return std::nullopt;
        return pbkdf2(iterations);
    }
    if (parts.size() == 4 && parts[0] == u"scrypt") {
        bool okN = false, okR = false, okP = false;
        PasswordKdf kdf;
        kdf.n = parts[1].toULongLong(&okN);
        kdf.r = parts[2].toUInt(&okR);
        kdf.p = parts[3].toUInt(&okP);
        if (!okN || !okR || !okP || !isPowerOfTwo(kdf.n) || kdf.n > kMaxScryptN || kdf.r < 1 ||
            kdf.r > kMaxScryptR || kdf.p < 1 || kdf.p > kMaxScryptP)
            return std::nullopt;
        return kdf;
    }
    return std::nullopt;
}

bool PasswordKdf::isWeakerThan(const PasswordKdf& target) const
{
    if (algorithm != target.algorithm)
        return true;
    if (algorithm == Algorithm::Pbkdf2Sha512)
        return iterations < target.iterations;
    return n * r * p < target.n * target.r * target.p;
}

Result<QByteArray> PasswordKdf::derive(QByteArrayView password, QByteArrayView salt) const
{
    if (algorithm == Algorithm::Pbkdf2Sha512)
        return crypto::pbkdf2Sha512(password, salt, iterations, PasswordHash::kHashSize);
    return crypto::scrypt(password, salt, crypto::ScryptParameters{n, r, p},
                          PasswordHash::kHashSize);
}

Result<PasswordHash> PasswordHash::create(QByteArrayView password, const PasswordKdf& kdf)
{
    PasswordHash result;
    result.salt = crypto::randomBytes(kSaltSize);
    result.kdf = kdf;
    auto hash = kdf.derive(password, result.salt);
    TESSERA_TRY(hash);
    result.hash = std::move(*hash);
    return result;
}

Result<bool> PasswordHash::matches(QByteArrayView password) const
{
    auto candidate = kdf.derive(password, salt);
    TESSERA_TRY(candidate);
    return crypto::constantTimeEquals(*candidate, hash);
}

void PasswordHash::burnTime(QByteArrayView password, const PasswordKdf& kdf)
{
    static const QByteArray dummySalt(kSaltSize, '\x5a');
    auto candidate = kdf.derive(password, dummySalt);
    // The comparison too, against nothing that can match.
    if (candidate.ok())
        (void)crypto::constantTimeEquals(*candidate, QByteArray(kHashSize, '\0'));
}

} // namespace tessera::engine
