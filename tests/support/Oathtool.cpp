#include "support/Oathtool.h"

#include <QProcess>
#include <QStandardPaths>

namespace tessera::test {

QString oathtoolCode(const QString& base32Secret, std::optional<qint64> unixSeconds)
{
    const QString oathtool = QStandardPaths::findExecutable(QStringLiteral("oathtool"));
    if (oathtool.isEmpty())
        return {};
    QStringList arguments{QStringLiteral("--totp"), QStringLiteral("-b")};
    if (unixSeconds)
        arguments << QStringLiteral("--now=@%1").arg(*unixSeconds);
    arguments << base32Secret;
    QProcess process;
    process.start(oathtool, arguments);
    if (!process.waitForFinished(10'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return {};
    return QString::fromLatin1(process.readAllStandardOutput()).trimmed();
}

} // namespace tessera::test
