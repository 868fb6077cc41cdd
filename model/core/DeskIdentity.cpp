#include "core/DeskIdentity.h"

#include <QSysInfo>
#include <pwd.h>
#include <unistd.h>

namespace tessera {
namespace {

QString cleaned(const QString& part)
{
    QString text = part.left(DeskIdentity::kMaxLength / 2 - 1);
    for (QChar& c : text) {
        const bool allowed =
            (c.unicode() < 0x80 && c.isLetterOrNumber()) || c == u'.' || c == u'-' || c == u'_';
        if (!allowed)
            c = u'_';
    }
    return text.isEmpty() ? QStringLiteral("unknown") : text;
}

QString accountName()
{
    // The account the process runs as, not $USER, which the caller may set.
    if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return QString::number(geteuid());
}

} // namespace

QString DeskIdentity::of(const QString& account, const QString& host)
{
    return cleaned(account) + u'@' + cleaned(host.section(u'.', 0, 0));
}

QString DeskIdentity::current()
{
    static const QString identity = of(accountName(), QSysInfo::machineHostName());
    return identity;
}

QString DeskIdentity::client(const QString& kind)
{
    return kind + u':' + current();
}

} // namespace tessera
