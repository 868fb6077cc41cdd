#pragma once

#include "core/Result.h"
#include "engine/ExpiryWarningService.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <functional>

class QTimer;

namespace tessera::ui {

// The desktop notice of tokens about to expire: at start (the unlock) and then
// every few minutes it asks `source` (ExpiryWarningService, with the window
// from Preferences) and hands the tokens it has not announced yet to
// `notifier` in one notice. Each token is announced once per session (this
// object lives as long as the main window, i.e. one unlock).
//
// How the notice shows is the notifier's business: the main window shows it
// in the system tray (QSystemTrayIcon::showMessage) when there is one, in the
// status bar otherwise, and opens Token › Expiring Soon when it is clicked.
// Tests pass a fake notifier and call check() themselves.
class ExpiryAlerts : public QObject
{
    Q_OBJECT

public:
    struct Notice
    {
        QString title;
        QString text;
        QStringList accessors; // the tokens announced, soonest first
    };
    using Source = std::function<Result<QList<engine::ExpiringToken>>()>;
    using Notifier = std::function<void(const Notice&)>;

    ExpiryAlerts(Source source, Notifier notifier, QObject* parent = nullptr);

    // Checks now, then every `intervalMinutes` (at least one).
    void start(int intervalMinutes);
    void setIntervalMinutes(int minutes);
    // One check: announces what was not announced yet; returns those accessors.
    QStringList check();
    bool wasAnnounced(const QString& accessor) const { return m_announced.contains(accessor); }

    QTimer* timer() const { return m_timer; }

    // The notice for tokens not announced before (text in the console's language).
    static Notice noticeFor(const QList<engine::ExpiringToken>& tokens);

private:
    Source m_source;
    Notifier m_notifier;
    QTimer* m_timer;
    QSet<QString> m_announced;
};

} // namespace tessera::ui
