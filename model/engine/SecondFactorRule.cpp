#include "engine/SecondFactorRule.h"

#include <array>

namespace tessera::engine {
namespace {

const QString kTotp = QStringLiteral("totp");
const QString kWebAuthn = QStringLiteral("webauthn");

struct Named
{
    SecondFactorRequired required;
    QStringView name;
};

constexpr std::array<Named, 4> kNames{{
    {SecondFactorRequired::None, u"none"},
    {SecondFactorRequired::Totp, u"totp"},
    {SecondFactorRequired::WebAuthn, u"webauthn"},
    {SecondFactorRequired::Either, u"either"},
}};

} // namespace

QStringList SecondFactorRule::offered(SecondFactorRequired required, const Enrolled& enrolled)
{
    const bool totp = enrolled.totp && required != SecondFactorRequired::WebAuthn;
    const bool key = enrolled.securityKey && required != SecondFactorRequired::Totp;
    QStringList methods;
    if (totp)
        methods.append(kTotp);
    if (key)
        methods.append(kWebAuthn);
    return methods;
}

bool SecondFactorRule::isMet(SecondFactorRequired required, const Enrolled& enrolled)
{
    return required == SecondFactorRequired::None || !offered(required, enrolled).isEmpty();
}

QString SecondFactorRule::name(SecondFactorRequired required)
{
    for (const Named& named : kNames)
        if (named.required == required)
            return named.name.toString();
    return {};
}

std::optional<SecondFactorRequired> SecondFactorRule::fromName(QStringView name)
{
    for (const Named& named : kNames)
        if (named.name == name)
            return named.required;
    return std::nullopt;
}

QStringList SecondFactorRule::names()
{
    QStringList list;
    for (const Named& named : kNames)
        list.append(named.name.toString());
    return list;
}

} // namespace tessera::engine
