#include "ui/Preferences.h"

#include "engine/AuditRetention.h"
#include "engine/ExpiryWarningService.h"

#include <QSettings>

namespace tessera::ui {

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences p;
    p.autoLockMinutes = qBound(
        0, settings.value(QStringLiteral("lock/idleMinutes"), p.autoLockMinutes).toInt(), 24 * 60);
    p.language = settings.value(QStringLiteral("ui/language")).toString();
    p.auditRetentionDays =
        qBound(0, settings.value(QStringLiteral("audit/retentionDays"), 0).toInt(),
               engine::AuditRetention::kMaxDays);
    p.libraryName = settings.value(QStringLiteral("pass/libraryName")).toString();
    p.expiryWarningDays =
        qBound(1, settings.value(QStringLiteral("expiry/warnDays"), p.expiryWarningDays).toInt(),
               engine::ExpiryWarningService::kMaxDays);
    p.expiryCheckMinutes = qBound(
        1, settings.value(QStringLiteral("expiry/checkMinutes"), p.expiryCheckMinutes).toInt(),
        24 * 60);
    p.apiStartAtLaunch =
        settings.value(QStringLiteral("api/startAtLaunch"), p.apiStartAtLaunch).toBool();
    p.apiAddress = settings.value(QStringLiteral("api/address"), p.apiAddress).toString();
    p.apiPort = settings.value(QStringLiteral("api/port"), p.apiPort).toInt();
    p.apiTlsCertificate = settings.value(QStringLiteral("api/tlsCertificate")).toString();
    p.apiTlsKey = settings.value(QStringLiteral("api/tlsKey")).toString();
    p.gateAllowedHosts = settings.value(QStringLiteral("gate/allowedHosts")).toStringList();
    p.gateSecureCookies =
        settings.value(QStringLiteral("gate/secureCookies"), p.gateSecureCookies).toBool();
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("lock/idleMinutes"), autoLockMinutes);
    settings.setValue(QStringLiteral("ui/language"), language);
    settings.setValue(QStringLiteral("audit/retentionDays"), auditRetentionDays);
    settings.setValue(QStringLiteral("pass/libraryName"), libraryName);
    settings.setValue(QStringLiteral("expiry/warnDays"), expiryWarningDays);
    settings.setValue(QStringLiteral("expiry/checkMinutes"), expiryCheckMinutes);
    settings.setValue(QStringLiteral("api/startAtLaunch"), apiStartAtLaunch);
    settings.setValue(QStringLiteral("api/address"), apiAddress);
    settings.setValue(QStringLiteral("api/port"), apiPort);
    settings.setValue(QStringLiteral("api/tlsCertificate"), apiTlsCertificate);
    settings.setValue(QStringLiteral("api/tlsKey"), apiTlsKey);
    settings.setValue(QStringLiteral("gate/allowedHosts"), gateAllowedHosts);
    settings.setValue(QStringLiteral("gate/secureCookies"), gateSecureCookies);
}

} // namespace tessera::ui
