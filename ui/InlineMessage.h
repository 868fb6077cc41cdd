#pragma once

#include "core/Error.h"

#include <QWidget>

class QLabel;

namespace tessera::ui {

// A message inside a form, next to what it is about: why the form cannot be
// submitted (error), what the engine will change (warning) or a plain note.
// Hidden while empty; screen readers hear it as it changes.
class InlineMessage : public QWidget
{
    Q_OBJECT

public:
    enum class Kind
    {
        Error,
        Warning,
        Info,
    };

    explicit InlineMessage(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text);
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    Kind m_kind = Kind::Info;
};

// The engine's messages are lower-case fragments ("batch tokens cannot have a
// use limit"); a form shows them as a sentence.
QString asSentence(const QString& message);
// An engine message in the console's language; the English text when the
// engine gave no source for it.
QString translated(const Message& message);
QString translated(const Error& error);

} // namespace tessera::ui
