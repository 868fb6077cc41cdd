#include "ui/SecretClipboard.h"

#include <QClipboard>
#include <QGuiApplication>

namespace tessera::ui {

SecretClipboard::SecretClipboard(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultClearAfterMs);
    connect(&m_timer, &QTimer::timeout, this, &SecretClipboard::clear);
}

SecretClipboard::~SecretClipboard()
{
    clear();
}

void SecretClipboard::copy(const QString& secret)
{
    m_secret = secret;
    QGuiApplication::clipboard()->setText(secret);
    if (QGuiApplication::clipboard()->supportsSelection())
        QGuiApplication::clipboard()->setText(secret, QClipboard::Selection);
    m_timer.start();
}

bool SecretClipboard::holdsSecret() const
{
    return !m_secret.isEmpty() && QGuiApplication::clipboard()->text() == m_secret;
}

void SecretClipboard::clear()
{
    m_timer.stop();
    if (m_secret.isEmpty())
        return;
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (clipboard->text() == m_secret)
        clipboard->clear();
    if (clipboard->supportsSelection() && clipboard->text(QClipboard::Selection) == m_secret)
        clipboard->clear(QClipboard::Selection);
    m_secret.fill(QLatin1Char('\0'));
    m_secret.clear();
}

} // namespace tessera::ui
