#include "api/GatePages.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QTranslator>
#include <QUrl>
#include <map>
#include <memory>

namespace tessera::api {

using namespace Qt::StringLiterals;

namespace {

constexpr const char* kContext = "GatePage";

// The pages' strings, extracted by lupdate into translations/gate_<lang>.ts.
struct Strings
{
    const char* signInTitle = QT_TRANSLATE_NOOP("GatePage", "Sign in to the library");
    const char* username = QT_TRANSLATE_NOOP("GatePage", "User name or library card number");
    const char* password = QT_TRANSLATE_NOOP("GatePage", "Password");
    const char* submit = QT_TRANSLATE_NOOP("GatePage", "Sign in");
    const char* hint = QT_TRANSLATE_NOOP(
        "GatePage", "Your sign-in ends when you sign out, or by itself after a while.");
    const char* signedInTitle = QT_TRANSLATE_NOOP("GatePage", "You are signed in");
    const char* signedInText =
        QT_TRANSLATE_NOOP("GatePage", "You can now open the library's online resources.");
    const char* signOutTitle = QT_TRANSLATE_NOOP("GatePage", "Sign out");
    const char* signOutText =
        QT_TRANSLATE_NOOP("GatePage", "Signing out ends your access on this browser at once.");
    const char* signOutButton = QT_TRANSLATE_NOOP("GatePage", "Sign out");
    const char* signedOutTitle = QT_TRANSLATE_NOOP("GatePage", "You are signed out");
    const char* signedOutText = QT_TRANSLATE_NOOP(
        "GatePage", "Your access on this browser has ended. You can close this window.");
    const char* signInAgain = QT_TRANSLATE_NOOP("GatePage", "Sign in again");
    const char* linkUsedTitle = QT_TRANSLATE_NOOP("GatePage", "This link has been used");
    const char* linkUsedText = QT_TRANSLATE_NOOP(
        "GatePage",
        "A link for one document opens it once, and only until it expires. Ask the library "
        "for a new link, or sign in.");
    const char* everywhere = QT_TRANSLATE_NOOP("GatePage", "Sign out everywhere");
    const char* everywhereHint = QT_TRANSLATE_NOOP(
        "GatePage", "Signing out everywhere also ends your sign-ins on other computers.");
    const char* codeIntro = QT_TRANSLATE_NOOP(
        "GatePage", "Your account is protected by a second step. Open the authenticator app on "
                    "your phone and type the code it shows for Tessera.");
    const char* codeLabel = QT_TRANSLATE_NOOP("GatePage", "Six-digit code");
    const char* codeSubmit = QT_TRANSLATE_NOOP("GatePage", "Continue");
    const char* keyIntro = QT_TRANSLATE_NOOP(
        "GatePage", "Your account is protected by a second step. Have your security key or "
                    "ring ready, then press the button and touch the key.");
    const char* codeOrKeyIntro = QT_TRANSLATE_NOOP(
        "GatePage", "Your account is protected by a second step: use your security key, or "
                    "type the code your authenticator app shows.");
    const char* useKey = QT_TRANSLATE_NOOP("GatePage", "Use a security key");
    const char* orCode = QT_TRANSLATE_NOOP("GatePage", "or");
    const char* keyFailed = QT_TRANSLATE_NOOP(
        "GatePage", "The security key did not answer, or the time ran out. Please try again.");
    const char* keyUnsupported =
        QT_TRANSLATE_NOOP("GatePage", "This browser cannot use security keys.");
    const char* needsScript = QT_TRANSLATE_NOOP(
        "GatePage", "Security keys need JavaScript, which is switched off in this browser.");
    const char* keysTitle = QT_TRANSLATE_NOOP("GatePage", "Your security keys");
    const char* keysIntro = QT_TRANSLATE_NOOP(
        "GatePage", "A security key or ring protects your account: after your password, the "
                    "library asks you to touch it.");
    const char* noKeys = QT_TRANSLATE_NOOP("GatePage", "You have no security key yet.");
    const char* keyColumn = QT_TRANSLATE_NOOP("GatePage", "Key");
    const char* addedColumn = QT_TRANSLATE_NOOP("GatePage", "Added");
    const char* lastUsedColumn = QT_TRANSLATE_NOOP("GatePage", "Last used");
    const char* never = QT_TRANSLATE_NOOP("GatePage", "never");
    const char* remove = QT_TRANSLATE_NOOP("GatePage", "Remove");
    const char* addHeading = QT_TRANSLATE_NOOP("GatePage", "Add a key");
    const char* keyName = QT_TRANSLATE_NOOP("GatePage", "Name of the key");
    const char* keyNamePlaceholder = QT_TRANSLATE_NOOP("GatePage", "e.g. Blue key");
    const char* addKey = QT_TRANSLATE_NOOP("GatePage", "Add a security key");
    const char* manageKeys = QT_TRANSLATE_NOOP("GatePage", "Your security keys");
    const char* passLink = QT_TRANSLATE_NOOP("GatePage", "Sign in with a pass code");
    const char* passTitle = QT_TRANSLATE_NOOP("GatePage", "Sign in with a pass code");
    const char* passIntro = QT_TRANSLATE_NOOP(
        "GatePage", "Type the code printed under the QR code on your pass. Capital or small "
                    "letters, spaces and hyphens do not matter.");
    const char* passLabel = QT_TRANSLATE_NOOP("GatePage", "Pass code");
    const char* passwordLink =
        QT_TRANSLATE_NOOP("GatePage", "Sign in with a user name and password");
};

const char* textSource(GatePages::Text which)
{
    switch (which) {
    case GatePages::Text::WrongCredentials:
        return QT_TRANSLATE_NOOP("GatePage", "The user name or the password is wrong.");
    case GatePages::Text::MissingCredentials:
        return QT_TRANSLATE_NOOP("GatePage", "Please fill in your user name and your password.");
    case GatePages::Text::FormExpired:
        return QT_TRANSLATE_NOOP("GatePage", "This form has expired. Please fill it in once more.");
    case GatePages::Text::TooManyAttempts:
        return QT_TRANSLATE_NOOP("GatePage", "Too many attempts. Please try again in %1 seconds.");
    case GatePages::Text::RedirectRefused:
        return QT_TRANSLATE_NOOP("GatePage",
                                 "The page that sent you here is not one the library links to, "
                                 "so you will not be sent back to it.");
    case GatePages::Text::Ended:
        return QT_TRANSLATE_NOOP("GatePage", "Your link has been used, or your sign-in has ended. "
                                             "Please sign in.");
    case GatePages::Text::WrongCode:
        return QT_TRANSLATE_NOOP("GatePage", "That code was not right, or it came too late. "
                                             "Please sign in again and use the newest code.");
    case GatePages::Text::WrongKey:
        return QT_TRANSLATE_NOOP("GatePage", "The security key was not accepted. Please sign in "
                                             "again.");
    case GatePages::Text::SecondFactorMissing:
        return QT_TRANSLATE_NOOP("GatePage", "This account needs a second factor that is not set "
                                             "up yet. Please ask at the desk.");
    case GatePages::Text::KeyAdded:
        return QT_TRANSLATE_NOOP("GatePage", "The key was added. The library will ask for it "
                                             "from your next sign-in on.");
    case GatePages::Text::KeyRefused:
        return QT_TRANSLATE_NOOP("GatePage", "The key could not be added. Give it a name you "
                                             "have not used yet, and try again.");
    case GatePages::Text::KeyRemoved:
        return QT_TRANSLATE_NOOP("GatePage", "The key was removed.");
    case GatePages::Text::MissingPassCode:
        return QT_TRANSLATE_NOOP("GatePage", "Please type the code printed on your pass.");
    case GatePages::Text::PassCodeMalformed:
        return QT_TRANSLATE_NOOP("GatePage", "The code has a typo. A pass code has 13 letters "
                                             "and digits, printed in groups like "
                                             "ABCD-EFGH-JKMN-P. Please check it and type it "
                                             "again.");
    case GatePages::Text::PassCodeWrong:
        return QT_TRANSLATE_NOOP("GatePage", "This code does not open a pass, or the pass has "
                                             "ended. Please check it, or ask at the desk.");
    case GatePages::Text::Unavailable:
        return QT_TRANSLATE_NOOP("GatePage",
                                 "Signing in is not possible right now. Please ask at the desk.");
    }
    return "";
}

// One translator per language, loaded once; QTranslator::translate is const
// and safe to call from the API's worker threads.
const QTranslator* translator(const QString& language)
{
    static QMutex mutex;
    static std::map<QString, std::unique_ptr<QTranslator>> loaded;
    const QMutexLocker lock(&mutex);
    auto found = loaded.find(language);
    if (found == loaded.end()) {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(QStringLiteral(":/i18n/gate_%1.qm").arg(language)))
            translator.reset();
        found = loaded.emplace(language, std::move(translator)).first;
    }
    return found->second.get();
}

QString tr(const QString& language, const char* source)
{
    if (const QTranslator* translation = translator(language)) {
        const QString text = translation->translate(kContext, source);
        if (!text.isEmpty())
            return text;
    }
    return QString::fromUtf8(source);
}

QString resource(const QString& name)
{
    QFile file(QStringLiteral(":/gate/") + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// {{name}} replaced by `values` (escaped) or `fragments` (markup built here).
QString render(QString text, const QHash<QString, QString>& values,
               const QHash<QString, QString>& fragments = {})
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace(QStringLiteral("{{%1}}").arg(it.key()), it.value().toHtmlEscaped());
    for (auto it = fragments.cbegin(); it != fragments.cend(); ++it)
        text.replace(QStringLiteral("{{%1}}").arg(it.key()), it.value());
    return text;
}

QString box(const char* cssClass, const char* role, const QString& text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p class=\"%1\" role=\"%2\" id=\"%1\">%3</p>")
        .arg(QLatin1String(cssClass), QLatin1String(role), text.toHtmlEscaped());
}

QByteArray page(const QString& language, const QString& heading, const QString& content)
{
    return render(resource(QStringLiteral("page.html")),
                  {{QStringLiteral("lang"), language},
                   {QStringLiteral("title"), heading},
                   {QStringLiteral("heading"), heading}},
                  {{QStringLiteral("content"), content}})
        .toUtf8();
}

QString paragraph(const QString& text)
{
    return QStringLiteral("<p>") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

// A sign-in page's address, keeping where the patron goes afterwards.
QString signInHref(const QString& path, const QString& rd)
{
    if (rd.isEmpty())
        return path;
    return path + QStringLiteral("?rd=") + QString::fromLatin1(QUrl::toPercentEncoding(rd));
}

} // namespace

QString GatePages::text(const QString& language, Text which, qint64 number)
{
    QString text = tr(language, textSource(which));
    if (which == Text::TooManyAttempts)
        text = text.arg(number);
    return text;
}

QByteArray GatePages::signIn(const QString& language, const SignIn& form)
{
    const Strings s;
    if (!form.mfaRequest.isEmpty()) {
        const bool code = form.methods.contains(u"totp"_s);
        const bool key = form.methods.contains(u"webauthn"_s);
        const QHash<QString, QString> hidden{{u"rd"_s, form.rd},
                                             {u"csrf"_s, form.csrf},
                                             {u"username"_s, form.username},
                                             {u"mfaRequest"_s, form.mfaRequest}};
        QString content = box("error", "alert", form.error);
        content += paragraph(tr(language, code && key ? s.codeOrKeyIntro
                                          : key       ? s.keyIntro
                                                      : s.codeIntro));
        if (key) {
            QHash<QString, QString> values = hidden;
            values.insert({{u"useKey"_s, tr(language, s.useKey)},
                           {u"failed"_s, tr(language, s.keyFailed)},
                           {u"unsupported"_s, tr(language, s.keyUnsupported)},
                           {u"needsScript"_s, tr(language, s.needsScript)}});
            content += render(resource(u"sign-in-key.html"_s), values);
        }
        if (key && code)
            content += QStringLiteral("<p class=\"or\">") + tr(language, s.orCode).toHtmlEscaped() +
                       QStringLiteral("</p>");
        if (code) {
            QHash<QString, QString> values = hidden;
            values.insert({{u"codeLabel"_s, tr(language, s.codeLabel)},
                           {u"submit"_s, tr(language, s.codeSubmit)}});
            content += render(resource(u"sign-in-code.html"_s), values,
                              {{u"codeAttributes"_s, key ? QString() : u"autofocus"_s}});
        }
        return page(language, tr(language, s.signInTitle), content);
    }
    const bool failed = !form.error.isEmpty();
    const QString invalid = failed ? QStringLiteral("aria-invalid=\"true\" "
                                                    "aria-describedby=\"error\"")
                                   : QString();
    const QString content = render(
        resource(QStringLiteral("sign-in.html")),
        {{QStringLiteral("rd"), form.rd},
         {QStringLiteral("csrf"), form.csrf},
         {QStringLiteral("username"), form.username},
         {QStringLiteral("usernameLabel"), tr(language, s.username)},
         {QStringLiteral("passwordLabel"), tr(language, s.password)},
         {QStringLiteral("submit"), tr(language, s.submit)},
         {QStringLiteral("hint"), tr(language, s.hint)},
         {QStringLiteral("passHref"), signInHref(QStringLiteral("/gate/sign-in/pass"), form.rd)},
         {QStringLiteral("passLink"), tr(language, s.passLink)}},
        {{QStringLiteral("notice"), box("notice", "status", form.notice)},
         {QStringLiteral("error"), box("error", "alert", form.error)},
         {QStringLiteral("usernameAttributes"), failed ? invalid : QStringLiteral("autofocus")},
         {QStringLiteral("passwordAttributes"), failed ? invalid : QString()}});
    return page(language, tr(language, s.signInTitle), content);
}

QByteArray GatePages::passSignIn(const QString& language, const PassSignIn& form)
{
    const Strings s;
    const QString attributes =
        form.error.isEmpty()
            ? QStringLiteral("aria-describedby=\"code-hint\" autofocus")
            : QStringLiteral("aria-invalid=\"true\" aria-describedby=\"error code-hint\"");
    const QString content = render(
        resource(QStringLiteral("sign-in-pass.html")),
        {{QStringLiteral("rd"), form.rd},
         {QStringLiteral("csrf"), form.csrf},
         {QStringLiteral("intro"), tr(language, s.passIntro)},
         {QStringLiteral("codeLabel"), tr(language, s.passLabel)},
         {QStringLiteral("submit"), tr(language, s.submit)},
         {QStringLiteral("passwordHref"), signInHref(QStringLiteral("/gate/sign-in"), form.rd)},
         {QStringLiteral("passwordLink"), tr(language, s.passwordLink)}},
        {{QStringLiteral("notice"), box("notice", "status", form.notice)},
         {QStringLiteral("error"), box("error", "alert", form.error)},
         {QStringLiteral("codeAttributes"), attributes}});
    return page(language, tr(language, s.passTitle), content);
}

QByteArray GatePages::signedIn(const QString& language, const QString& csrf, const QString& notice,
                               bool keysLink)
{
    const Strings s;
    const QString keys = keysLink ? QStringLiteral("<p><a href=\"/gate/keys\">") +
                                        tr(language, s.manageKeys).toHtmlEscaped() +
                                        QStringLiteral("</a></p>")
                                  : QString();
    const QString content =
        box("notice", "status", notice) + paragraph(tr(language, s.signedInText)) + keys +
        render(resource(QStringLiteral("sign-out.html")),
               {{QStringLiteral("text"), tr(language, s.signOutText)},
                {QStringLiteral("csrf"), csrf},
                {QStringLiteral("submit"), tr(language, s.signOutButton)},
                {QStringLiteral("everywhere"), tr(language, s.everywhere)},
                {QStringLiteral("everywhereHint"), tr(language, s.everywhereHint)}});
    return page(language, tr(language, s.signedInTitle), content);
}

QByteArray GatePages::signOut(const QString& language, const QString& csrf)
{
    const Strings s;
    const QString content =
        render(resource(QStringLiteral("sign-out.html")),
               {{QStringLiteral("text"), tr(language, s.signOutText)},
                {QStringLiteral("csrf"), csrf},
                {QStringLiteral("submit"), tr(language, s.signOutButton)},
                {QStringLiteral("everywhere"), tr(language, s.everywhere)},
                {QStringLiteral("everywhereHint"), tr(language, s.everywhereHint)}});
    return page(language, tr(language, s.signOutTitle), content);
}

QByteArray GatePages::signedOut(const QString& language)
{
    const Strings s;
    const QString content =
        paragraph(tr(language, s.signedOutText)) + QStringLiteral("<p><a href=\"/gate/sign-in\">") +
        tr(language, s.signInAgain).toHtmlEscaped() + QStringLiteral("</a></p>");
    return page(language, tr(language, s.signedOutTitle), content);
}

QByteArray GatePages::keys(const QString& language, const Keys& shown)
{
    const Strings s;
    const auto day = [](qint64 seconds) {
        return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(u"yyyy-MM-dd"_s);
    };
    QString list;
    if (shown.keys.isEmpty()) {
        list = paragraph(tr(language, s.noKeys));
    } else {
        list = QStringLiteral("<table class=\"keys\"><thead><tr><th>%1</th><th>%2</th><th>%3</th>"
                              "<th></th></tr></thead><tbody>")
                   .arg(tr(language, s.keyColumn).toHtmlEscaped(),
                        tr(language, s.addedColumn).toHtmlEscaped(),
                        tr(language, s.lastUsedColumn).toHtmlEscaped());
        for (const KeyRow& key : shown.keys) {
            const QString used = key.lastUsedAt ? day(key.lastUsedAt) : tr(language, s.never);
            list += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td><form method=\"post\" "
                                   "action=\"/gate/keys/remove\"><input type=\"hidden\" "
                                   "name=\"csrf\" value=\"%4\"><input type=\"hidden\" "
                                   "name=\"id\" value=\"%5\"><button type=\"submit\" "
                                   "class=\"secondary\" aria-label=\"%6 %1\">%6</button>"
                                   "</form></td></tr>")
                        .arg(key.name.toHtmlEscaped(), day(key.addedAt), used.toHtmlEscaped(),
                             shown.csrf.toHtmlEscaped(), key.id.toHtmlEscaped(),
                             tr(language, s.remove).toHtmlEscaped());
        }
        list += QStringLiteral("</tbody></table>");
    }
    const QString content = render(resource(u"keys.html"_s),
                                   {{u"csrf"_s, shown.csrf},
                                    {u"intro"_s, tr(language, s.keysIntro)},
                                    {u"addHeading"_s, tr(language, s.addHeading)},
                                    {u"nameLabel"_s, tr(language, s.keyName)},
                                    {u"namePlaceholder"_s, tr(language, s.keyNamePlaceholder)},
                                    {u"addButton"_s, tr(language, s.addKey)},
                                    {u"failed"_s, tr(language, s.keyFailed)},
                                    {u"unsupported"_s, tr(language, s.keyUnsupported)},
                                    {u"needsScript"_s, tr(language, s.needsScript)},
                                    {u"signOut"_s, tr(language, s.signOutTitle)}},
                                   {{u"notice"_s, box("notice", "status", shown.notice)},
                                    {u"error"_s, box("error", "alert", shown.error)},
                                    {u"list"_s, list}});
    return page(language, tr(language, s.keysTitle), content);
}

