#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace tessera::audit {

// Which parts of an audit record are personal: what a library must be able to
// remove once it no longer needs it (who a patron is, what they read, where
// from), while the record itself, its order and its chain MAC stay.
//
// - The client's address: "api:192.0.2.7" is personal, its kind ("api") is
//   not. Clients without an address ("console", "cli", "expiry") are public.
// - Every detail whose key is not on the public list below (policy and role
//   names, token types, TTLs, counts, accessors, outcomes' reasons). Display
//   names, metadata (patron ids, card numbers), user names, paths, subjects,
//   tags of refused tokens, error texts and any key not listed are personal:
//   a new kind of detail is private until declared public here.
//
// Under chain rule 2 the MAC covers the public parts and a digest of the
// personal ones: SHA-256(salt | personal), with 16 random bytes of salt per
// record stored beside the personal part and removed with it, so that the
// digest of a short card number cannot be brute-forced once the details are
// gone (docs/ARCHITECTURE.md, «The audit log»).
class PersonalFields
{
public:
    static constexpr int kSaltSize = 16;

    // A record's client and details as stored: canonical JSON (CanonicalJson).
    struct Split
    {
        QString publicClient;
        QByteArray publicDetails; // an object of the public details ("{}": none)
        // {"client": full client, "details": {personal details}}, each only
        // when there is something; empty when the record holds nothing personal.
        QByteArray personal;
        bool readsBackEqual = true; // as CanonicalJson::write() tells
    };

    // Written straight from `details`, without building the two objects first:
    // every audit record goes through here (a third of a bulk create's cost
    // when it built them).
    static Split split(const QString& client, const QJsonObject& details);
    // Puts a record's personal part (as split() made it) back.
    static void merge(const QJsonObject& personal, QString& client, QJsonObject& details);

    static bool isPublicDetail(const QString& key);
    // "api:192.0.2.7" -> "api"; "console" -> "console".
    static QString publicClient(const QString& client);
    // The same on stored UTF-8, without allocating.
    static QByteArrayView publicClient(QByteArrayView client);

    // SHA-256(salt | personal) into `out` (32 bytes).
    static void digestInto(QByteArrayView salt, QByteArrayView personal, char* out);
    // What the chain covers for a record without personal parts: 32 zero bytes.
    static QByteArrayView noPersonalDigest();
};

} // namespace tessera::audit
