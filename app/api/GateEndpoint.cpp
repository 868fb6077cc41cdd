#include "api/GateEndpoint.h"

#include "api/GateCookie.h"
#include "api/GateLanguage.h"
#include "api/GatePages.h"
#include "engine/GatePath.h"
#include "engine/TokenEngine.h"

#include <QJsonDocument>
#include <QUrl>

namespace tessera::api {

namespace {

ApiResponse verdict(int status, const char* text)
{
    return ApiResponse::page(status, QByteArray(text) + '\n',
                             QByteArrayLiteral("text/plain; charset=utf-8"));
}

// Header values are one line of visible ASCII: the rest percent-encoded.
QByteArray headerValue(const QString& text)
{
    return QUrl::toPercentEncoding(text, QByteArrayLiteral(" !\"#$&'()*+,/:;<=>?@[\\]^`{|}~"));
}

QByteArray tokenOf(const GateForward::HeaderLookup& header)
{
    QByteArray token = GateCookie::tokenFrom(header(QByteArrayLiteral("Cookie")));
    if (!token.isEmpty())
        return token;
    const QByteArray authorization = header(QByteArrayLiteral("Authorization")).trimmed();
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        return authorization.mid(7).trimmed();
    return {};
}

} // namespace

GateEndpoint::GateEndpoint(engine::TokenEngine& engine, const ApiLimits& limits)
    : m_engine(engine)
    , m_signInLimiter(limits.loginBurst, limits.loginPerSecond)
    , m_keys(engine)
{}

void GateEndpoint::configure(const GateConfig& config, bool tls)
{
    m_config = config;
    m_secureCookies = tls || config.secureCookies;
}

const QList<QByteArray>& GateEndpoint::headerNames()
{
    static const QList<QByteArray> names{
        QByteArrayLiteral("Host"),
        QByteArrayLiteral("Cookie"),
        QByteArrayLiteral("Authorization"),
        QByteArrayLiteral("Origin"),
        QByteArrayLiteral("Accept-Language"),
        QByteArrayLiteral("X-Original-URI"),
        QByteArrayLiteral("X-Original-Method"),
        QByteArrayLiteral("X-Forwarded-Uri"),
        QByteArrayLiteral("X-Forwarded-Method"),
        QByteArrayLiteral("X-Forwarded-Host"),
        QByteArrayLiteral("X-Forwarded-For"),
    };
    return names;
}

ApiResponse GateEndpoint::handle(const GateRequest& request)
{
    const bool read = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";
    if (request.path == u"/gate/check")
        return check(request.header, request.client, request.requestId);
    if (request.path == u"/gate/sign-in" && (read || post))
        return read ? signInPage(request) : signIn(request);
    if (request.path == u"/gate/sign-in/pass" && (read || post))
        return read ? passSignInPage(request) : passSignIn(request);
    if (request.path == u"/gate/sign-out" && (read || post))
        return read ? signOutPage(request) : signOut(request);
    if (request.path == u"/gate/redeem" && read)
        return redeem(request);
    if (request.path.startsWith(u"/gate/assets/") && read) {
        const QString name = request.path.mid(13);
        const QByteArray asset = GatePages::asset(name);
        if (!asset.isEmpty())
            return ApiResponse::page(200, asset,
                                     name.endsWith(u".css")
                                         ? QByteArrayLiteral("text/css; charset=utf-8")
                                         : QByteArrayLiteral("text/javascript; charset=utf-8"));
    }
    if (auto keys = m_keys.handle(request, pages()))
        return *keys;
    return verdict(404, "not found");
}

std::optional<ApiResponse> GateEndpoint::handleWithoutWaiting(const GateRequest& request)
{
    if (request.path != u"/gate/check")
        return std::nullopt;
    return check(request.header, request.client, request.requestId, false);
}

ApiResponse GateEndpoint::check(const GateForward::HeaderLookup& header, const QString& client,
                                const QString& requestId)
{
    return *check(header, client, requestId, true);
}

std::optional<ApiResponse> GateEndpoint::check(const GateForward::HeaderLookup& header,
                                               const QString& client, const QString& requestId,
                                               bool mayWait)
{
    auto forward = GateForward::fromHeaders(header);
    if (!forward)
        return ApiResponse::error(400, forward.error().message);
    if (auto host = engine::GatePath::normalizedHost(forward->host); !host)
        return ApiResponse::error(400, host.error().message);
    // A document that cannot be named safely is one no policy grants; nginx
    // passes 401 and 403 on, and takes anything else for its own failure.
    auto request = engine::GatePath::fromRequest(forward->method, forward->host, forward->uri);
    if (!request)
        return verdict(403, "forbidden");

    const QByteArray token = tokenOf(header);
    auto decision =
        m_engine.gate().decide(QString::fromLatin1(token), *request, client, requestId, mayWait);
    if (!decision)
        return ApiResponse::fromError(decision.error());
    if (!decision->has_value())
        return std::nullopt; // a use to count: on a worker
    using Verdict = engine::GateDecision::Verdict;
    switch ((*decision)->verdict) {
    case Verdict::SignIn: {
        // nginx reads only the status; Traefik and Caddy show the body.
        const QString target =
            QStringLiteral("/gate/sign-in?rd=") +
            QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(forward->uri)));
        const QString ended = token.isEmpty() ? QString() : QStringLiteral("&reason=ended");
        ApiResponse signIn = ApiResponse::page(
            401,
            GatePages::signInFirst(
                GateLanguage::fromAcceptLanguage(header(QByteArrayLiteral("Accept-Language"))),
                target + ended),
            QByteArrayLiteral("text/html; charset=utf-8"));
        // For the proxy's sign-in redirect: a token came, and it is no more.
        if (!token.isEmpty())
            signIn.header(QByteArrayLiteral("X-Tessera-Reason"), QByteArrayLiteral("ended"));
        return signIn;
    }
    case Verdict::Forbidden:
        return verdict(403, "forbidden");
    case Verdict::Allowed:
        break;
    }
    const engine::Token& info = *(*decision)->token;
    // No body: nginx's auth_request reads only the header of the answer, and
    // keeps the connection to us for the next check only when nothing follows
    // it (with a body, every check cost nginx a new connection: 9 % of the
    // unchecked rate instead of BENCHMARKS.md's figure).
    ApiResponse allowed =
        ApiResponse::page(200, QByteArray(), QByteArrayLiteral("text/plain; charset=utf-8"));
    allowed.header(QByteArrayLiteral("X-Tessera-Display-Name"), headerValue(info.displayName))
        .header(QByteArrayLiteral("X-Tessera-Accessor"), info.accessor.toLatin1())
        .header(QByteArrayLiteral("X-Tessera-Policies"),
                headerValue(info.policies.join(QLatin1Char(','))));
    return allowed;
}

