#include "engine/BatchTokenCodec.h"

#include "crypto/Aead.h"

namespace tessera::engine {
namespace {

constexpr int kHeaderSize = 2; // version, key id length
constexpr int kMaxKidLength = 32;
// Far beyond any real time or TTL (year 36812), small enough that
// createdAt + ttl can never overflow.
constexpr qint64 kMaxSeconds = qint64(1) << 40;

Error malformed()
{
    return Error::invalid(QStringLiteral("The batch token is malformed."));
}

// --- writing ---------------------------------------------------------------

void putVarint(QByteArray& out, quint64 value)
{
    while (value >= 0x80) {
        out.append(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(static_cast<char>(value));
}

void putString(QByteArray& out, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    putVarint(out, static_cast<quint64>(utf8.size()));
    out.append(utf8);
}

QByteArray serialize(const BatchTokenPayload& payload)
{
    QByteArray out;
    out.reserve(64 + payload.parentAccessor.size() + payload.displayName.size() +
                payload.role.size() + 16 * (payload.policies.size() + payload.meta.size()));
    putVarint(out, static_cast<quint64>(payload.createdAt));
    putVarint(out, static_cast<quint64>(payload.ttl));
    putString(out, payload.parentAccessor);
    putString(out, payload.displayName);
    putString(out, payload.role);
    putVarint(out, static_cast<quint64>(payload.policies.size()));
    for (const QString& policy : payload.policies)
        putString(out, policy);
    putVarint(out, static_cast<quint64>(payload.meta.size()));
    for (auto it = payload.meta.cbegin(); it != payload.meta.cend(); ++it) {
        putString(out, it.key());
        putString(out, it.value());
    }
    return out;
}

// --- reading ----------------------------------------------------------------

// Reads the plaintext. It was authenticated before we get here, but it is still
// parsed as if hostile: a key leak or a bug elsewhere must not become a crash.
class Reader
{
public:
    explicit Reader(QByteArrayView data)
        : m_pos(data.data())
        , m_end(data.data() + data.size())
    {}

    bool failed() const { return m_failed; }
    bool atEnd() const { return m_pos == m_end; }

    quint64 varint()
    {
        quint64 value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_pos == m_end)
                return fail();
            const auto byte = static_cast<quint8>(*m_pos++);
            // The tenth byte may only hold bit 63.
            if (shift == 63 && byte > 1)
                return fail();
            value |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return value;
        }
        return fail();
    }

    qint64 seconds()
    {
        const quint64 value = varint();
        if (value > quint64(kMaxSeconds))
            return fail();
        return static_cast<qint64>(value);
    }

    // A count of items each taking at least one byte: never more than what is left.
    qsizetype count()
    {
        const quint64 value = varint();
        if (value > quint64(m_end - m_pos))
            return fail();
        return static_cast<qsizetype>(value);
    }

    QString string()
    {
        const qsizetype length = count();
        if (m_failed)
            return {};
        const char* start = m_pos;
        m_pos += length;
        return QString::fromUtf8(start, length);
    }

private:
    quint64 fail()
    {
        m_failed = true;
        m_pos = m_end; // every later read fails too
        return 0;
    }

    const char* m_pos;
    const char* m_end;
    bool m_failed = false;
};

Result<BatchTokenPayload> parse(QByteArrayView plaintext, BatchTokenPayload payload)
{
    Reader in(plaintext);
    payload.createdAt = in.seconds();
    payload.ttl = in.seconds();
    payload.parentAccessor = in.string();
    payload.displayName = in.string();
    payload.role = in.string();
    const qsizetype policyCount = in.count();
    payload.policies.reserve(policyCount);
    for (qsizetype i = 0; i < policyCount && !in.failed(); ++i)
        payload.policies.append(in.string());
    const qsizetype metaCount = in.count();
    for (qsizetype i = 0; i < metaCount && !in.failed(); ++i) {
        QString key = in.string();
        payload.meta.insert(std::move(key), in.string());
    }
    if (in.failed() || !in.atEnd() || payload.ttl <= 0)
        return malformed();
    return payload;
}

} // namespace

Result<QByteArray> BatchTokenCodec::encode(const BatchKey& key, const BatchTokenPayload& payload)
{
    if (payload.ttl <= 0 || payload.ttl > kMaxSeconds)
        return Error::invalid(QStringLiteral("A batch token needs a positive TTL."));
    if (payload.createdAt < 0 || payload.createdAt > kMaxSeconds)
        return Error::invalid(QStringLiteral("The batch token's creation time is out of range."));
    if (key.kid.isEmpty() || key.kid.size() > kMaxKidLength)
        return Error::internal(QStringLiteral("The batch key has an invalid key id."));

    QByteArray header;
    header.reserve(kHeaderSize + key.kid.size());
    header.append(static_cast<char>(kVersion));
    header.append(static_cast<char>(key.kid.size()));
    header.append(key.kid);

    const QByteArray plaintext = serialize(payload);
    if (header.size() + plaintext.size() + crypto::Aes256Gcm::kOverhead > kMaxBlobSize)
        return Error::invalid(QStringLiteral(
            "The batch token's policies and metadata are too large; use a service token."));

    auto sealed = crypto::Aes256Gcm::seal(key.secret, plaintext, header);
    if (!sealed.ok())
        return sealed.error();
    return header + sealed.value();
}

Result<BatchTokenPayload> BatchTokenCodec::decode(const KeyRing::Snapshot& keys,
                                                  QByteArrayView blob)
{
    if (blob.size() < kHeaderSize || blob.size() > kMaxBlobSize)
        return malformed();
    const auto version = static_cast<quint8>(blob[0]);
    if (version != kVersion)
        return Error::invalid(QStringLiteral("The batch token's format version is not supported."));
    const int kidLength = static_cast<quint8>(blob[1]);
    if (kidLength == 0 || kidLength > kMaxKidLength ||
        blob.size() < kHeaderSize + kidLength + crypto::Aes256Gcm::kOverhead)
        return malformed();

    const QByteArrayView kid = blob.sliced(kHeaderSize, kidLength);
    const BatchKey* key = keys.batchKey(kid);
    if (!key)
        return Error::invalid(QStringLiteral("The batch token was sealed with an unknown key."));

    const qsizetype headerSize = kHeaderSize + kidLength;
    const auto plaintext =
        crypto::Aes256Gcm::open(key->secret, blob.sliced(headerSize), blob.first(headerSize));
    if (!plaintext.ok())
        return Error::invalid(QStringLiteral("The batch token failed its integrity check."));

    BatchTokenPayload payload;
    payload.version = version;
    payload.keyId = key->kid; // shares the key's bytes: no allocation
    return parse(plaintext.value(), std::move(payload));
}

Result<QByteArray> BatchTokenCodec::encode(const BatchTokenPayload& payload) const
{
    const auto keys = m_keys.snapshot();
    const BatchKey* key = keys->currentBatchKey();
    if (!key)
        return Error::internal(QStringLiteral("There is no batch token key to seal with."));
    return encode(*key, payload);
}

Result<BatchTokenPayload> BatchTokenCodec::decode(QByteArrayView blob) const
{
    return decode(*m_keys.snapshot(), blob);
}

} // namespace tessera::engine
