#include "engine/Totp.h"

#include "crypto/ConstantTime.h"
#include "crypto/HmacSha1.h"
#include "crypto/Random.h"
#include "engine/Base32.h"

#include <QUrl>
#include <QtEndian>
#include <array>

namespace tessera::engine {

qint64 Totp::stepAt(qint64 unixSeconds)
{
    return unixSeconds / kStepSeconds;
}

QString Totp::code(QByteArrayView secret, qint64 step, int digits)
{
    Q_ASSERT(digits >= 6 && digits <= 8);
    std::array<char, 8> counter{};
    qToBigEndian(quint64(step), counter.data());
    const QByteArray mac =
        crypto::HmacSha1::mac(secret, QByteArrayView(counter.data(), qsizetype(counter.size())));
    // RFC 4226 §5.3, dynamic truncation: the low nibble of the last byte picks
    // four bytes, read big-endian without their top bit.
    const int offset = static_cast<unsigned char>(mac.back()) & 0x0f;
    const quint32 binary = (quint32(static_cast<unsigned char>(mac[offset]) & 0x7f) << 24) |
                           (quint32(static_cast<unsigned char>(mac[offset + 1])) << 16) |
                           (quint32(static_cast<unsigned char>(mac[offset + 2])) << 8) |
                           quint32(static_cast<unsigned char>(mac[offset + 3]));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

bool Totp::isWellFormed(QStringView code)
{
    if (code.size() != kDigits)
        return false;
    for (const QChar c : code) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

std::optional<qint64> Totp::acceptedStep(QByteArrayView secret, QStringView passcode, qint64 now,
                                         qint64 lastAcceptedStep)
{
    if (!isWellFormed(passcode))
        return std::nullopt;
    const QByteArray given = passcode.toLatin1();
    const qint64 current = stepAt(now);
    std::optional<qint64> accepted;
    // Every step of the window is computed, matched or not, so the answer
    // takes as long whichever step (if any) the code belongs to.
    for (qint64 step = current - kDriftSteps; step <= current + kDriftSteps; ++step) {
        const bool matches = crypto::constantTimeEquals(code(secret, step).toLatin1(), given);
        if (matches && step > lastAcceptedStep)
            accepted = step;
    }
    return accepted;
}

QByteArray Totp::newSecret()
{
    return crypto::randomBytes(kSecretBytes);
}

QString Totp::otpauthUri(const QString& user, QByteArrayView secret)
{
    const QString label = kIssuer + QLatin1Char(':') + user;
    return QStringLiteral("otpauth://totp/%1?secret=%2&issuer=%3")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(label, ":")), base32Encode(secret),
             QString::fromLatin1(QUrl::toPercentEncoding(kIssuer)));
}

} // namespace tessera::engine
