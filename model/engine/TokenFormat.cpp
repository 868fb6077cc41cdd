#include "engine/TokenFormat.h"

#include "crypto/Random.h"
#include "engine/Base62.h"

#include <algorithm>
#include <array>

namespace tessera::engine {
namespace {

constexpr char16_t kServicePrefix[] = u"tss.";
constexpr char16_t kBatchPrefix[] = u"tsb.";

constexpr std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 crc = i;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        table[i] = crc;
    }
    return table;
}
constexpr auto kCrcTable = makeCrcTable();

constexpr quint32 crcUpdate(quint32 crc, quint8 byte)
{
    return kCrcTable[(crc ^ byte) & 0xFFu] ^ (crc >> 8);
}

// The body is checked to be ASCII before this runs, so its UTF-16 units are its bytes.
quint32 crc32Ascii(QStringView body)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const QChar c : body)
        crc = crcUpdate(crc, static_cast<quint8>(c.unicode()));
    return crc ^ 0xFFFFFFFFu;
}

QString withChecksum(QStringView prefix, const QString& body)
{
    QString token;
    token.reserve(prefix.size() + body.size() + TokenFormat::kChecksumLength);
    token.append(prefix);
    token.append(body);
    token.append(Base62::encodeFixed(crc32Ascii(body), TokenFormat::kChecksumLength));
    return token;
}

QString timeDigits(qint64 createdAt)
{
    return Base62::encodeFixed(quint64(std::max<qint64>(0, createdAt)), TokenFormat::kTimeDigits);
}

Error malformed()
{
    return Error::invalid(QStringLiteral("malformed token"));
}

} // namespace

quint32 TokenFormat::crc32(QByteArrayView bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : bytes)
        crc = crcUpdate(crc, static_cast<quint8>(byte));
    return crc ^ 0xFFFFFFFFu;
}

QString TokenFormat::newServiceToken(qint64 createdAt)
{
    return withChecksum(kServicePrefix, timeDigits(createdAt) +
                                            crypto::randomBase62(kServiceBodyLength - kTimeDigits));
}

QString TokenFormat::batchToken(QByteArrayView blob)
{
    Q_ASSERT(!blob.isEmpty() && blob.size() <= kMaxBatchBlobSize);
    return withChecksum(kBatchPrefix, Base62::encode(blob));
}

QString TokenFormat::newAccessor(qint64 createdAt)
{
    return timeDigits(createdAt) + crypto::randomBase62(kAccessorLength - kTimeDigits);
}

Result<ParsedToken> TokenFormat::parse(QStringView token)
{
    // Nothing longer than the cap is even looked at: parse() sees untrusted input first.
    if (token.size() > kMaxLength || token.size() < kPrefixLength + 1 + kChecksumLength)
        return malformed();

    TokenKind kind;
    const QStringView prefix = token.first(kPrefixLength);
    if (prefix == QStringView(kServicePrefix))
        kind = TokenKind::Service;
    else if (prefix == QStringView(kBatchPrefix))
        kind = TokenKind::Batch;
    else
        return malformed();

    const QStringView rest = token.sliced(kPrefixLength);
    for (const QChar c : rest) {
        if (Base62::digitValue(c.unicode()) < 0)
            return malformed();
    }

    const QStringView body = rest.first(rest.size() - kChecksumLength);
    if (kind == TokenKind::Service ? body.size() != kServiceBodyLength
                                   : !Base62::decodedLength(body.size()))
        return malformed();

    const std::optional<quint64> checksum = Base62::decodeFixed(rest.last(kChecksumLength));
    if (!checksum || *checksum != crc32Ascii(body))
        return Error::invalid(QStringLiteral("token checksum mismatch"));

    ParsedToken parsed;
    parsed.kind = kind;
    if (kind == TokenKind::Batch) {
        Result<QByteArray> blob = Base62::decode(body);
        if (!blob)
            return malformed();
        parsed.blob = std::move(blob).value();
    }
    return parsed;
}

} // namespace tessera::engine
