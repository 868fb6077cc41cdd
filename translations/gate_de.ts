<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>GatePage</name>
    <message>
        <source>Sign in to the library</source>
        <translation>Bei der Bibliothek anmelden</translation>
    </message>
    <message>
        <source>User name or library card number</source>
        <translation>Benutzername oder Nummer des Bibliotheksausweises</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Your sign-in ends when you sign out, or by itself after a while.</source>
        <translation>Ihre Anmeldung endet, wenn Sie sich abmelden, oder von selbst nach einiger Zeit.</translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation>Sie sind angemeldet</translation>
    </message>
    <message>
        <source>You can now open the library&apos;s online resources.</source>
        <translation>Sie können jetzt die Online-Angebote der Bibliothek öffnen.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Signing out ends your access on this browser at once.</source>
        <translation>Mit dem Abmelden endet Ihr Zugang in diesem Browser sofort.</translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>Sie sind abgemeldet</translation>
    </message>
    <message>
        <source>Your access on this browser has ended. You can close this window.</source>
        <translation>Ihr Zugang in diesem Browser ist beendet. Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>Benutzername oder Passwort sind falsch.</translation>
    </message>
    <message>
        <source>Please fill in your user name and your password.</source>
        <translation>Bitte geben Sie Ihren Benutzernamen und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>This form has expired. Please fill it in once more.</source>
        <translation>Dieses Formular ist abgelaufen. Bitte füllen Sie es noch einmal aus.</translation>
    </message>
    <message>
        <source>Too many attempts. Please try again in %1 seconds.</source>
        <translation>Zu viele Versuche. Bitte versuchen Sie es in %1 Sekunden erneut.</translation>
    </message>
    <message>
        <source>The page that sent you here is not one the library links to, so you will not be sent back to it.</source>
        <translation>Die Seite, von der Sie kommen, gehört nicht zu den Seiten, auf die die Bibliothek verweist. Sie werden daher nicht dorthin zurückgeleitet.</translation>
    </message>
    <message>
        <source>Signing in is not possible right now. Please ask at the desk.</source>
        <translation>Die Anmeldung ist gerade nicht möglich. Bitte fragen Sie an der Theke.</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Überall abmelden</translation>
    </message>
    <message>
        <source>Signing out everywhere also ends your sign-ins on other computers.</source>
        <translation>Wenn Sie sich überall abmelden, enden auch Ihre Anmeldungen auf anderen Computern.</translation>
    </message>
    <message>
        <source>Your link has been used, or your sign-in has ended. Please sign in.</source>
        <translation>Ihr Link wurde bereits verwendet oder Ihre Anmeldung ist beendet. Bitte melden Sie sich an.</translation>
    </message>
    <message>
        <source>This link has been used</source>
        <translation>Dieser Link wurde bereits verwendet</translation>
    </message>
    <message>
        <source>A link for one document opens it once, and only until it expires. Ask the library for a new link, or sign in.</source>
        <translation>Ein Link zu einem Dokument öffnet es einmal und nur, bis er abläuft. Bitten Sie die Bibliothek um einen neuen Link oder melden Sie sich an.</translation>
    </message>
    <message>
        <source>Your account is protected by a second step. Open the authenticator app on your phone and type the code it shows for Tessera.</source>
        <translation>Ihr Konto ist mit einem zweiten Schritt geschützt. Öffnen Sie die Authenticator-App auf Ihrem Telefon und geben Sie den Code ein, den sie für Tessera anzeigt.</translation>
    </message>
    <message>
        <source>Six-digit code</source>
        <translation>Sechsstelliger Code</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>That code was not right, or it came too late. Please sign in again and use the newest code.</source>
        <translation>Dieser Code war falsch oder kam zu spät. Bitte melden Sie sich erneut an und verwenden Sie den neuesten Code.</translation>
    </message>
</context>
</TS>
