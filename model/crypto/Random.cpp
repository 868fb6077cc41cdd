#include "crypto/Random.h"

#include <QtGlobal>
#include <array>
#include <atomic>
#include <cstring>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <pthread.h>

namespace tessera::crypto {
namespace {

constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int kAlphabetSize = 62;
// 248 = 4 * 62: bytes at or above it are discarded, so `byte % 62` is unbiased.
constexpr int kRejectionLimit = 256 - 256 % kAlphabetSize;

void fillRandom(unsigned char* buffer, int count)
{
    if (RAND_bytes(buffer, count) != 1)
        qFatal("The OpenSSL random generator failed; refusing to continue without randomness.");
}

// Bumped in the child after fork(): a pool filled before the fork holds the
// same bytes in parent and child, so the child discards it (Pool::take).
std::atomic<unsigned> g_forkGeneration{0};

void afterForkInChild()
{
    g_forkGeneration.fetch_add(1, std::memory_order_relaxed);
}

// Bytes drawn from OpenSSL 4 KiB at a time, per thread: one RAND_bytes call
// (locks, DRBG lookup, AES-CTR setup) per ~100 tokens instead of one per
// token and accessor. Bytes are wiped as they are handed out and the rest when
// the thread ends; after a fork the child throws the pool away.
class Pool
{
public:
    Pool()
    {
        static const bool registered = pthread_atfork(nullptr, nullptr, &afterForkInChild) == 0;
        if (!registered)
            qFatal("Could not register the random pool's fork handler.");
    }
    ~Pool() { OPENSSL_cleanse(m_bytes.data(), m_bytes.size()); }
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    // The next `count` (at most kSize) unused bytes, copied to `out`, then wiped here.
    void take(unsigned char* out, size_t count)
    {
        const unsigned generation = g_forkGeneration.load(std::memory_order_relaxed);
        if (generation != m_generation) {
            OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
            m_used = kSize;
            m_generation = generation;
        }
        if (kSize - m_used < count) {
            fillRandom(m_bytes.data(), int(kSize));
            m_used = 0;
        }
        std::memcpy(out, m_bytes.data() + m_used, count);
        OPENSSL_cleanse(m_bytes.data() + m_used, count);
        m_used += count;
    }

    static constexpr size_t kSize = 4096;

private:
    std::array<unsigned char, kSize> m_bytes{};
    size_t m_used = kSize; // empty
    unsigned m_generation = g_forkGeneration.load();
};

Pool& pool()
{
    thread_local Pool perThread;
    return perThread;
}

} // namespace

QByteArray randomBytes(int count)
{
    if (count <= 0)
        return {};
    QByteArray bytes(count, Qt::Uninitialized);
    // Small draws (keys, salts: one per API request's audit record) come from
    // the pool: the same generator, one RAND_bytes call per 4 KiB.
    if (size_t(count) <= Pool::kSize / 64)
        pool().take(reinterpret_cast<unsigned char*>(bytes.data()), size_t(count));
    else
        fillRandom(reinterpret_cast<unsigned char*>(bytes.data()), count);
    return bytes;
}

QString randomBase62(int length)
{
    if (length <= 0)
        return {};
    QString text;
    text.reserve(length);
    // A 32-character token body needs 32 / (248/256) ≈ 33 bytes on average:
    // 40 per draw makes a second draw rare.
    std::array<unsigned char, 40> bytes{};
    while (text.size() < length) {
        pool().take(bytes.data(), bytes.size());
        for (const unsigned char byte : bytes) {
            if (byte >= kRejectionLimit)
                continue;
            text.append(QLatin1Char(kBase62[byte % kAlphabetSize]));
            if (text.size() == length)
                break;
        }
    }
    // The bytes the characters came from: do not leave them on the stack.
    OPENSSL_cleanse(bytes.data(), bytes.size());
    return text;
}

} // namespace tessera::crypto
