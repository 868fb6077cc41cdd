#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace tessera::ui {

// Puts a secret (a token) on the system clipboard and takes it off again: after
// a while, and when the session locks. Only text the console put there itself
// is cleared; whatever the user copied since is left alone.
class SecretClipboard : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultClearAfterMs = 60 * 1000;

    explicit SecretClipboard(QObject* parent = nullptr);
    ~SecretClipboard() override;

    void copy(const QString& secret);
    // Clears the clipboard if it still holds what copy() put there.
    void clear();
    bool holdsSecret() const;

    void setClearAfter(int ms) { m_timer.setInterval(ms); }
    int clearAfter() const { return m_timer.interval(); }

private:
    QString m_secret;
    QTimer m_timer;
};

} // namespace tessera::ui