ApiResponse GateEndpoint::signInPage(const GateRequest& request)
{
    const QString language = GateForm::languageOf(request);
    const QString csrf = GateForm::csrfOf(request);
    const QString rd = GateForm::field(request.query, QStringLiteral("rd"));
    GatePages::SignIn shown;
    shown.csrf = csrf;
    if (m_config.redirectTarget(rd))
        shown.rd = rd;
    else if (!rd.isEmpty())
        shown.notice = GatePages::text(language, GatePages::Text::RedirectRefused);
    if (GateForm::field(request.query, QStringLiteral("reason")) == u"ended")
        shown.notice = GatePages::text(language, GatePages::Text::Ended);
    return pages().html(200, GatePages::signIn(language, shown), csrf);
}

GateEndpoint::SignInPost GateEndpoint::readSignIn(const GateRequest& request) const
{
    SignInPost post;
    post.language = GateForm::languageOf(request);
    post.csrf = GateForm::csrfOf(request);
    post.fields = GateForm::fieldsOf(request.body);
    post.rd = GateForm::field(post.fields, QStringLiteral("rd"));
    post.target = m_config.redirectTarget(post.rd);
    return post;
}

std::optional<ApiResponse> GateEndpoint::refuseAttempt(const GateRequest& request,
                                                       const SignInPost& post, const Refuse& refuse)
{
    if (!m_signInLimiter.take(request.client)) {
        const qint64 seconds = m_signInLimiter.secondsUntilAvailable(request.client);
        return refuse(429, GatePages::Text::TooManyAttempts, seconds).retryAfter(seconds);
    }
    if (!pages().forgeryCheckPasses(request, post.fields))
        return refuse(403, GatePages::Text::FormExpired, 0);
    return std::nullopt;
}

