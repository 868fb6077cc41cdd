#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tessera::api {

// The gate's HTML pages, in the patron's language (English, Spanish or
// German; GateLanguage), from templates embedded as resources (app/api/gate).
// Every value is HTML-escaped. No framework, no CDN: one stylesheet and a
// script the pages work without.
class GatePages
{
public:
    struct SignIn
    {
        QString rd;       // where to go after signing in (already checked)
        QString csrf;     // the form's anti-forgery value
        QString username; // kept after a failed attempt, never the password
        QString error;    // translated, or empty
        QString notice;   // translated, or empty
        // Set when the password was right and a second factor is to come
        // (Vault's mfa_request_id, single use): the page asks for one of
        // `methods` ("totp": the code; "webauthn": the security key).
        QString mfaRequest;
        QStringList methods;
    };
    // The sign-in with a pass's code (docs/ARCHITECTURE.md, «Pass codes»).
    struct PassSignIn
    {
        QString rd;     // where to go after signing in (already checked)
        QString csrf;   // the form's anti-forgery value
        QString error;  // translated, or empty; the code is never written back
        QString notice; // translated, or empty
    };
    // A patron's security key as the self-service page lists it.
    struct KeyRow
    {
        QString id;
        QString name;
        qint64 addedAt = 0;
        qint64 lastUsedAt = 0; // 0: never
    };
    struct Keys
    {
        QString csrf;
        QString user;
        QList<KeyRow> keys;
        QString error;  // translated, or empty
        QString notice; // translated, or empty
    };
    enum class Text
    {
        WrongCredentials,
        MissingCredentials,
        FormExpired,
        TooManyAttempts, // %1: seconds
        RedirectRefused,
        Unavailable,
        Ended,               // a link used up, or a sign-in revoked or past its time
        WrongCode,           // the second factor's code; the sign-in starts over
        WrongKey,            // the security key's answer was refused; the sign-in starts over
        SecondFactorMissing, // the account requires a second factor it has not enrolled
        KeyAdded,
        KeyRefused, // a registration that failed
        KeyRemoved,
        MissingPassCode,
        PassCodeMalformed, // too short, too long, or its check character is wrong
        PassCodeWrong,     // no pass has it, or the pass has ended
    };

    // The user name and password, or with `mfaRequest` set the second step.
    static QByteArray signIn(const QString& language, const SignIn& form);
    // The one field of a pass's code, and a way back to the password.
    static QByteArray passSignIn(const QString& language, const PassSignIn& form);
    // After signing in where there is nowhere to go back to: a sign-out
    // button, and with `keysLink` a link to the security-key page.
    static QByteArray signedIn(const QString& language, const QString& csrf,
                               const QString& notice = {}, bool keysLink = false);
    // The self-service page: the patron's security keys, add and remove.
    static QByteArray keys(const QString& language, const Keys& page);
    static QByteArray signOut(const QString& language, const QString& csrf);
    static QByteArray signedOut(const QString& language);
    // The body of /gate/check's 401: proxies that pass it to the browser
    // (Traefik's forwardAuth, Caddy's forward_auth) send it on to `signIn`.
    // /gate/redeem of a link that is used up, expired or unknown.
    static QByteArray linkUsed(const QString& language);
    static QByteArray signInFirst(const QString& language, const QString& signInUrl);

    static QString text(const QString& language, Text which, qint64 number = 0);
    // A stylesheet or script of the pages ("gate.css", "gate.js"); empty if none.
    static QByteArray asset(const QString& name);
};

} // namespace tessera::api
