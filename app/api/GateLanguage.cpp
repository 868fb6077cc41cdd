#include "api/GateLanguage.h"

namespace tessera::api {

const QStringList& GateLanguage::supported()
{
    static const QStringList languages{QStringLiteral("en"), QStringLiteral("es"),
                                       QStringLiteral("de")};
    return languages;
}

QString GateLanguage::fromAcceptLanguage(QByteArrayView header)
{
    QString best = QStringLiteral("en");
    double bestQuality = 0;
    const QString text = QString::fromLatin1(header);
    for (const QString& item : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u';');
        const QString primary = parts.first().trimmed().section(u'-', 0, 0).toLower();
        double quality = 1.0;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QString parameter = parts.at(i).trimmed();
            if (parameter.startsWith(u"q=")) {
                bool ok = false;
                quality = parameter.mid(2).toDouble(&ok);
                if (!ok || quality < 0 || quality > 1)
                    quality = 0;
            }
        }
        // The first of equal preferences wins, as the header lists them.
        if (supported().contains(primary) && quality > bestQuality) {
            best = primary;
            bestQuality = quality;
        }
    }
    return best;
}

} // namespace tessera::api