ApiResponse GateEndpoint::signIn(const GateRequest& request)
{
    using Text = GatePages::Text;
    const SignInPost post = readSignIn(request);
    const auto& [language, csrf, fields, rd, target] = post;
    GatePages::SignIn again;
    again.csrf = csrf;
    again.username = GateForm::field(fields, QStringLiteral("username")).trimmed();
    if (target)
        again.rd = rd;
    const auto refuse = [&](int status, Text why, qint64 number = 0) {
        again.error = GatePages::text(language, why, number);
        return pages().html(status, GatePages::signIn(language, again), csrf);
    };
    if (auto refused = refuseAttempt(request, post, refuse))
        return std::move(*refused);
    const auto refused = [&](const Error& error, Text wrong) -> ApiResponse {
        switch (error.code) {
        case ErrorCode::RateLimited:
            return refuse(429, Text::TooManyAttempts, error.retryAfterSeconds)
                .retryAfter(error.retryAfterSeconds);
        case ErrorCode::InvalidCredentials:
        case ErrorCode::InvalidArgument:
        case ErrorCode::NotFound:
        case ErrorCode::PermissionDenied:
            return refuse(401, wrong);
        default:
            return refuse(503, Text::Unavailable);
        }
    };

    // The second step: the code for a password that was right. The request
    // is used up either way, so a wrong code starts the sign-in over.
    const QString mfaRequest = GateForm::field(fields, QStringLiteral("mfa_request"));
    std::optional<engine::CreatedToken> created;
    if (!mfaRequest.isEmpty()) {
        engine::SecondFactorAnswer answer;
        const QString assertion = GateForm::field(fields, QStringLiteral("assertion"));
        if (!assertion.isEmpty()) {
            auto parsed = engine::AssertionResponse::fromJson(
                QJsonDocument::fromJson(assertion.toUtf8()).object());
            // A malformed answer is a wrong one: it uses the request up too.
            answer.assertion = parsed ? std::move(*parsed) : engine::AssertionResponse{};
            answer.rp = m_config.relyingParty();
        } else {
            answer.totpCode = GateForm::field(fields, QStringLiteral("code")).trimmed();
        }
        auto finished =
            m_engine.userpass().validateMfa(mfaRequest, answer, request.client, request.requestId);
        if (!finished)
            return refused(finished.error(), answer.assertion ? Text::WrongKey : Text::WrongCode);
        created = std::move(*finished);
    } else {
        const QString password = GateForm::field(fields, QStringLiteral("password"));
        if (again.username.isEmpty() || password.isEmpty())
            return refuse(400, Text::MissingCredentials);
        auto signedIn = m_engine.userpass().signIn(again.username, password, std::nullopt,
                                                   request.client, request.requestId);
        // After the password, only a requirement the user has no factor for
        // refuses with PermissionDenied (UserpassService::signIn).
        if (!signedIn && signedIn.error().code == ErrorCode::PermissionDenied)
            return refuse(403, Text::SecondFactorMissing);
        if (!signedIn)
            return refused(signedIn.error(), Text::WrongCredentials);
        if (signedIn->mfa) {
            again.mfaRequest = signedIn->mfa->requestId;
            again.methods = signedIn->mfa->methods;
            // Without a public origin the browser cannot use a key here.
            if (!m_config.relyingParty().enabled())
                again.methods.removeAll(QStringLiteral("webauthn"));
            return pages().html(200, GatePages::signIn(language, again), csrf);
        }
        created = std::move(*signedIn->token);
    }
    return signedInAnswer(*created, target, rd, language, csrf);
}

ApiResponse GateEndpoint::passSignInPage(const GateRequest& request)
{
    const QString language = GateForm::languageOf(request);
    const QString csrf = GateForm::csrfOf(request);
    const QString rd = GateForm::field(request.query, QStringLiteral("rd"));
    GatePages::PassSignIn shown;
    shown.csrf = csrf;
    if (m_config.redirectTarget(rd))
        shown.rd = rd;
    else if (!rd.isEmpty())
        shown.notice = GatePages::text(language, GatePages::Text::RedirectRefused);
    return pages().html(200, GatePages::passSignIn(language, shown), csrf);
}

ApiResponse GateEndpoint::passSignIn(const GateRequest& request)
{
    using Text = GatePages::Text;
    const SignInPost post = readSignIn(request);
    const auto& [language, csrf, fields, rd, target] = post;
    GatePages::PassSignIn again;
    again.csrf = csrf;
    if (target)
        again.rd = rd;
    const auto refuse = [&](int status, Text why, qint64 number = 0) {
        again.error = GatePages::text(language, why, number);
        return pages().html(status, GatePages::passSignIn(language, again), csrf);
    };
    if (auto refused = refuseAttempt(request, post, refuse))
        return std::move(*refused);
    const QString code = GateForm::field(fields, QStringLiteral("code")).trimmed();
    if (code.isEmpty())
        return refuse(400, Text::MissingPassCode);
    auto redeemed = m_engine.passCodes().redeem(code, request.client, request.requestId);
    if (!redeemed) {
        switch (redeemed.error().code) {
        case ErrorCode::RateLimited:
            return refuse(429, Text::TooManyAttempts, redeemed.error().retryAfterSeconds)
                .retryAfter(redeemed.error().retryAfterSeconds);
        case ErrorCode::InvalidArgument:
            return refuse(400, Text::PassCodeMalformed);
        case ErrorCode::InvalidCredentials:
            return refuse(401, Text::PassCodeWrong);
        default:
            return refuse(503, Text::Unavailable);
        }
    }
    return signedInAnswer(*redeemed, target, rd, language, csrf);
}

