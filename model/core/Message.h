#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tessera {

// A sentence for people, kept as its untranslated source text and the
// arguments for its %1, %2…: the API and the CLI show text(), in English; the
// console translates the source (context kMessageContext) and fills in the
// same arguments. Each source is marked where it is written, so that lupdate
// finds it:
//   Message{QT_TRANSLATE_NOOP("EngineMessage", "batch tokens cannot be periodic")}
struct Message
{
    const char* source = nullptr; // UTF-8, with static storage
    QStringList args = {};

    bool isEmpty() const { return source == nullptr; }
    // In English.
    QString text() const { return fill(QString::fromUtf8(source), args); }

    // `pattern` with %1…%9 replaced by args in one pass (an argument that
    // itself holds "%2" stays as it is, unlike chained QString::arg calls).
    static QString fill(const QString& pattern, const QStringList& args);
};

inline constexpr char kMessageContext[] = "EngineMessage";

QStringList englishTexts(const QList<Message>& messages);

} // namespace tessera
