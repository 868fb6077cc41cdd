#include "audit/ChainHead.h"

#include "crypto/ConstantTime.h"
#include "crypto/Hmac.h"
#include "store/Database.h"

#include <QtEndian>

namespace tessera::audit {
namespace {

constexpr qsizetype kMacSize = crypto::HmacSha256::kSize;
constexpr qsizetype kEncodedSize = 8 + 2 * kMacSize;

QByteArray tagOf(qint64 sequence, QByteArrayView mac, const crypto::HmacSha256& chain)
{
    QByteArray message("TAH1");
    char sequenceBytes[8];
    qToBigEndian<qint64>(sequence, sequenceBytes);
    message.append(sequenceBytes, 8);
    message.append(mac);
    return chain.mac(message);
}

} // namespace

Result<QByteArray> ChainHead::readStored(store::Database& db)
{
    auto query = db.query("SELECT value FROM settings WHERE key = 'audit_head'");
    if (!query)
        return query.error();
    const auto row = query->next();
    if (!row)
        return row.error();
    if (!*row)
        return QByteArray();
    QByteArray value = query->blob(0);
    if (value.isNull())
        value = QByteArray("", 0); // present but NULL: malformed, not absent
    return value;
}

std::optional<ChainHead> ChainHead::parse(QByteArrayView stored, const crypto::HmacSha256& chain)
{
    if (stored.size() != kEncodedSize)
        return std::nullopt;
    ChainHead head;
    head.sequence = qFromBigEndian<qint64>(stored.data());
    head.mac = stored.sliced(8, kMacSize).toByteArray();
    const QByteArrayView tag = stored.sliced(8 + kMacSize, kMacSize);
    if (!crypto::constantTimeEquals(tag, tagOf(head.sequence, head.mac, chain)))
        return std::nullopt;
    return head;
}

QByteArray ChainHead::encode(const crypto::HmacSha256& chain) const
{
    QByteArray out(8, Qt::Uninitialized);
    qToBigEndian<qint64>(sequence, out.data());
    out.append(mac);
    out.append(tagOf(sequence, mac, chain));
    return out;
}

Status ChainHead::write(store::Database& db, const crypto::HmacSha256& chain) const
{
    auto query = db.query("INSERT OR REPLACE INTO settings(key, value) VALUES('audit_head', ?)");
    if (!query)
        return query.error();
    query->bind(1, encode(chain));
    return query->run();
}

} // namespace tessera::audit
