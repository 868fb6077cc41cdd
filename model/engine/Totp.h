#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <optional>

namespace tessera::engine {

// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), as phone
// authenticator apps compute them; pure functions, no store.
//
// * HMAC-SHA1 of the 8-byte big-endian time step, dynamic truncation, the last
//   kDigits decimal digits (6);
// * a step is kStepSeconds (30) from the Unix epoch;
// * a code is accepted for the current step and kDriftSteps (1) on either side
//   (a phone clock up to 30 s off, or a code typed as it changed); two steps
//   off is refused;
// * each code is accepted once: only steps after the last accepted one count,
//   so a code seen over a shoulder or replayed from a log is refused even
//   within its 90 seconds;
// * secrets are kSecretBytes (20, RFC 4226's recommendation) from the CSPRNG,
//   shown to the user as unpadded Base32.
class Totp
{
public:
    static constexpr qint64 kStepSeconds = 30;
    static constexpr int kDigits = 6;
    static constexpr int kDriftSteps = 1;
    static constexpr int kSecretBytes = 20;
    // What apps show the code under, and the label's prefix: "Tessera:<user>".
    static inline const QString kIssuer = QStringLiteral("Tessera");

    static qint64 stepAt(qint64 unixSeconds);
    // The code of `step`, `digits` (6 to 8) digits with leading zeros.
    static QString code(QByteArrayView secret, qint64 step, int digits = kDigits);
    // Exactly kDigits ASCII digits.
    static bool isWellFormed(QStringView code);
    // The step `passcode` belongs to, among the steps within kDriftSteps of `now`
    // that are later than `lastAcceptedStep` (0: none yet); nullopt when it
    // belongs to none. The latest matching step wins.
    static std::optional<qint64> acceptedStep(QByteArrayView secret, QStringView passcode,
                                              qint64 now, qint64 lastAcceptedStep);
    // A new secret from the project's CSPRNG.
    static QByteArray newSecret();
    // otpauth://totp/Tessera:<user>?secret=<base32>&issuer=Tessera (the Key
    // Uri Format apps read from QR codes; SHA-1, 6 digits and 30 s are its
    // defaults, so they are not spelled out).
    static QString otpauthUri(const QString& user, QByteArrayView secret);
};

} // namespace tessera::engine
