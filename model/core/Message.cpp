#include "core/Message.h"

namespace tessera {

QString Message::fill(const QString& pattern, const QStringList& args)
{
    QString out;
    out.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'%' && i + 1 < pattern.size() && pattern.at(i + 1) >= u'1' &&
            pattern.at(i + 1) <= u'9') {
            const qsizetype index = pattern.at(i + 1).unicode() - u'1';
            if (index < args.size()) {
                out += args.at(index);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QStringList englishTexts(const QList<Message>& messages)
{
    QStringList texts;
    texts.reserve(messages.size());
    for (const Message& message : messages)
        texts << message.text();
    return texts;
}

} // namespace tessera
