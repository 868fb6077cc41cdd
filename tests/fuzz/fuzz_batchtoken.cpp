// Fuzz target: the batch-token decoder (BatchTokenCodec::decode) with a fixed
// key ring.
//
// The first byte picks a mode:
//   even: the rest is a blob, decoded as it came off the network (header,
//         key lookup, AES-GCM). Seeds are real blobs sealed with kCurrentKey.
//   odd:  the rest is a payload plaintext, sealed here under kCurrentKey with
//         a correct header, so the fuzzer gets past the tag and reaches the
//         payload parser, which must treat even authenticated bytes as hostile.
// Whatever decodes must be a payload the codec could have written: a positive
// TTL, times in range, the sealing key's id, and it must survive re-encoding.
// A decodable blob with any one byte changed must not decode.

#include "FuzzCheck.h"
#include "crypto/Aead.h"
#include "engine/BatchTokenCodec.h"
#include "engine/KeyRing.h"

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>

using namespace tessera;
using namespace tessera::engine;

namespace {

// The test key ring: a current key and a retired one that still opens its tokens.
const QByteArray kCurrentKid = QByteArrayLiteral("cur001");
const QByteArray kRetiredKid = QByteArrayLiteral("old001");

QByteArray fixedSecret(char fill)
{
    return QByteArray(crypto::Aes256Gcm::kKeySize, fill);
}

const KeyRing::Snapshot& keyRing()
{
    static const KeyRing::Snapshot ring = [] {
        KeyRing::Snapshot snapshot;
        snapshot.batchKeys.push_back(
            BatchKey{kCurrentKid, fixedSecret('C'), 1'700'000'000, {}, {}});
        snapshot.batchKeys.push_back(
            BatchKey{kRetiredKid, fixedSecret('R'), 1'600'000'000, 1'700'000'000, 1'800'000'000});
        return snapshot;
    }();
    return ring;
}

void checkDecoded(const BatchTokenPayload& payload, QByteArrayView blob)
{
    FUZZ_CHECK(payload.version == BatchTokenCodec::kVersion);
    FUZZ_CHECK(payload.ttl > 0);
    FUZZ_CHECK(payload.createdAt >= 0);
    FUZZ_CHECK(payload.expireAt() > payload.createdAt); // no overflow
    FUZZ_CHECK(keyRing().batchKey(payload.keyId) != nullptr);
    FUZZ_CHECK(blob.sliced(2, blob[1]) == payload.keyId);

    // What decodes encodes again (unless invalid UTF-8 became longer U+FFFD) and
    // decodes to the same payload.
    const BatchKey& key = *keyRing().batchKey(payload.keyId);
    const auto resealed = BatchTokenCodec::encode(key, payload);
    if (resealed) {
        const auto again = BatchTokenCodec::decode(keyRing(), *resealed);
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(*again == payload);
    }

    // Every byte is covered by the tag (the header as associated data).
    QByteArray tampered = blob.toByteArray();
    const qsizetype at = qsizetype(payload.createdAt + payload.ttl) % tampered.size();
    tampered[at] = static_cast<char>(tampered[at] ^ 0x01);
    FUZZ_CHECK(!BatchTokenCodec::decode(keyRing(), tampered).ok());
}

void decodeBlob(QByteArrayView blob)
{
    const auto decoded = BatchTokenCodec::decode(keyRing(), blob);
    if (decoded)
        checkDecoded(*decoded, blob);
}

void decodePlaintext(QByteArrayView plaintext)
{
    QByteArray blob;
    blob.append(static_cast<char>(BatchTokenCodec::kVersion));
    blob.append(static_cast<char>(kCurrentKid.size()));
    blob.append(kCurrentKid);
    const auto sealed =
        crypto::Aes256Gcm::seal(keyRing().batchKeys.front().secret, plaintext, blob);
    FUZZ_CHECK(sealed.ok());
    blob.append(*sealed);
    const auto decoded = BatchTokenCodec::decode(keyRing(), blob);
    if (blob.size() > BatchTokenCodec::kMaxBlobSize) {
        FUZZ_CHECK(!decoded.ok());
        return;
    }
    if (decoded)
        checkDecoded(*decoded, blob);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView rest(data + 1, static_cast<qsizetype>(size - 1));
    if (data[0] % 2 == 0)
        decodeBlob(rest);
    else
        decodePlaintext(rest);
    return 0;
}