ApiResponse GateEndpoint::signedInAnswer(const engine::CreatedToken& created,
                                         const std::optional<QString>& target, const QString& rd,
                                         const QString& language, const QString& csrf)
{
    using Text = GatePages::Text;
    const qint64 now = m_engine.clock().nowSeconds();
    const qint64 lifetime =
        created.info.expireAt ? std::max<qint64>(*created.info.expireAt - now, 1) : 0;
    const QByteArray cookie = GateCookie::set(created.token.toLatin1(), lifetime, m_secureCookies);
    if (target) {
        ApiResponse redirect = ApiResponse::page(303, {}, {});
        redirect.header(QByteArrayLiteral("Location"), target->toUtf8())
            .header(QByteArrayLiteral("Set-Cookie"), cookie);
        return redirect;
    }
    const QString notice =
        rd.isEmpty() ? QString() : GatePages::text(language, Text::RedirectRefused);
    ApiResponse answer = pages().html(
        200, GatePages::signedIn(language, csrf, notice, m_config.relyingParty().enabled()), csrf);
    answer.header(QByteArrayLiteral("Set-Cookie"), cookie);
    return answer;
}

ApiResponse GateEndpoint::signOutPage(const GateRequest& request)
{
    const QString csrf = GateForm::csrfOf(request);
    return pages().html(200, GatePages::signOut(GateForm::languageOf(request), csrf), csrf);
}

ApiResponse GateEndpoint::signOut(const GateRequest& request)
{
    const QString language = GateForm::languageOf(request);
    const QUrlQuery fields = GateForm::fieldsOf(request.body);
    if (!pages().forgeryCheckPasses(request, fields)) {
        const QString csrf = GateForm::csrfOf(request);
        return pages().html(403, GatePages::signOut(language, csrf), csrf);
    }
    const QByteArray token = GateCookie::tokenFrom(request.header(QByteArrayLiteral("Cookie")));
    if (!token.isEmpty()) {
        auto caller =
            m_engine.tokens().authenticate(QString::fromLatin1(token), request.client,
                                           request.requestId, QStringLiteral("gate/sign-out"));
        if (caller) {
            // With its subtree: whatever the patron's token created ends too.
            const bool everywhere = GateForm::field(fields, QStringLiteral("everywhere")) == u"1";
            Status ended;
            if (everywhere) {
                if (auto count = m_engine.gate().signOutEverywhere(*caller); !count)
                    ended = count.error();
            } else if (auto revoked = m_engine.tokens().revoke(*caller, engine::TokenRef::self());
                       !revoked) {
                ended = revoked.error();
            }
            if (!ended && ended.error().code != ErrorCode::NotFound)
                return pages().html(503, GatePages::signOut(language, GateForm::csrfOf(request)),
                                    {});
        }
    }
    ApiResponse signedOut = pages().html(200, GatePages::signedOut(language), {});
    signedOut.header(QByteArrayLiteral("Set-Cookie"), GateCookie::clear(m_secureCookies));
    return signedOut;
}

ApiResponse GateEndpoint::redeem(const GateRequest& request)
{
    const QString language = GateForm::languageOf(request);
    const QString raw = GateForm::field(request.query, QStringLiteral("t"));
    // Looked at, not used: the one use is the document's own check.
    auto token = raw.isEmpty() ? Result<engine::Token>(Error::invalid(QString()))
                               : m_engine.tokens().validate(raw);
    const QString document = token ? engine::GateService::linkedDocument(*token) : QString();
    const qsizetype hostEnd = document.indexOf(u'/', 5); // after "gate/"
    if (document.isEmpty() || hostEnd < 0)
        return pages().html(410, GatePages::linkUsed(language), {});
    const QByteArray path = QUrl::toPercentEncoding(document.mid(hostEnd), "/");
    const qint64 now = m_engine.clock().nowSeconds();
    const qint64 lifetime = token->expireAt ? std::max<qint64>(*token->expireAt - now, 1) : 0;
    ApiResponse redirect = ApiResponse::page(303, {}, {});
    redirect.header(QByteArrayLiteral("Location"), path)
        .header(QByteArrayLiteral("Set-Cookie"),
                GateCookie::set(raw.toLatin1(), lifetime, m_secureCookies, path));
    return redirect;
}

} // namespace tessera::api
