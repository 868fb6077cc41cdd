#include "engine/User.h"

#include "engine/Policy.h"

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

QJsonObject User::toJson() const
{
    return settings.toJson(TokenSettings::user());
}

Result<User> User::fromJson(const QString& name, const QJsonObject& fields, const User* existing)
{
    TESSERA_TRY(checkName(name));
    User user = existing ? *existing : User{};
    user.name = normalizedName(name);
    TESSERA_TRY(user.settings.readJson(TokenSettings::user(), fields));
    TESSERA_TRY(user.validate());
    return user;
}

} // namespace tessera::engine
