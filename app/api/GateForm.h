#pragma once

#include "api/ApiResponse.h"
#include "api/GateConfig.h"
#include "api/GateRequest.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace tessera::api {

// What every gate page with a form shares (docs/ARCHITECTURE.md, «The
// gate»): reading posted fields and the browser's language, the anti-forgery
// value (an HttpOnly, SameSite=Strict cookie and the same value in a hidden
// field) and its check, and the HTML answer with the pages' security headers.
// A view of the endpoint's configuration: it lives no longer than the request.
class GateForm
{
public:
    GateForm(const GateConfig& config, bool secureCookies)
        : m_config(config)
        , m_secureCookies(secureCookies)
    {}

    // application/x-www-form-urlencoded, where '+' is a space.
    static QUrlQuery fieldsOf(const QByteArray& body);
    static QString field(const QUrlQuery& fields, const QString& name);
    static QString languageOf(const GateRequest& request);
    // The anti-forgery value of this browser (its cookie's), or a new one.
    static QString csrfOf(const GateRequest& request);

    // The post carries the browser's anti-forgery value and, when the browser
    // sends an Origin, comes from this host.
    bool forgeryCheckPasses(const GateRequest& request, const QUrlQuery& fields) const;
    // A page with the security headers; `csrf` non-empty: its cookie is (re)set.
    ApiResponse html(int status, QByteArray page, const QString& csrf) const;
    // A JSON answer for the pages' script (never cached).
    static ApiResponse json(int status, const QJsonObject& body);
    const GateConfig& config() const { return m_config; }

private:
    const GateConfig& m_config;
    const bool m_secureCookies;
};

} // namespace tessera::api
