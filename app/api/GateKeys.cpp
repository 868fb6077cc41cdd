#include "api/GateKeys.h"

#include "api/GateCookie.h"
#include "api/GatePages.h"
#include "engine/SecurityKeyService.h"
#include "engine/TokenEngine.h"

#include <QJsonDocument>
#include <QUrl>

namespace tessera::api {

using Text = GatePages::Text;

namespace {

const QString kKeysPath = QStringLiteral("/gate/keys");

ApiResponse refusedJson(int status, const QString& message)
{
    return GateForm::json(status, {{QStringLiteral("error"), message}});
}

ApiResponse seeOther(const QByteArray& location)
{
    ApiResponse redirect = ApiResponse::page(303, {}, {});
    redirect.header(QByteArrayLiteral("Location"), location);
    return redirect;
}

ApiResponse toSignIn()
{
    return seeOther(QByteArrayLiteral("/gate/sign-in?rd=") + QUrl::toPercentEncoding(kKeysPath));
}

} // namespace

std::optional<ApiResponse> GateKeys::handle(const GateRequest& request, const GateForm& form)
{
    if (!form.config().relyingParty().enabled())
        return std::nullopt; // no public origin: no security keys on this gate
    const bool post = request.method == "POST";
    const bool read = request.method == "GET" || request.method == "HEAD";
    if (request.path == u"/gate/sign-in/key-options" && post)
        return signInOptions(request, form);
    if (request.path == kKeysPath && read)
        return keysPage(request, form);
    if (!post || !request.path.startsWith(kKeysPath + u'/'))
        return std::nullopt;
    const QString action = request.path.mid(kKeysPath.size() + 1);
    if (action != u"options" && action != u"add" && action != u"remove")
        return std::nullopt;

    const engine::RelyingParty rp = form.config().relyingParty();
    const QUrlQuery fields = GateForm::fieldsOf(request.body);
    const QString language = GateForm::languageOf(request);
    if (!form.forgeryCheckPasses(request, fields))
        return action == u"options" ? refusedJson(403, QStringLiteral("form expired"))
                                    : seeOther(kKeysPath.toLatin1());
    auto patron = patronOf(request, QStringLiteral("gate/keys"));
    if (!patron)
        return action == u"options" ? refusedJson(401, QStringLiteral("sign in first"))
                                    : toSignIn();
    const auto& [caller, user] = *patron;
    auto& keys = m_engine.securityKeys();

    if (action == u"options") {
        auto options = keys.registrationOptions(caller, user, rp);
        if (!options)
            return refusedJson(options.error().code == ErrorCode::Conflict ? 409 : 400,
                               options.error().message);
        return GateForm::json(200, *options);
    }
    if (action == u"add") {
        const QJsonDocument credential =
            QJsonDocument::fromJson(GateForm::field(fields, QStringLiteral("credential")).toUtf8());
        auto response = engine::RegistrationResponse::fromJson(credential.object());
        Result<engine::SecurityKey> added =
            response
                ? keys.registerKey(caller, user, GateForm::field(fields, QStringLiteral("name")),
                                   rp, *response)
                : Result<engine::SecurityKey>(response.error());
        if (!added)
            return showKeys(request, form, caller, user, 400, {},
                            GatePages::text(language, Text::KeyRefused));
        return showKeys(request, form, caller, user, 200, GatePages::text(language, Text::KeyAdded),
                        {});
    }
    const Status removed =
        keys.removeKey(caller, user, GateForm::field(fields, QStringLiteral("id")));
    if (!removed)
        return showKeys(request, form, caller, user, 404, {}, removed.error().message);
    return showKeys(request, form, caller, user, 200, GatePages::text(language, Text::KeyRemoved),
                    {});
}

ApiResponse GateKeys::signInOptions(const GateRequest& request, const GateForm& form)
{
    const QUrlQuery fields = GateForm::fieldsOf(request.body);
    if (!form.forgeryCheckPasses(request, fields))
        return refusedJson(403, QStringLiteral("form expired"));
    auto options = m_engine.userpass().keyOptions(
        GateForm::field(fields, QStringLiteral("mfa_request")), form.config().relyingParty());
    if (!options)
        return refusedJson(options.error().code == ErrorCode::NotFound ? 404 : 400,
                           options.error().message);
    return GateForm::json(200, *options);
}

ApiResponse GateKeys::keysPage(const GateRequest& request, const GateForm& form)
{
    auto patron = patronOf(request, QStringLiteral("gate/keys"));
    if (!patron)
        return toSignIn();
    return showKeys(request, form, patron->first, patron->second, 200, {}, {});
}

std::optional<std::pair<engine::Caller, QString>> GateKeys::patronOf(const GateRequest& request,
                                                                     const QString& use)
{
    const QByteArray token = GateCookie::tokenFrom(request.header(QByteArrayLiteral("Cookie")));
    if (token.isEmpty())
        return std::nullopt;
    auto caller = m_engine.tokens().authenticate(QString::fromLatin1(token), request.client,
                                                 request.requestId, use);
    if (!caller || !caller->token)
        return std::nullopt;
    const QString user = caller->token->meta.value(QStringLiteral("username"));
    // Only a password sign-in's own token: not a link, not a child token.
    if (user.isEmpty() || caller->token->issuedBy != QStringLiteral("login:") + user)
        return std::nullopt;
    return std::pair{std::move(*caller), user};
}

ApiResponse GateKeys::showKeys(const GateRequest& request, const GateForm& form,
                               const engine::Caller& caller, const QString& user, int status,
                               const QString& notice, const QString& error)
{
    const QString csrf = GateForm::csrfOf(request);
    GatePages::Keys page{csrf, user, {}, error, notice};
    if (auto keys = m_engine.securityKeys().keys(caller, user)) {
        for (const engine::SecurityKey& key : *keys)
            page.keys.append({key.id(), key.label, key.createdAt, key.lastUsedAt});
    }
    return form.html(status, GatePages::keys(GateForm::languageOf(request), page), csrf);
}

} // namespace tessera::api
