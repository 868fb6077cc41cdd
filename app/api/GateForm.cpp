#include "api/GateForm.h"

#include "api/GateCookie.h"
#include "api/GateLanguage.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrl>
#include <array>

namespace tessera::api {

namespace {

constexpr const char* kCsrfCookie = "tessera_csrf";

bool sameValue(const QString& a, const QString& b)
{
    if (a.size() != b.size())
        return false;
    char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<char>(a.at(i).unicode() ^ b.at(i).unicode());
    return difference == 0;
}

} // namespace

// application/x-www-form-urlencoded, where '+' is a space.
QUrlQuery GateForm::fieldsOf(const QByteArray& body)
{
    QByteArray text = body;
    text.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(text));
}

QString GateForm::field(const QUrlQuery& form, const QString& name)
{
    return form.queryItemValue(name, QUrl::FullyDecoded);
}

QString GateForm::languageOf(const GateRequest& request)
{
    return GateLanguage::fromAcceptLanguage(request.header(QByteArrayLiteral("Accept-Language")));
}

QString GateForm::csrfOf(const GateRequest& request)
{
    const QByteArray current =
        GateCookie::valueOf(request.header(QByteArrayLiteral("Cookie")), kCsrfCookie);
    if (current.size() == 32)
        return QString::fromLatin1(current);
    std::array<quint32, 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), int(words.size()));
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(words.data()), sizeof(words)).toHex());
}

bool GateForm::forgeryCheckPasses(const GateRequest& request, const QUrlQuery& form) const
{
    // A browser sends Origin with every cross-site post; it must be this host.
    const QByteArray origin = request.header(QByteArrayLiteral("Origin")).trimmed();
    if (!origin.isEmpty()) {
        QByteArray host = request.header(QByteArrayLiteral("X-Forwarded-Host")).trimmed();
        if (host.isEmpty())
            host = request.header(QByteArrayLiteral("Host")).trimmed();
        const QUrl url(QString::fromLatin1(origin));
        const QString authority =
            url.host() + (url.port() >= 0 ? u':' + QString::number(url.port()) : QString());
        if (authority.compare(QString::fromLatin1(host), Qt::CaseInsensitive) != 0)
            return false;
    }
    const QByteArray cookie =
        GateCookie::valueOf(request.header(QByteArrayLiteral("Cookie")), kCsrfCookie);
    const QString submitted = field(form, QStringLiteral("csrf"));
    return cookie.size() == 32 && sameValue(submitted, QString::fromLatin1(cookie));
}

ApiResponse GateForm::html(int status, QByteArray page, const QString& csrf) const
{
    QString formTargets = QStringLiteral("'self'");
    for (const QString& host : m_config.allowedRedirectHosts)
        formTargets += QStringLiteral(" https://%1 http://%1").arg(host);
    ApiResponse response =
        ApiResponse::page(status, std::move(page), QByteArrayLiteral("text/html; charset=utf-8"));
    response
        .header(QByteArrayLiteral("Content-Security-Policy"),
                QByteArrayLiteral("default-src 'none'; style-src 'self'; script-src 'self'; "
                                  "img-src 'self'; base-uri 'none'; frame-ancestors 'none'; "
                                  "form-action ") +
                    formTargets.toLatin1())
        .header(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"))
        .header(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("same-origin"));
    if (!csrf.isEmpty()) {
        QByteArray cookie = QByteArray(kCsrfCookie) + '=' + csrf.toLatin1() +
                            QByteArrayLiteral("; Path=/gate; HttpOnly; SameSite=Strict");
        if (m_secureCookies)
            cookie += QByteArrayLiteral("; Secure");
        response.header(QByteArrayLiteral("Set-Cookie"), cookie);
    }
    return response;
}

ApiResponse GateForm::json(int status, const QJsonObject& body)
{
    ApiResponse response =
        ApiResponse::page(status, QJsonDocument(body).toJson(QJsonDocument::Compact),
                          QByteArrayLiteral("application/json"));
    response.header(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

} // namespace tessera::api
