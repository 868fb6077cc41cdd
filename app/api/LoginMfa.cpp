#include "api/LoginMfa.h"

#include "engine/UserpassService.h"

#include <QJsonArray>

namespace tessera::api {
namespace {

const QString kTotp = QStringLiteral("totp");
const QString kPasscodePrefix = QStringLiteral("passcode=");

QString withoutPrefix(QString passcode)
{
    if (passcode.startsWith(kPasscodePrefix))
        passcode.remove(0, kPasscodePrefix.size());
    return passcode;
}

} // namespace

Result<std::optional<QString>> LoginMfa::passcodeFromHeader(const QByteArray& header)
{
    if (header.isEmpty())
        return std::optional<QString>{};
    const QString text = QString::fromUtf8(header).trimmed();
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0 || text.left(colon) != kTotp)
        return Error::invalid(QStringLiteral(
            "X-Vault-MFA must be \"totp:<passcode>\": totp is the only login MFA method"));
    const QString passcode = withoutPrefix(text.mid(colon + 1).trimmed());
    if (passcode.isEmpty())
        return Error::invalid(QStringLiteral("X-Vault-MFA carries no passcode for totp"));
    return std::optional<QString>(passcode);
}

Result<QString> LoginMfa::passcodeFromPayload(const QJsonValue& payload)
{
    if (!payload.isObject())
        return Error::invalid(QStringLiteral("missing mfa_payload"));
    const QJsonObject methods = payload.toObject();
    for (auto it = methods.begin(); it != methods.end(); ++it) {
        if (it.key() != kTotp)
            return Error::invalid(
                QStringLiteral("mfa_payload names an unknown MFA method; the only one is totp"));
    }
    const QJsonArray passcodes = methods.value(kTotp).toArray();
    if (passcodes.size() != 1 || !passcodes.first().isString())
        return Error::invalid(
            QStringLiteral("mfa_payload must carry one passcode for totp: {\"totp\": [\"...\"]}"));
    return withoutPrefix(passcodes.first().toString().trimmed());
}

QJsonObject LoginMfa::requirementAuth(const engine::MfaRequirement& requirement)
{
    QJsonObject constraints;
    for (const QString& method : requirement.methods) {
        const QJsonObject id{{QStringLiteral("type"), method},
                             {QStringLiteral("id"), method},
                             {QStringLiteral("name"), method},
                             {QStringLiteral("uses_passcode"), true}};
        constraints.insert(method, QJsonObject{{QStringLiteral("any"), QJsonArray{id}}});
    }
    return {{QStringLiteral("client_token"), QString()},
            {QStringLiteral("accessor"), QString()},
            {QStringLiteral("policies"), QJsonValue::Null},
            {QStringLiteral("token_policies"), QJsonValue::Null},
            {QStringLiteral("metadata"), QJsonValue::Null},
            {QStringLiteral("lease_duration"), 0},
            {QStringLiteral("renewable"), false},
            {QStringLiteral("entity_id"), QString()},
            {QStringLiteral("token_type"), QString()},
            {QStringLiteral("orphan"), false},
            {QStringLiteral("mfa_requirement"),
             QJsonObject{{QStringLiteral("mfa_request_id"), requirement.requestId},
                         {QStringLiteral("mfa_constraints"), constraints}}},
            {QStringLiteral("num_uses"), 0}};
}

QString LoginMfa::requirementWarning()
{
    return QStringLiteral("This login needs a second factor: send the passcode with the "
                          "mfa_request_id to sys/mfa/validate to receive the token.");
}

} // namespace tessera::api
