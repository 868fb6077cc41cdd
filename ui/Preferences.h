#pragma once

#include <QString>
#include <QStringList>

namespace tessera::ui {

// The console's settings (QSettings), read and written in one place.
struct Preferences
{
    static constexpr int kDefaultAutoLockMinutes = 10;
    static constexpr int kDefaultExpiryWarningDays = 7;
    static constexpr int kDefaultExpiryCheckMinutes = 60;

    int autoLockMinutes = kDefaultAutoLockMinutes; // 0: never
    QString language;                              // empty: the system's; "en", "es", "de"
    // Personal details are removed from audit records older than this (0: never;
    // engine::AuditRetention applies it at unlock and daily).
    int auditRetentionDays = 0;
    // Printed on access passes and pass sheets; empty: "Library" in the console's language.
    QString libraryName;
    // Marked and staff tokens expiring within this many days are announced
    // (ExpiryAlerts) and listed in Token › Expiring Soon; checked at unlock
    // and every expiryCheckMinutes while unlocked.
    int expiryWarningDays = kDefaultExpiryWarningDays;
    int expiryCheckMinutes = kDefaultExpiryCheckMinutes;

    // The embedded API server (shown only when the build has one).
    bool apiStartAtLaunch = false;
    QString apiAddress = QStringLiteral("127.0.0.1");
    int apiPort = 8200;
    QString apiTlsCertificate; // PEM files; both empty: plain HTTP
    QString apiTlsKey;
    // The patron's sign-in pages served with it (the gate).
    QStringList gateAllowedHosts;   // where signed-in browsers may be sent back to
    bool gateSecureCookies = false; // behind a TLS proxy

    static Preferences load();
    void save() const;
};

} // namespace tessera::ui
