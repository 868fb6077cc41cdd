#include "audit/CanonicalFields.h"

#include <QtEndian>
#include <cstring>

namespace tessera::audit {
namespace {

constexpr char kRule1Tag[4] = {'T', 'A', 'R', '1'};
constexpr char kRule2Tag[4] = {'T', 'A', 'R', '2'};
constexpr qsizetype kFixedSize = sizeof kRule1Tag + 2 * 8;
constexpr qsizetype kTextFields = 7;

char* writeInt64(char* out, qint64 value)
{
    qToBigEndian<qint64>(value, out);
    return out + 8;
}

char* writeText(char* out, QByteArrayView text)
{
    qToBigEndian<quint32>(quint32(text.size()), out);
    if (!text.isEmpty())
        std::memcpy(out + 4, text.data(), std::size_t(text.size()));
    return out + 4 + text.size();
}

} // namespace

qsizetype CanonicalFields::size() const
{
    const qsizetype digestSize = rule == kChainRule1 ? 0 : 4 + personalDigest.size();
    return kFixedSize + kTextFields * 4 + operation.size() + actor.size() + targets.size() +
           client.size() + requestId.size() + outcome.size() + details.size() + digestSize;
}

void CanonicalFields::appendTo(QByteArray& out) const
{
    const qsizetype start = out.size();
    out.resize(start + size());
    char* cursor = out.data() + start;
    std::memcpy(cursor, rule == kChainRule1 ? kRule1Tag : kRule2Tag, sizeof kRule1Tag);
    cursor += sizeof kRule1Tag;
    cursor = writeInt64(cursor, sequence);
    cursor = writeInt64(cursor, timeMs);
    for (const QByteArrayView text :
         {operation, actor, targets, client, requestId, outcome, details})
        cursor = writeText(cursor, text);
    if (rule != kChainRule1)
        cursor = writeText(cursor, personalDigest);
    Q_ASSERT(cursor == out.data() + out.size());
}

} // namespace tessera::audit
