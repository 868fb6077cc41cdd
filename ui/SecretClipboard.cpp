#include "ui/SecretClipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <memory>

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
    auto mime = std::make_unique<QMimeData>();
    mime->setText(secret);
    // Clipboard managers (Klipper and others) keep no history of such entries.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(mime.release()); // the clipboard owns it
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
    m_secret.fill(QLatin1Char('\0'));
    m_secret.clear();
}

} // namespace tessera::ui
