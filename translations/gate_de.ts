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
    <message>
        <source>Your account is protected by a second step. Have your security key or ring ready, then press the button and touch the key.</source>
        <translation>Ihr Konto ist durch einen zweiten Schritt geschützt. Halten Sie Ihren Sicherheitsschlüssel oder Ring bereit, drücken Sie dann die Schaltfläche und berühren Sie den Schlüssel.</translation>
    </message>
    <message>
        <source>Your account is protected by a second step: use your security key, or type the code your authenticator app shows.</source>
        <translation>Ihr Konto ist durch einen zweiten Schritt geschützt: Verwenden Sie Ihren Sicherheitsschlüssel oder geben Sie den Code ein, den Ihre Authenticator-App anzeigt.</translation>
    </message>
    <message>
        <source>Use a security key</source>
        <translation>Sicherheitsschlüssel verwenden</translation>
    </message>
    <message>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <source>The security key did not answer, or the time ran out. Please try again.</source>
        <translation>Der Sicherheitsschlüssel hat nicht geantwortet, oder die Zeit ist abgelaufen. Bitte versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>This browser cannot use security keys.</source>
        <translation>Dieser Browser kann keine Sicherheitsschlüssel verwenden.</translation>
    </message>
    <message>
        <source>Security keys need JavaScript, which is switched off in this browser.</source>
        <translation>Sicherheitsschlüssel brauchen JavaScript, das in diesem Browser ausgeschaltet ist.</translation>
    </message>
    <message>
        <source>Your security keys</source>
        <translation>Ihre Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>A security key or ring protects your account: after your password, the library asks you to touch it.</source>
        <translation>Ein Sicherheitsschlüssel oder Ring schützt Ihr Konto: Nach dem Passwort bittet die Bibliothek Sie, ihn zu berühren.</translation>
    </message>
    <message>
        <source>You have no security key yet.</source>
        <translation>Sie haben noch keinen Sicherheitsschlüssel.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add a key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Name of the key</source>
        <translation>Name des Schlüssels</translation>
    </message>
    <message>
        <source>e.g. Blue key</source>
        <translation>z. B. Blauer Schlüssel</translation>
    </message>
    <message>
        <source>Add a security key</source>
        <translation>Sicherheitsschlüssel hinzufügen</translation>
    </message>
    <message>
        <source>The security key was not accepted. Please sign in again.</source>
        <translation>Der Sicherheitsschlüssel wurde nicht angenommen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The key was added. The library will ask for it from your next sign-in on.</source>
        <translation>Der Schlüssel wurde hinzugefügt. Die Bibliothek fragt ab Ihrer nächsten Anmeldung danach.</translation>
    </message>
    <message>
        <source>The key could not be added. Give it a name you have not used yet, and try again.</source>
        <translation>Der Schlüssel konnte nicht hinzugefügt werden. Geben Sie ihm einen Namen, den Sie noch nicht verwendet haben, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The key was removed.</source>
        <translation>Der Schlüssel wurde entfernt.</translation>
    </message>
    <message>
        <source>This account needs a second factor that is not set up yet. Please ask at the desk.</source>
        <translation>Dieses Konto braucht einen zweiten Faktor, der noch nicht eingerichtet ist. Bitte fragen Sie am Schalter.</translation>
    </message>
    <message>
        <source>Sign in with a pass code</source>
        <translation>Mit dem Code Ihres Passes anmelden</translation>
    </message>
    <message>
        <source>Type the code printed under the QR code on your pass. Capital or small letters, spaces and hyphens do not matter.</source>
        <translation>Geben Sie den Code ein, der unter dem QR-Code auf Ihrem Pass steht. Groß- oder Kleinbuchstaben, Leerzeichen und Bindestriche spielen keine Rolle.</translation>
    </message>
    <message>
        <source>Pass code</source>
        <translation>Code des Passes</translation>
    </message>
    <message>
        <source>Sign in with a user name and password</source>
        <translation>Mit Benutzernamen und Passwort anmelden</translation>
    </message>
    <message>
        <source>Please type the code printed on your pass.</source>
        <translation>Bitte geben Sie den Code ein, der auf Ihrem Pass steht.</translation>
    </message>
    <message>
        <source>The code has a typo. A pass code has 13 letters and digits, printed in groups like ABCD-EFGH-JKMN-P. Please check it and type it again.</source>
        <translation>Der Code enthält einen Tippfehler. Ein Passcode hat 13 Buchstaben und Ziffern, gedruckt in Gruppen wie ABCD-EFGH-JKMN-P. Bitte prüfen Sie ihn und geben Sie ihn erneut ein.</translation>
    </message>
    <message>
        <source>This code does not open a pass, or the pass has ended. Please check it, or ask at the desk.</source>
        <translation>Dieser Code öffnet keinen Pass, oder der Pass ist abgelaufen. Bitte prüfen Sie ihn oder fragen Sie am Schalter.</translation>
    </message>
</context>
</TS>
