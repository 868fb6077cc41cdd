#include "crypto/Hmac.h"

#include <QString>
#include <QtGlobal>
#include <algorithm>
#include <array>
#include <atomic>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace tessera::crypto {
namespace {

struct MacDeleter
{
    void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
};
struct MacContextDeleter
{
    void operator()(EVP_MAC_CTX* context) const { EVP_MAC_CTX_free(context); }
};
using MacContextPtr = std::unique_ptr<EVP_MAC_CTX, MacContextDeleter>;

const unsigned char kEmpty[1] = {0};

const unsigned char* bytesOf(QByteArrayView view)
{
    // OpenSSL treats a null key as "keep the old key"; an empty key must not be null.
    return view.isEmpty() ? kEmpty : reinterpret_cast<const unsigned char*>(view.data());
}

EVP_MAC* hmacAlgorithm()
{
    // Fetching is a locked lookup in the provider store: do it once per process.
    static const std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac)
        qFatal("OpenSSL has no HMAC implementation.");
    return mac.get();
}

// Trivially destructible, so still readable while (and after) the cache is destroyed at
// thread exit, e.g. when a static HmacSha256 is destroyed after main() returned.
thread_local bool t_cacheDestroyed = false;

// Each HmacSha256 gets an id that is never reused, so a per-thread cache keyed by it
// cannot hand out a context holding another (since destroyed) instance's key, as a
// cache keyed by address could.
std::atomic<quint64> g_nextInstanceId{1};

// Copying the keyed template (EVP_MAC_CTX_dup) costs about as much as the MAC itself;
// re-initialising an already keyed context with a null key keeps the key and is about
// twice as fast. So each thread keeps a few keyed contexts for the instances it used
// last. A context of a destroyed instance stays here until evicted or the thread ends
// (it is cleansed when freed); its id can never match again.
class ThreadContextCache
{
public:
    ThreadContextCache() = default;
    ~ThreadContextCache() { t_cacheDestroyed = true; }
    ThreadContextCache(const ThreadContextCache&) = delete;
    ThreadContextCache& operator=(const ThreadContextCache&) = delete;

    EVP_MAC_CTX* acquire(quint64 instanceId, const EVP_MAC_CTX* keyed)
    {
        for (Slot& slot : m_slots) {
            if (slot.instanceId == instanceId) {
                if (EVP_MAC_init(slot.context.get(), nullptr, 0, nullptr) != 1)
                    qFatal("OpenSSL could not reset an HMAC context.");
                return slot.context.get();
            }
        }
        Slot& slot = m_slots[m_nextVictim];
        m_nextVictim = (m_nextVictim + 1) % m_slots.size();
        slot.context.reset(EVP_MAC_CTX_dup(keyed));
        if (!slot.context)
            qFatal("OpenSSL could not copy an HMAC context.");
        slot.instanceId = instanceId;
        return slot.context.get();
    }

    void forget(quint64 instanceId)
    {
        for (Slot& slot : m_slots) {
            if (slot.instanceId == instanceId) {
                slot.context.reset();
                slot.instanceId = 0;
            }
        }
    }

private:
    struct Slot
    {
        quint64 instanceId = 0;
        MacContextPtr context;
    };
    std::array<Slot, 8> m_slots;
    std::size_t m_nextVictim = 0;
};

ThreadContextCache* threadCache()
{
    if (t_cacheDestroyed)
        return nullptr;
    thread_local ThreadContextCache cache;
    return &cache;
}

void forgetOnThisThread(quint64 instanceId)
{
    if (ThreadContextCache* cache = threadCache())
        cache->forget(instanceId);
}

} // namespace

struct HmacSha256::Context
{
    quint64 instanceId = 0;
    MacContextPtr keyed; // never used directly: the template the per-thread copies come from
};

HmacSha256::HmacSha256(QByteArrayView key)
    : m_context(std::make_unique<Context>())
{
    m_context->instanceId = g_nextInstanceId.fetch_add(1, std::memory_order_relaxed);
    m_context->keyed.reset(EVP_MAC_CTX_new(hmacAlgorithm()));
    if (!m_context->keyed)
        qFatal("OpenSSL could not create an HMAC context.");
    char digest[] = "SHA256";
    const OSSL_PARAM parameters[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_MAC_init(m_context->keyed.get(), bytesOf(key), size_t(key.size()), parameters) != 1)
        qFatal("OpenSSL could not key an HMAC-SHA256 context.");
}

HmacSha256::~HmacSha256()
{
    if (m_context)
        forgetOnThisThread(m_context->instanceId);
}

HmacSha256::HmacSha256(HmacSha256&&) noexcept = default;

HmacSha256& HmacSha256::operator=(HmacSha256&& other) noexcept
{
    if (this != &other) {
        if (m_context)
            forgetOnThisThread(m_context->instanceId);
        m_context = std::move(other.m_context);
    }
    return *this;
}

QByteArray HmacSha256::mac(QByteArrayView data) const
{
    return mac(data, {});
}

QByteArray HmacSha256::mac(QByteArrayView first, QByteArrayView second) const
{
    QByteArray out(kSize, Qt::Uninitialized);
    macInto(first, second, out.data());
    return out;
}

void HmacSha256::macInto(QByteArrayView first, QByteArrayView second, char* out) const
{
    Q_ASSERT_X(m_context, "HmacSha256::mac", "used after move");
    if (!m_context) {
        std::fill_n(out, kSize, '\0');
        return;
    }
    MacContextPtr oneOff; // only when this thread's cache is already gone
    EVP_MAC_CTX* context = nullptr;
    if (ThreadContextCache* cache = threadCache()) {
        context = cache->acquire(m_context->instanceId, m_context->keyed.get());
    } else {
        oneOff.reset(EVP_MAC_CTX_dup(m_context->keyed.get()));
        if (!oneOff)
            qFatal("OpenSSL could not copy an HMAC context.");
        context = oneOff.get();
    }
    for (const QByteArrayView part : {first, second}) {
        if (!part.isEmpty() && EVP_MAC_update(context, bytesOf(part), size_t(part.size())) != 1)
            qFatal("OpenSSL failed to compute an HMAC.");
    }
    size_t written = 0;
    const bool finished =
        EVP_MAC_final(context, reinterpret_cast<unsigned char*>(out), &written, kSize) == 1;
    if (!finished || written != size_t(kSize))
        qFatal("OpenSSL failed to compute an HMAC.");
}

QString HmacSha256::tag(QByteArrayView data) const
{
    return QStringLiteral("hmac-sha256:") + QString::fromLatin1(mac(data).toHex());
}

} // namespace tessera::crypto
