#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace tessera::test {

// RFC 4180 reader, strict enough to catch a quoting or line-ending mistake:
// `wellFormed` turns false on a bare line break outside quotes, a quote inside
// an unquoted field, or a last record without its CRLF.
QList<QStringList> parseCsv(const QByteArray& bytes, bool* wellFormed);

} // namespace tessera::test
