#include "RecordSink.h"

namespace tessera::reports {

Status RecordSink::writeTo(QIODevice& device, const QByteArray& bytes)
{
    if (device.write(bytes) != bytes.size())
        return Error{ErrorCode::Io,
                     QStringLiteral("Writing the report failed: %1.").arg(device.errorString())};
    return {};
}

} // namespace tessera::reports
