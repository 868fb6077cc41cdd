#include "engine/User.h"

#include "engine/Policy.h"

#include <QJsonObject>
#include <QJsonValue>

namespace tessera::engine {

Status User::checkName(QStringView name)
{
    if (!Policy::isValidName(name))
        return Error::invalid(QStringLiteral("A user name must be %1.").arg(Policy::nameRule()));
    return {};
}

QString User::aclPath(const QString& name)
{
    return QStringLiteral("auth/userpass/users/") + name;
}

QString User::normalizedName(QStringView name)
{
    return name.toString().toLower();
}

Status User::checkPassword(QStringView password)
{
    if (password.isEmpty())
        return Error::invalid(QStringLiteral("The password must not be empty."));
    if (password.toUtf8().size() > kMaxPasswordBytes)
        return Error::invalid(
            QStringLiteral("The password must be at most %1 bytes long.").arg(kMaxPasswordBytes));
    return {};
}

Status User::validate() const
{
    TESSERA_TRY(checkName(name));
    if (name != normalizedName(name))
        return Error::invalid(QStringLiteral("User names are stored in lower case."));
    return settings.validate(TokenSettings::user());
}

namespace {

const QString kSecondFactorRequired = QStringLiteral("second_factor_required");
const QString kMetadata = QStringLiteral("metadata");
const QString kUserVerification = QStringLiteral("webauthn_user_verification");

Result<SecondFactorRequired> readSecondFactorRequired(const QJsonValue& value)
{
    if (const auto required = SecondFactorRule::fromName(value.toString());
        value.isString() && required)
        return *required;
    return Error::invalid(
        QStringLiteral("%1 must be one of \"%2\"")
            .arg(kSecondFactorRequired, SecondFactorRule::names().join(QStringLiteral("\", \""))));
}

} // namespace

QString User::userVerificationName(bool required)
{
    return required ? QStringLiteral("required") : QStringLiteral("preferred");
}

QJsonObject User::toJson() const
{
    QJsonObject json = settings.toJson(TokenSettings::user());
    json.insert(kSecondFactorRequired, SecondFactorRule::name(secondFactorRequired));
    json.insert(kUserVerification, userVerificationName(keyUserVerification));
    if (!metadata.isEmpty()) {
        QJsonObject meta;
        for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it)
            meta.insert(it.key(), it.value());
        json.insert(kMetadata, meta);
    }
    return json;
}

Result<User> User::fromJson(const QString& name, const QJsonObject& fields, const User* existing)
{
    TESSERA_TRY(checkName(name));
    User user = existing ? *existing : User{};
    user.name = normalizedName(name);
    TESSERA_TRY(user.settings.readJson(TokenSettings::user(), fields));
    if (const auto required = fields.constFind(kSecondFactorRequired);
        required != fields.constEnd()) {
        auto read = readSecondFactorRequired(*required);
        TESSERA_TRY(read);
        user.secondFactorRequired = *read;
    }
    if (const auto verification = fields.constFind(kUserVerification);
        verification != fields.constEnd()) {
        if (*verification != userVerificationName(true) &&
            *verification != userVerificationName(false))
            return Error::invalid(
                QStringLiteral("%1 must be \"preferred\" or \"required\"").arg(kUserVerification));
        user.keyUserVerification = *verification == userVerificationName(true);
    }
    if (const auto meta = fields.constFind(kMetadata); meta != fields.constEnd()) {
        if (!meta->isObject())
            return Error::invalid(QStringLiteral("metadata must be an object of strings."));
        user.metadata.clear();
        const QJsonObject object = meta->toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!it.value().isString())
                return Error::invalid(QStringLiteral("metadata must be an object of strings."));
            user.metadata.insert(it.key(), it.value().toString());
        }
    }
    TESSERA_TRY(user.validate());
    return user;
}

} // namespace tessera::engine