QByteArray GatePages::linkUsed(const QString& language)
{
    const Strings s;
    const QString content = paragraph(tr(language, s.linkUsedText)) +
                            QStringLiteral("<p><a href=\"/gate/sign-in\">") +
                            tr(language, s.submit).toHtmlEscaped() + QStringLiteral("</a></p>");
    return page(language, tr(language, s.linkUsedTitle), content);
}

QByteArray GatePages::signInFirst(const QString& language, const QString& signInUrl)
{
    const Strings s;
    const QString link = signInUrl.toHtmlEscaped();
    return render(resource(QStringLiteral("page.html")),
                  {{QStringLiteral("lang"), language},
                   {QStringLiteral("title"), tr(language, s.signInTitle)},
                   {QStringLiteral("heading"), tr(language, s.signInTitle)}},
                  {{QStringLiteral("content"),
                    QStringLiteral("<p><a href=\"%1\">%2</a></p>")
                        .arg(link, tr(language, s.submit).toHtmlEscaped())}})
        .replace(QStringLiteral("</title>"),
                 QStringLiteral("</title>\n<meta http-equiv=\"refresh\" content=\"0; url=%1\">")
                     .arg(link))
        .toUtf8();
}

QByteArray GatePages::asset(const QString& name)
{
    if (name != u"gate.css" && name != u"gate.js")
        return {};
    return resource(name).toUtf8();
}

} // namespace tessera::api
