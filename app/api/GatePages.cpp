#include "api/GatePages.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QTranslator>
#include <map>
#include <memory>

namespace tessera::api {

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
        const QString content =
            render(resource(QStringLiteral("sign-in-code.html")),
                   {{QStringLiteral("rd"), form.rd},
                    {QStringLiteral("csrf"), form.csrf},
                    {QStringLiteral("username"), form.username},
                    {QStringLiteral("mfaRequest"), form.mfaRequest},
                    {QStringLiteral("intro"), tr(language, s.codeIntro)},
                    {QStringLiteral("codeLabel"), tr(language, s.codeLabel)},
                    {QStringLiteral("submit"), tr(language, s.codeSubmit)}},
                   {{QStringLiteral("error"), box("error", "alert", form.error)}});
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
         {QStringLiteral("hint"), tr(language, s.hint)}},
        {{QStringLiteral("notice"), box("notice", "status", form.notice)},
         {QStringLiteral("error"), box("error", "alert", form.error)},
         {QStringLiteral("usernameAttributes"), failed ? invalid : QStringLiteral("autofocus")},
         {QStringLiteral("passwordAttributes"), failed ? invalid : QString()}});
    return page(language, tr(language, s.signInTitle), content);
}

QByteArray GatePages::signedIn(const QString& language, const QString& csrf, const QString& notice)
{
    const Strings s;
    const QString content =
        box("notice", "status", notice) + paragraph(tr(language, s.signedInText)) +
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
