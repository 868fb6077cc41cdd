#include "ui/DurationEdit.h"

#include "engine/Duration.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>

namespace tessera::ui {
namespace {

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
// Spin boxes hold ints: longer durations (up to engine::kMaxDurationSeconds)
// are still accepted typed, and the days box shows its maximum.
constexpr int kMaxDays = 99'999;

QSpinBox* partBox(QWidget* parent, const QString& suffix, int maximum)
{
    auto* box = new QSpinBox(parent);
    box->setRange(0, maximum);
    box->setSuffix(suffix);
    box->setAlignment(Qt::AlignRight);
    box->setAccelerated(true);
    return box;
}

} // namespace

DurationEdit::DurationEdit(QWidget* parent)
    : QWidget(parent)
    , m_days(partBox(this, tr(" d", "days suffix"), kMaxDays))
    , m_hours(partBox(this, tr(" h", "hours suffix"), 23))
    , m_minutes(partBox(this, tr(" min", "minutes suffix"), 59))
    , m_text(new QLineEdit(this))
    , m_none(new QCheckBox(tr("None"), this))
    , m_warningSign(new QLabel(this))
{
    m_text->setPlaceholderText(tr("e.g. 36h"));
    m_text->setToolTip(tr("Type a duration as Vault writes it: 90s, 30m, 36h, 2h30m, 7d"));
    m_text->setFixedWidth(m_text->fontMetrics().horizontalAdvance(QStringLiteral("000d00h00m")) +
                          16);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_days);
    layout->addWidget(m_hours);
    layout->addWidget(m_minutes);
    layout->addWidget(m_text);
    layout->addSpacing(6);
    layout->addWidget(m_none);
    layout->addWidget(m_warningSign);
    layout->addStretch(1);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_warningSign->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size, size));
    m_warningSign->setObjectName(QStringLiteral("warningSign"));
    m_warningSign->hide();
    // A label's mnemonic lands on the days box.
    setFocusProxy(m_days);
    setFieldName(tr("Duration"));

    connect(m_days, &QSpinBox::valueChanged, this, &DurationEdit::onSpinChanged);
    connect(m_hours, &QSpinBox::valueChanged, this, &DurationEdit::onSpinChanged);
    connect(m_minutes, &QSpinBox::valueChanged, this, &DurationEdit::onSpinChanged);
    connect(m_text, &QLineEdit::textEdited, this, &DurationEdit::onTextEdited);
    connect(m_text, &QLineEdit::editingFinished, this, [this] {
        if (m_textError.isEmpty())
            showSeconds(m_seconds); // normalise "36h" to "1d12h"
    });
    connect(m_none, &QCheckBox::toggled, this, &DurationEdit::onNoneToggled);
    setValue(0);
}

qint64 DurationEdit::value() const
{
    return isNone() ? 0 : m_seconds;
}

bool DurationEdit::isNone() const
{
    return m_none->isChecked();
}

void DurationEdit::setValue(qint64 seconds)
{
    const qint64 before = value();
    {
        const QSignalBlocker blocker(m_none);
        m_none->setChecked(seconds <= 0);
    }
    enableParts(seconds > 0);
    m_seconds = std::max<qint64>(seconds, 0);
    setTextError({});
    showSeconds(m_seconds);
    if (value() != before)
        Q_EMIT valueChanged(value());
}

void DurationEdit::setNoneText(const QString& text)
{
    m_none->setText(text);
}

void DurationEdit::setFieldName(const QString& name)
{
    m_days->setAccessibleName(tr("%1 days").arg(name));
    m_hours->setAccessibleName(tr("%1 hours").arg(name));
    m_minutes->setAccessibleName(tr("%1 minutes").arg(name));
    m_text->setAccessibleName(tr("%1 as text").arg(name));
    m_none->setAccessibleName(tr("%1: %2").arg(name, m_none->text()));
}

void DurationEdit::onSpinChanged()
{
    if (m_updating)
        return;
    const qint64 seconds = m_days->value() * kDay + m_hours->value() * kHour +
                           m_minutes->value() * kMinute + m_seconds % kMinute;
    m_seconds = seconds;
    setTextError({});
    m_updating = true;
    m_text->setText(engine::formatDuration(seconds));
    m_updating = false;
    Q_EMIT valueChanged(value());
}

void DurationEdit::onTextEdited(const QString& text)
{
    if (text.trimmed().isEmpty()) {
        setTextError({});
        m_updating = true;
        m_days->setValue(0);
        m_hours->setValue(0);
        m_minutes->setValue(0);
        m_updating = false;
        m_seconds = 0;
        Q_EMIT valueChanged(value());
        return;
    }
    const auto parsed = engine::parseDuration(text.trimmed());
    if (!parsed.ok()) {
        setTextError(parsed.error().message);
        Q_EMIT valueChanged(value());
        return;
    }
    setTextError({});
    m_seconds = *parsed;
    m_updating = true;
    m_days->setValue(int(std::min<qint64>(m_seconds / kDay, kMaxDays)));
    m_hours->setValue(int(m_seconds % kDay / kHour));
    m_minutes->setValue(int(m_seconds % kHour / kMinute));
    m_updating = false;
    Q_EMIT valueChanged(value());
}

void DurationEdit::onNoneToggled(bool none)
{
    enableParts(!none);
    Q_EMIT valueChanged(value());
}

void DurationEdit::enableParts(bool enabled)
{
    for (QWidget* part : {static_cast<QWidget*>(m_days), static_cast<QWidget*>(m_hours),
                          static_cast<QWidget*>(m_minutes), static_cast<QWidget*>(m_text)})
        part->setEnabled(enabled);
}

void DurationEdit::showSeconds(qint64 seconds)
{
    m_updating = true;
    m_days->setValue(int(std::min<qint64>(seconds / kDay, kMaxDays)));
    m_hours->setValue(int(seconds % kDay / kHour));
    m_minutes->setValue(int(seconds % kHour / kMinute));
    m_text->setText(seconds > 0 ? engine::formatDuration(seconds) : QString());
    m_updating = false;
}

void DurationEdit::setTextError(const QString& error)
{
    m_textError = error;
    m_text->setToolTip(error.isEmpty() ? tr("Type a duration as Vault writes it: 90s, 30m, 36h, "
                                            "2h30m, 7d")
                                       : error);
    QPalette palette = m_text->palette();
    palette.setColor(QPalette::Text, error.isEmpty() ? this->palette().color(QPalette::Text)
                                                     : QColor(0xc0, 0x1c, 0x28));
    m_text->setPalette(palette);
}

void DurationEdit::setWarning(const QString& text)
{
    m_warning = text;
    m_warningSign->setToolTip(text);
    m_warningSign->setAccessibleName(text);
    m_warningSign->setVisible(!text.isEmpty());
}

QString DurationEdit::firstTextError(std::initializer_list<const DurationEdit*> edits)
{
    for (const DurationEdit* edit : edits) {
        if (!edit->textError().isEmpty())
            return edit->textError();
    }
    return {};
}

} // namespace tessera::ui
