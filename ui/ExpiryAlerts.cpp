#include "ui/ExpiryAlerts.h"

#include "items/TokenText.h"

#include <QTimer>
#include <algorithm>

namespace tessera::ui {

ExpiryAlerts::ExpiryAlerts(Source source, Notifier notifier, QObject* parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_notifier(std::move(notifier))
    , m_timer(new QTimer(this))
{
    m_timer->setObjectName(QStringLiteral("expiryCheck"));
    connect(m_timer, &QTimer::timeout, this, &ExpiryAlerts::check);
}

void ExpiryAlerts::start(int intervalMinutes)
{
    setIntervalMinutes(intervalMinutes);
    m_timer->start();
    check();
}

void ExpiryAlerts::setIntervalMinutes(int minutes)
{
    m_timer->setInterval(std::max(1, minutes) * 60 * 1000);
}

QStringList ExpiryAlerts::check()
{
    auto listed = m_source();
    // A failed check (the store busy with a rekey, say) is tried again next time.
    if (!listed)
        return {};
    QList<engine::ExpiringToken> fresh;
    for (const engine::ExpiringToken& expiring : std::as_const(*listed)) {
        if (!m_announced.contains(expiring.token.accessor))
            fresh.append(expiring);
    }
    if (fresh.isEmpty())
        return {};
    const Notice notice = noticeFor(fresh);
    for (const QString& accessor : notice.accessors)
        m_announced.insert(accessor);
    m_notifier(notice);
    return notice.accessors;
}

ExpiryAlerts::Notice ExpiryAlerts::noticeFor(const QList<engine::ExpiringToken>& tokens)
{
    Notice notice;
    for (const engine::ExpiringToken& expiring : tokens)
        notice.accessors.append(expiring.token.accessor);
    notice.title = tr("Tokens expiring soon");
    const engine::Token& first = tokens.first().token;
    const QString firstName = first.displayName.isEmpty() ? first.accessor : first.displayName;
    const QString when = first.expireAt ? items::TokenText::localTime(*first.expireAt) : QString();
    if (tokens.size() == 1) {
        notice.text = tr("“%1” expires on %2.").arg(firstName, when);
    } else {
        notice.text = tr("%n marked or staff token(s) expire soon, the first, “%1”, on %2.",
                         nullptr, int(tokens.size()))
                          .arg(firstName, when);
    }
    return notice;
}

} // namespace tessera::ui
