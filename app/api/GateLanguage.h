#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace tessera::api {

// The language of the gate's pages: the browser's most preferred one
// (Accept-Language, with q-values) that the gate speaks; English otherwise.
class GateLanguage
{
public:
    static const QStringList& supported(); // "en", "es", "de"
    static QString fromAcceptLanguage(QByteArrayView header);
};

} // namespace tessera::api
