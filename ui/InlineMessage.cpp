#include "ui/InlineMessage.h"

#include <QAccessible>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace tessera::ui {

InlineMessage::InlineMessage(QWidget* parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    setAutoFillBackground(true);
    setVisible(false);
}

void InlineMessage::showMessage(Kind kind, const QString& text)
{
    if (text.isEmpty()) {
        clear();
        return;
    }
    m_kind = kind;
    const QStyle::StandardPixmap icon = kind == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                        : kind == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                                : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    const QColor tint = kind == Kind::Error     ? QColor(0xfb, 0xe3, 0xe4)
                        : kind == Kind::Warning ? QColor(0xfd, 0xf1, 0xd6)
                                                : QColor(0xe3, 0xee, 0xfa);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, tint);
    colours.setColor(QPalette::WindowText, QColor(0x24, 0x1f, 0x31));
    setPalette(colours);
    m_text->setText(text);
    setAccessibleName(text);
    setVisible(true);
    QAccessibleEvent event(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

void InlineMessage::clear()
{
    m_text->clear();
    setAccessibleName({});
    setVisible(false);
}

QString InlineMessage::text() const
{
    return m_text->text();
}

QString asSentence(const QString& message)
{
    QString sentence = message.trimmed();
    if (sentence.isEmpty())
        return sentence;
    sentence[0] = sentence[0].toUpper();
    if (!sentence.endsWith(u'.') && !sentence.endsWith(u'?') && !sentence.endsWith(u'!'))
        sentence += u'.';
    return sentence;
}

QString translated(const Message& message)
{
    if (message.isEmpty())
        return {};
    return Message::fill(QCoreApplication::translate(kMessageContext, message.source),
                         message.args);
}

QString translated(const Error& error)
{
    return error.translatable.isEmpty() ? error.message : translated(error.translatable);
}

} // namespace tessera::ui
