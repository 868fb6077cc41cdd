#include "audit/PersonalFields.h"

#include "crypto/Sha256.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace tessera::audit {
namespace {

const QString kClientKey = QStringLiteral("client");
const QString kDetailsKey = QStringLiteral("details");

// Sorted, for binary search. Keys the engine writes whose values name no
// person: policy and role names, token settings, counts, accessors, key ids.
constexpr std::array<std::u16string_view, 28> kPublicDetails{
    u"algorithm",     u"before",
    u"client_id",     u"converted",
    u"exp",           u"failed_attempts",
    u"format",        u"jti",
    u"key",           u"kid",
    u"locked_until",  u"method",
    u"orphaned",      u"pages",
    u"parent",        u"password_changed",
    u"policies",      u"policy",
    u"previous_head", u"reason",
    u"records",       u"redacted",
    u"revoked",       u"role",
    u"skipped",       u"ttl",
    u"type",          u"uses_left",
};
static_assert(std::is_sorted(kPublicDetails.begin(), kPublicDetails.end()));

} // namespace

bool PersonalFields::isPublicDetail(const QString& key)
{
    const std::u16string_view view(reinterpret_cast<const char16_t*>(key.utf16()),
                                   std::size_t(key.size()));
    return std::binary_search(kPublicDetails.begin(), kPublicDetails.end(), view);
}

QString PersonalFields::publicClient(const QString& client)
{
    const qsizetype colon = client.indexOf(u':');
    return colon < 0 ? client : client.left(colon);
}

QByteArrayView PersonalFields::publicClient(QByteArrayView client)
{
    const qsizetype colon = client.indexOf(':');
    return colon < 0 ? client : client.first(colon);
}

PersonalFields::Split PersonalFields::split(const QString& client, const QJsonObject& details)
{
    Split split;
    split.publicClient = publicClient(client);
    if (split.publicClient.size() != client.size())
        split.personal.insert(kClientKey, client);
    QJsonObject personalDetails;
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        if (isPublicDetail(it.key()))
            split.publicDetails.insert(it.key(), it.value());
        else
            personalDetails.insert(it.key(), it.value());
    }
    if (!personalDetails.isEmpty())
        split.personal.insert(kDetailsKey, personalDetails);
    return split;
}

void PersonalFields::merge(const QJsonObject& personal, QString& client, QJsonObject& details)
{
    if (const QJsonValue full = personal.value(kClientKey); full.isString())
        client = full.toString();
    const QJsonObject personalDetails = personal.value(kDetailsKey).toObject();
    for (auto it = personalDetails.constBegin(); it != personalDetails.constEnd(); ++it)
        details.insert(it.key(), it.value());
}

void PersonalFields::digestInto(QByteArrayView salt, QByteArrayView personal, char* out)
{
    crypto::Sha256::digestInto({salt, personal}, out);
}

QByteArrayView PersonalFields::noPersonalDigest()
{
    static constexpr char kZeros[crypto::Sha256::kSize] = {};
    return QByteArrayView(kZeros, sizeof kZeros);
}

} // namespace tessera::audit
