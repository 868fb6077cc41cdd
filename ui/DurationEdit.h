#pragma once

#include <QWidget>
#include <initializer_list>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tessera::ui {

// A duration as days, hours and minutes, or typed the way Vault writes it
// ("36h", "2h30m", "7d", "90s"), with a "none" choice for "not set" (0).
// The text field and the spin boxes always show the same value; typed seconds
// that minutes cannot show are kept.
class DurationEdit : public QWidget
{
    Q_OBJECT

public:
    explicit DurationEdit(QWidget* parent = nullptr);

    // Seconds; 0 when "none" is chosen.
    qint64 value() const;
    void setValue(qint64 seconds);
    bool isNone() const;

    // What "none" means here: "Default", "No limit", "Not periodic"…
    void setNoneText(const QString& text);
    // Prefix of the parts' accessible names ("TTL" gives "TTL days", …).
    void setFieldName(const QString& name);
    // Typed text that is not a duration: the parser's message, else empty.
    QString textError() const { return m_textError; }
    // Marks the field with a warning sign that tells `text` (empty: none),
    // e.g. what the engine will change about the value.
    void setWarning(const QString& text);
    QString warning() const { return m_warning; }
    // The first of `edits`' text errors, else empty.
    static QString firstTextError(std::initializer_list<const DurationEdit*> edits);

Q_SIGNALS:
    void valueChanged(qint64 seconds);

private:
    void onSpinChanged();
    void onTextEdited(const QString& text);
    void onNoneToggled(bool none);
    void enableParts(bool enabled);
    void showSeconds(qint64 seconds);
    void setTextError(const QString& error);

    // In tab order.
    QSpinBox* m_days = nullptr;
    QSpinBox* m_hours = nullptr;
    QSpinBox* m_minutes = nullptr;
    QLineEdit* m_text = nullptr;
    QCheckBox* m_none = nullptr;
    QLabel* m_warningSign = nullptr;
    qint64 m_seconds = 0; // the value while not "none"
    QString m_textError;
    QString m_warning;
    bool m_updating = false;
};

} // namespace tessera::ui
