// Fuzz target: TokenFormat::parse, the first code that sees a token from the
// network, and the canonical spelling of batch tokens.
//
// The input is read twice, as UTF-8 (what an HTTP header decodes to) and as
// Latin-1 (every byte one character, so the fuzzer reaches every branch of
// the alphabet check). Accepted text must be a well-formed token whose
// checksum and blob round-trip; the input's bytes as a blob must make a token
// that parses back to them.

#include "FuzzCheck.h"
#include "engine/TokenFormat.h"

#include <QByteArrayView>
#include <QString>
#include <cstdint>

using tessera::engine::ParsedToken;
using tessera::engine::TokenFormat;
using tessera::engine::TokenKind;

namespace {

void checkParse(const QString& text)
{
    const auto parsed = TokenFormat::parse(text);
    if (!parsed) {
        // The error never echoes the token.
        FUZZ_CHECK(text.size() < 8 || !parsed.error().message.contains(text));
        return;
    }
    FUZZ_CHECK(text.size() <= TokenFormat::kMaxLength);
    if (parsed->kind == TokenKind::Service) {
        FUZZ_CHECK(text.startsWith(QLatin1String("tss.")));
        FUZZ_CHECK(text.size() == TokenFormat::kPrefixLength + TokenFormat::kServiceBodyLength +
                                      TokenFormat::kChecksumLength);
        FUZZ_CHECK(parsed->blob.isEmpty());
    } else {
        FUZZ_CHECK(text.startsWith(QLatin1String("tsb.")));
        FUZZ_CHECK(!parsed->blob.isEmpty());
        FUZZ_CHECK(parsed->blob.size() <= TokenFormat::kMaxBatchBlobSize);
        // One spelling per blob: the token is exactly what batchToken() writes.
        FUZZ_CHECK(TokenFormat::batchToken(parsed->blob) == text);
    }
}

void checkBatchRoundTrip(QByteArrayView blob)
{
    if (blob.isEmpty() || blob.size() > TokenFormat::kMaxBatchBlobSize)
        return;
    const QString token = TokenFormat::batchToken(blob);
    FUZZ_CHECK(token.size() <= TokenFormat::kMaxLength);
    const auto parsed = TokenFormat::parse(token);
    FUZZ_CHECK(parsed.ok());
    FUZZ_CHECK(parsed->kind == TokenKind::Batch);
    FUZZ_CHECK(parsed->blob == blob);

    // Any one changed character is caught (CRC-32 detects every single-symbol error).
    QString typo = token;
    const qsizetype at = TokenFormat::kPrefixLength +
                         qsizetype(blob[0] & 0x7f) % (token.size() - TokenFormat::kPrefixLength);
    typo[at] = typo[at] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    FUZZ_CHECK(!TokenFormat::parse(typo).ok());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes(data, static_cast<qsizetype>(size));
    checkParse(QString::fromUtf8(bytes));
    checkParse(QString::fromLatin1(bytes));
    checkBatchRoundTrip(bytes);
    return 0;
}
