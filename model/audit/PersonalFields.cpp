#include "audit/PersonalFields.h"

#include "audit/CanonicalJson.h"
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
constexpr std::array<std::u16string_view, 33> kPublicDetails{
    u"algorithm",
    u"before",
    u"client_id",
    u"converted",
    u"created",
    u"created_after",
    u"created_before",
    u"exp",
    u"failed_attempts",
    u"format",
    u"jti",
    u"key",
    u"kid",
    u"locked_until",
    u"matched",
    u"method",
    u"orphaned",
    u"pages",
    u"parent",
    u"password_changed",
    u"policies",
    u"policy",
    u"previous_head",
    u"reason",
    u"records",
    u"redacted",
    u"revoked",
    u"role",
    u"skipped",
    u"ttl",
    u"type",
    u"updated",
    u"uses_left",
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
    CanonicalJson::Parts parts = CanonicalJson::split(details, &isPublicDetail);
    split.publicDetails = std::move(parts.kept);
    const QByteArray& personalDetails = parts.rest;
    const bool personalClient = split.publicClient.size() != client.size();
    const bool hasPersonalDetails = personalDetails.size() > 2; // not "{}"
    split.readsBackEqual = parts.keptExact && (!hasPersonalDetails || parts.restExact);
    if (!personalClient && !hasPersonalDetails)
        return split;
    // The object {"client": …, "details": …}, its keys in canonical order.
    split.personal.append('{');
    if (personalClient) {
        split.personal.append(R"("client":)");
        split.personal.append(CanonicalJson::write(QJsonValue(client)));
        split.readsBackEqual = split.readsBackEqual && client.isValidUtf16();
    }
    if (personalClient && hasPersonalDetails)
        split.personal.append(',');
    if (hasPersonalDetails) {
        split.personal.append(R"("details":)");
        split.personal.append(personalDetails);
    }
    split.personal.append('}');
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
