#include "api/Router.h"

namespace tessera::api {
namespace {

const QString kPrefix = QStringLiteral("/v1/");

} // namespace

void Router::add(const QString& method, const QString& pattern, Handler handler, Access access,
                 Runs runs)
{
    m_routes.append(
        {method, pattern.split(u'/', Qt::SkipEmptyParts), std::move(handler), access, runs});
}

QString Router::vaultMethod(const QString& httpMethod, bool listQuery)
{
    if (httpMethod == QLatin1String("PUT"))
        return QStringLiteral("POST");
    if (httpMethod == QLatin1String("HEAD"))
        return QStringLiteral("GET");
    if (httpMethod == QLatin1String("GET") && listQuery)
        return QStringLiteral("LIST");
    return httpMethod;
}

bool Router::matches(const Route& route, const QStringList& segments,
                     QHash<QString, QString>& params)
{
    params.clear();
    const qsizetype count = route.segments.size();
    for (qsizetype i = 0; i < count; ++i) {
        const QString& expected = route.segments.at(i);
        if (expected.startsWith(u'*')) {
            params.insert(expected.mid(1), segments.mid(i).join(u'/'));
            return true;
        }
        if (i >= segments.size())
            return false;
        if (expected.startsWith(u':'))
            params.insert(expected.mid(1), segments.at(i));
        else if (expected != segments.at(i))
            return false;
    }
    return segments.size() == count;
}

Router::Match Router::match(const QString& method, const QString& path) const
{
    Match result;
    if (!path.startsWith(kPrefix))
        return result;
    const QStringList segments =
        QStringView(path).mid(kPrefix.size()).toString().split(u'/', Qt::SkipEmptyParts);
    QHash<QString, QString> params;
    for (const Route& route : m_routes) {
        if (!matches(route, segments, params))
            continue;
        if (route.method != method) {
            result.outcome = Match::Outcome::MethodNotAllowed;
            continue;
        }
        result.outcome = Match::Outcome::Found;
        result.route = &route;
        result.params = std::move(params);
        return result;
    }
    return result;
}

} // namespace tessera::api
