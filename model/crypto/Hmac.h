#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

namespace tessera::crypto {

// HMAC-SHA256 under one key. The key's pad blocks are hashed once; each MAC
// starts from copies of those states (see Hmac.cpp), so one HmacSha256 may be
// used from many threads at once without locking.
// A moved-from HmacSha256 may only be assigned to or destroyed.
class HmacSha256
{
public:
    explicit HmacSha256(QByteArrayView key);
    ~HmacSha256();
    HmacSha256(HmacSha256&&) noexcept;
    HmacSha256& operator=(HmacSha256&&) noexcept;

    static constexpr int kSize = 32;

    QByteArray mac(QByteArrayView data) const;
    // Two-part message without concatenating (audit chain: previous MAC + record).
    QByteArray mac(QByteArrayView first, QByteArrayView second) const;
    // The same into `out` (kSize bytes), without allocating: the verifier's hot path.
    void macInto(QByteArrayView first, QByteArrayView second, char* out) const;
    // "hmac-sha256:<hex>", the form secrets take in audit records and reports.
    QString tag(QByteArrayView data) const;

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace tessera::crypto
