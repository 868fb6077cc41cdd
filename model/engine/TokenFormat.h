#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace tessera::engine {

enum class TokenKind
{
    Service,
    Batch,
};

struct ParsedToken
{
    TokenKind kind = TokenKind::Service;
    QByteArray blob; // batch tokens: the codec's sealed blob; empty for service tokens
};

// The text of a token: `tss.` (service) or `tsb.` (batch), a base62 body, and
// six base62 characters of the body's CRC-32. The prefix lets secret scanners
// find leaked tokens; the checksum lets parse() throw away typos and garbage
// before anything touches the store.
//
//   service: tss. + 6 digits of the creation second + 26 random characters
//            (154 bits) + checksum                                = 42 characters
//   batch:   tsb. + Base62(blob)                     + checksum  <= kMaxLength
//
// Accessors are 24 base62 characters with no prefix, so they never parse as
// tokens: the creation second in 6 digits, then 18 random ones (107 bits).
// Accessors and service tokens made later sort later (a service token is
// stored under its time digits before its HMAC, EngineSecrets::tokenKey), so
// a bulk creation appends to both indexes instead of dirtying a page of each
// for every token (docs/ARCHITECTURE.md, «Token kinds and format»).
class TokenFormat
{
public:
    static constexpr qsizetype kMaxLength = 1024;
    static constexpr int kPrefixLength = 4;
    static constexpr int kServiceBodyLength = 32;
    static constexpr int kChecksumLength = 6; // 62^6 > 2^32
    static constexpr int kAccessorLength = 24;
    static constexpr int kTimeDigits = 6; // 62^6 seconds: beyond the year 3700
    // The largest blob whose batch token still fits in kMaxLength.
    static constexpr qsizetype kMaxBatchBlobSize = 737;

    // `createdAt`: Unix seconds, the token's creation time.
    static QString newServiceToken(qint64 createdAt);
    // `blob` must have 1 to kMaxBatchBlobSize bytes.
    static QString batchToken(QByteArrayView blob);
    // `createdAt`: Unix seconds, the token's creation time.
    static QString newAccessor(qint64 createdAt);

    // Rejects (InvalidArgument "malformed token" or "token checksum mismatch")
    // anything that is not a well-formed token, cheapest checks first: the
    // length cap, the prefix, the alphabet, the body length, the checksum.
    // No regexes and no allocation except a batch token's blob. The message
    // never contains the token.
    static Result<ParsedToken> parse(QStringView token);

    // CRC-32/IEEE (zlib's, check value 0xCBF43926 for "123456789").
    static quint32 crc32(QByteArrayView bytes);
};

} // namespace tessera::engine
