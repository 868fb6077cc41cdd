#include "engine/TokenFilter.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tessera::engine {
namespace {

// A metadata value as it appears in the stored JSON: `:"<escaped value>"`.
QString metaValuePattern(const QString& value)
{
    QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    json.chop(1);      // ]
    json.remove(0, 1); // [
    return u':' + QString::fromUtf8(json);
}

QString likeContains(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', QLatin1String("\\\\"))
        .replace(u'%', QLatin1String("\\%"))
        .replace(u'_', QLatin1String("\\_"));
    return u'%' + escaped + u'%';
}

bool containsNoCaseAscii(const QString& haystack, const QString& needle)
{
    // LIKE folds ASCII letters only; for ASCII text this is the same.
    return haystack.contains(needle, Qt::CaseInsensitive);
}

} // namespace

const char* const TokenFilter::kSqlCondition =
    "(t.display_name LIKE ? ESCAPE '\\' OR (t.accessor >= ? AND t.accessor < ?) "
    "OR instr(',' || t.policies || ',', ?) > 0 OR instr(t.meta, ?) > 0)";

TokenFilter::TokenFilter(const QString& text)
    : m_text(text.trimmed())
{}

bool TokenFilter::matches(const Token& token) const
{
    if (m_text.isEmpty())
        return true;
    if (containsNoCaseAscii(token.displayName, m_text) || token.accessor.startsWith(m_text) ||
        token.policies.contains(m_text))
        return true;
    for (auto it = token.meta.cbegin(); it != token.meta.cend(); ++it) {
        if (it.value() == m_text)
            return true;
    }
    return false;
}

void TokenFilter::bind(store::Query& query, int firstIndex) const
{
    int i = firstIndex;
    query.bind(i++, likeContains(m_text));
    query.bind(i++, m_text);
    query.bind(i++, QString(m_text + QChar(0xFFFF)));
    query.bind(i++, QString(u',' + m_text + u','));
    query.bind(i++, metaValuePattern(m_text));
}

} // namespace tessera::engine
