<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>Tessera: issue, browse and revoke access tokens.</source>
        <translation>Tessera: Zugriffstoken ausstellen, durchsuchen und widerrufen.</translation>
    </message>
    <message>
        <source>Open the store FILE (default: %1).</source>
        <translation>Den Speicher FILE öffnen (Standard: %1).</translation>
    </message>
    <message>
        <source>Use the language xx (en, es, de) instead of the preference.</source>
        <translation>Die Sprache xx (en, es, de) statt der Einstellung verwenden.</translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>LongTask</name>
    <message>
        <source>Please wait</source>
        <translation>Bitte warten</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>Zu kurz: Verwenden Sie mindestens %n Zeichen.</numerusform>
            <numerusform>Zu kurz: Verwenden Sie mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: easy to guess. Add words, digits or symbols.</source>
        <translation>Schwach: leicht zu erraten. Fügen Sie Wörter, Ziffern oder Symbole hinzu.</translation>
    </message>
    <message>
        <source>Fair: a few more words would help.</source>
        <translation>Mittel: Ein paar Wörter mehr würden helfen.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Gut.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
</context>
<context>
    <name>TokenText</name>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>%1d %2</source>
        <translation>%1 T %2</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>Ausgestellt von: %1</translation>
    </message>
</context>
<context>
    <name>tessera::items::AuditModel</name>
    <message>
        <source>store owner</source>
        <translation>Speicherbesitzer</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>tessera::items::TokenTreeModel</name>
    <message>
        <source>root</source>
        <translation>Root</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>TTL left</source>
        <translation>Restlaufzeit</translation>
    </message>
    <message>
        <source>Uses left</source>
        <translation>Restnutzungen</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Ausgestellt von</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ChangePassphraseDialog</name>
    <message>
        <source>Change Passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>The store is re-encrypted under the new passphrase. Backups made before keep the old one.</source>
        <translation>Der Speicher wird mit der neuen Passphrase neu verschlüsselt. Zuvor erstellte Sicherungen behalten die alte.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Aktuelle Passphrase</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>A&amp;ktuelle Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>Ä&amp;ndern</translation>
    </message>
    <message>
        <source>Re-encrypting the store…</source>
        <translation>Speicher wird neu verschlüsselt…</translation>
    </message>
    <message>
        <source>The current passphrase is wrong.</source>
        <translation>Die aktuelle Passphrase ist falsch.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CreateStoreDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Create Store</source>
        <translation>Speicher &amp;erstellen</translation>
    </message>
    <message>
        <source>Create a Tessera Store</source>
        <translation>Tessera-Speicher erstellen</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>Speicherdatei</translation>
    </message>
    <message>
        <source>Choose where the store file goes</source>
        <translation>Auswählen, wo die Speicherdatei abgelegt wird</translation>
    </message>
    <message>
        <source>Creating the store</source>
        <translation>Speicher wird erstellt</translation>
    </message>
    <message>
        <source>Tessera keeps every token, policy and audit record in one encrypted file. Choose where it goes and a passphrase to encrypt it. &lt;b&gt;Without the passphrase the store cannot be opened by anyone&lt;/b&gt;, so keep it somewhere safe.</source>
        <translation>Tessera speichert alle Token, Richtlinien und Audit-Einträge in einer verschlüsselten Datei. Wählen Sie, wo sie abgelegt wird, und eine Passphrase zur Verschlüsselung. &lt;b&gt;Ohne die Passphrase kann niemand den Speicher öffnen&lt;/b&gt;, bewahren Sie sie also sicher auf.</translation>
    </message>
    <message>
        <source>&amp;Store file:</source>
        <translation>&amp;Speicherdatei:</translation>
    </message>
    <message>
        <source>New Store</source>
        <translation>Neuer Speicher</translation>
    </message>
    <message>
        <source>Tessera stores (*.store);;All files (*)</source>
        <translation>Tessera-Speicher (*.store);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>A store already exists at %1. Choose another file name, or cancel and unlock that store.</source>
        <translation>Unter %1 existiert bereits ein Speicher. Wählen Sie einen anderen Dateinamen oder brechen Sie ab und entsperren Sie diesen Speicher.</translation>
    </message>
    <message>
        <source>The store could not be created: %1</source>
        <translation>Der Speicher konnte nicht erstellt werden: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message>
        <source>%1 — Tessera</source>
        <translation>%1 — Tessera</translation>
    </message>
    <message>
        <source>Active tokens</source>
        <translation>Aktive Token</translation>
    </message>
    <message>
        <source>Tokens expiring within the hour</source>
        <translation>Token, die innerhalb der nächsten Stunde ablaufen</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>Speicherdatei</translation>
    </message>
    <message>
        <source>The store file</source>
        <translation>Die Speicherdatei</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Issue Token…</source>
        <translation>Token &amp;ausstellen…</translation>
    </message>
    <message>
        <source>Issue a new token under the selected one</source>
        <translation>Ein neues Token unter dem ausgewählten ausstellen</translation>
    </message>
    <message>
        <source>&amp;Renew…</source>
        <translation>&amp;Verlängern…</translation>
    </message>
    <message>
        <source>Extend the selected tokens&apos; TTL</source>
        <translation>Die TTL der ausgewählten Token verlängern</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Revoke the selected tokens and everything below them</source>
        <translation>Die ausgewählten Token und alles darunter widerrufen</translation>
    </message>
    <message>
        <source>Revoke, Keep &amp;Children as Orphans…</source>
        <translation>Widerrufen, untergeordnete Token als verwaist &amp;behalten…</translation>
    </message>
    <message>
        <source>Revoke the selected tokens; their children become orphans</source>
        <translation>Die ausgewählten Token widerrufen; ihre untergeordneten Token werden verwaist</translation>
    </message>
    <message>
        <source>Copy &amp;Accessor</source>
        <translation>Accessor &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected token&apos;s accessor</source>
        <translation>Den Accessor des ausgewählten Tokens kopieren</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search tokens by name, accessor, policy or metadata</source>
        <translation>Token nach Name, Accessor, Richtlinie oder Metadaten suchen</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Show the next match</source>
        <translation>Den nächsten Treffer anzeigen</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>Show the previous match</source>
        <translation>Den vorherigen Treffer anzeigen</translation>
    </message>
    <message>
        <source>&amp;Policies…</source>
        <translation>&amp;Richtlinien…</translation>
    </message>
    <message>
        <source>Edit policies</source>
        <translation>Richtlinien bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Roles…</source>
        <translation>R&amp;ollen…</translation>
    </message>
    <message>
        <source>Edit roles</source>
        <translation>Rollen bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Benutzer…</translation>
    </message>
    <message>
        <source>Edit login accounts</source>
        <translation>Anmeldekonten bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Audit Log…</source>
        <translation>&amp;Audit-Protokoll…</translation>
    </message>
    <message>
        <source>Browse and verify the audit log</source>
        <translation>Das Audit-Protokoll durchsuchen und prüfen</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>Bericht e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export an audit report</source>
        <translation>Einen Audit-Bericht exportieren</translation>
    </message>
    <message>
        <source>&amp;Change Passphrase…</source>
        <translation>Passphrase &amp;ändern…</translation>
    </message>
    <message>
        <source>Re-encrypt the store under a new passphrase</source>
        <translation>Den Speicher mit einer neuen Passphrase neu verschlüsseln</translation>
    </message>
    <message>
        <source>&amp;Back Up…</source>
        <translation>&amp;Sichern…</translation>
    </message>
    <message>
        <source>Write a consistent copy of the store</source>
        <translation>Eine konsistente Kopie des Speichers schreiben</translation>
    </message>
    <message>
        <source>&amp;Open Store…</source>
        <translation>Speicher ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Lock this store and open another</source>
        <translation>Diesen Speicher sperren und einen anderen öffnen</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>S&amp;perren</translation>
    </message>
    <message>
        <source>Lock the store now</source>
        <translation>Den Speicher jetzt sperren</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Auto-lock, language, API server</source>
        <translation>Automatische Sperre, Sprache, API-Server</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Lock the store and quit</source>
        <translation>Den Speicher sperren und beenden</translation>
    </message>
    <message>
        <source>&amp;About Tessera</source>
        <translation>Ü&amp;ber Tessera</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version und Lizenz</translation>
    </message>
    <message>
        <source>About Tessera</source>
        <translation>Über Tessera</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Issue, browse and revoke access tokens.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Zugriffstoken ausstellen, durchsuchen und widerrufen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suche</translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation>&amp;Zugriff</translation>
    </message>
    <message>
        <source>St&amp;ore</source>
        <translation>Spei&amp;cher</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Token tree</source>
        <translation>Token-Baum</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>API-Server</translation>
    </message>
    <message>
        <source>Revoke “%1”? Its children stay valid and become orphans.</source>
        <translation>„%1“ widerrufen? Die untergeordneten Token bleiben gültig und werden verwaist.</translation>
    </message>
    <message numerus="yes">
        <source>Revoke these %n tokens? Their children stay valid and become orphans.</source>
        <translation>
            <numerusform>Dieses Token widerrufen? Die untergeordneten Token bleiben gültig und werden verwaist.</numerusform>
            <numerusform>Diese %n Token widerrufen? Die untergeordneten Token bleiben gültig und werden verwaist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke the selected tokens and everything below them?</source>
        <translation>Die ausgewählten Token und alles darunter widerrufen?</translation>
    </message>
    <message numerus="yes">
        <source>Revoke “%1” and the %n token(s) below it?</source>
        <translation>
            <numerusform>„%1“ und das Token darunter widerrufen?</numerusform>
            <numerusform>„%1“ und die %n Token darunter widerrufen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n token(s): the selected ones and everything below them?</source>
        <translation>
            <numerusform>%n Token widerrufen: das ausgewählte und alles darunter?</numerusform>
            <numerusform>%n Token widerrufen: die ausgewählten und alles darunter?</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>They stop working at once. This cannot be undone.</source>
        <translation>Sie funktionieren sofort nicht mehr. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message numerus="yes">
        <source>Revoking %n token(s)…</source>
        <translation>
            <numerusform>%n Token wird widerrufen…</numerusform>
            <numerusform>%n Token werden widerrufen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoking failed: %1</source>
        <translation>Widerrufen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The passphrase has been changed.</source>
        <translation>Die Passphrase wurde geändert.</translation>
    </message>
    <message>
        <source>%1-backup-%2.store</source>
        <translation>%1-sicherung-%2.store</translation>
    </message>
    <message>
        <source>Back Up Store</source>
        <translation>Speicher sichern</translation>
    </message>
    <message>
        <source>Tessera stores (*.store);;All files (*)</source>
        <translation>Tessera-Speicher (*.store);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Back Up</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>%1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Sicherung wird geschrieben…</translation>
    </message>
    <message>
        <source>Backup written to %1 (same passphrase as this store).</source>
        <translation>Sicherung nach %1 geschrieben (gleiche Passphrase wie dieser Speicher).</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>Die Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Active tokens: %1</source>
        <translation>Aktive Token: %1</translation>
    </message>
    <message>
        <source>Expiring within the hour: %1</source>
        <translation>Ablauf in der nächsten Stunde: %1</translation>
    </message>
    <message>
        <source>API server: %1</source>
        <translation>API-Server: %1</translation>
    </message>
    <message>
        <source>Start, stop and configure it in Preferences.</source>
        <translation>Starten, stoppen und konfigurieren Sie ihn in den Einstellungen.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::NewPassphraseFields</name>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Neue Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message numerus="yes">
        <source>Use a few unrelated words, at least %n characters.</source>
        <translation>
            <numerusform>Verwenden Sie einige unzusammenhängende Wörter, mindestens %n Zeichen.</numerusform>
            <numerusform>Verwenden Sie einige unzusammenhängende Wörter, mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;API Server</source>
        <translation>API-&amp;Server</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Nach Minuten Inaktivität sperren</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>A new language applies the next time Tessera starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Tessera.</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>Sperren nach &amp;Inaktivität:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>PEM file; leave empty for plain HTTP</source>
        <translation>PEM-Datei; leer lassen für unverschlüsseltes HTTP</translation>
    </message>
    <message>
        <source>Start the API server when the store is unlocked</source>
        <translation>Den API-Server beim Entsperren des Speichers starten</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Lauschadresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>TLS certificate file</source>
        <translation>TLS-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>TLS private key file</source>
        <translation>Datei des privaten TLS-Schlüssels</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>%1 suchen</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>TLS &amp;certificate:</source>
        <translation>TLS-&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>TLS Certificate</source>
        <translation>TLS-Zertifikat</translation>
    </message>
    <message>
        <source>TLS &amp;key:</source>
        <translation>TLS-Sch&amp;lüssel:</translation>
    </message>
    <message>
        <source>TLS Private Key</source>
        <translation>Privater TLS-Schlüssel</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>Sta&amp;rten</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RootTokenDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>I have stored the root token somewhere safe</source>
        <translation>Ich habe das Root-Token sicher aufbewahrt</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Root Token</source>
        <translation>Root-Token</translation>
    </message>
    <message>
        <source>&lt;p&gt;The store is ready. This is its &lt;b&gt;root token&lt;/b&gt;: it can do everything, and Tessera shows it &lt;b&gt;only this once&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Keep it offline (a password manager, a sealed envelope in the safe). The console itself needs only the passphrase.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Speicher ist bereit. Dies ist sein &lt;b&gt;Root-Token&lt;/b&gt;: Es darf alles, und Tessera zeigt es &lt;b&gt;nur dieses eine Mal&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Bewahren Sie es offline auf (Passwortmanager, versiegelter Umschlag im Tresor). Die Konsole selbst braucht nur die Passphrase.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Root token</source>
        <translation>Root-Token</translation>
    </message>
    <message>
        <source>Copy the root token</source>
        <translation>Das Root-Token kopieren</translation>
    </message>
    <message>
        <source>Copies the token; the clipboard is cleared after a minute and when the console locks.</source>
        <translation>Kopiert das Token; die Zwischenablage wird nach einer Minute und beim Sperren der Konsole geleert.</translation>
    </message>
    <message>
        <source>Accessor: %1</source>
        <translation>Accessor: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SearchBar</name>
    <message>
        <source>Only &amp;matches</source>
        <translation>Nur T&amp;reffer</translation>
    </message>
    <message>
        <source>Find a token by name, accessor, policy or metadata value (e.g. a patron id)…</source>
        <translation>Token nach Name, Accessor, Richtlinie oder Metadatenwert suchen (z. B. Lesernummer)…</translation>
    </message>
    <message>
        <source>Search tokens</source>
        <translation>Token suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Show only the matching tokens, from anywhere in the store</source>
        <translation>Nur die passenden Token aus dem ganzen Speicher anzeigen</translation>
    </message>
    <message>
        <source>999 of 999+</source>
        <translation>999 von 999+</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2+</source>
        <translation>%1 von %2+</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ServerControl</name>
    <message>
        <source>Running at %1</source>
        <translation>Läuft unter %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TokenDetailsPane</name>
    <message>
        <source>Token details</source>
        <translation>Token-Details</translation>
    </message>
    <message>
        <source>Accessor:</source>
        <translation>Accessor:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Übergeordnet:</translation>
    </message>
    <message>
        <source>Policies:</source>
        <translation>Richtlinien:</translation>
    </message>
    <message>
        <source>Metadata:</source>
        <translation>Metadaten:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Created by path:</source>
        <translation>Erstellt über Pfad:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>TTL at creation:</source>
        <translation>TTL bei Erstellung:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>TTL left:</source>
        <translation>Restlaufzeit:</translation>
    </message>
    <message>
        <source>Explicit max TTL:</source>
        <translation>Explizite Max-TTL:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Renewable:</source>
        <translation>Verlängerbar:</translation>
    </message>
    <message>
        <source>Last renewal:</source>
        <translation>Letzte Verlängerung:</translation>
    </message>
    <message>
        <source>Uses left:</source>
        <translation>Restnutzungen:</translation>
    </message>
    <message>
        <source>Tokens below:</source>
        <translation>Token darunter:</translation>
    </message>
    <message>
        <source>No token selected</source>
        <translation>Kein Token ausgewählt</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens selected</source>
        <translation>
            <numerusform>%n Token ausgewählt</numerusform>
            <numerusform>%n Token ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>none (root)</source>
        <translation>keines (Root)</translation>
    </message>
    <message>
        <source>none (orphan)</source>
        <translation>keines (verwaist)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>wird gezählt…</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>läuft nie ab</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::UnlockDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;New Store…</source>
        <translation>&amp;Neuer Speicher…</translation>
    </message>
    <message>
        <source>Unlock Tessera Store</source>
        <translation>Tessera-Speicher entsperren</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>Speicherdatei</translation>
    </message>
    <message>
        <source>Browse for a store file</source>
        <translation>Nach einer Speicherdatei suchen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Wird entsperrt</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>&amp;Speicher:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Enter the passphrase that encrypts this store.</source>
        <translation>Geben Sie die Passphrase ein, mit der dieser Speicher verschlüsselt ist.</translation>
    </message>
    <message>
        <source>Open Store</source>
        <translation>Speicher öffnen</translation>
    </message>
    <message>
        <source>Tessera stores (*.store);;All files (*)</source>
        <translation>Tessera-Speicher (*.store);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Geben Sie die Passphrase ein.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Falsche Passphrase. Prüfen Sie die Feststelltaste und das Tastaturlayout und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 is not a Tessera store (or was written by a newer Tessera).</source>
        <translation>%1 ist kein Tessera-Speicher (oder wurde von einer neueren Tessera-Version geschrieben).</translation>
    </message>
    <message>
        <source>The store %1 is damaged and cannot be opened. Restore it from a backup.</source>
        <translation>Der Speicher %1 ist beschädigt und kann nicht geöffnet werden. Stellen Sie ihn aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>There is no store at %1. Choose another file or create a new store.</source>
        <translation>Unter %1 gibt es keinen Speicher. Wählen Sie eine andere Datei oder erstellen Sie einen neuen Speicher.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot open the store: %1</source>
        <translation>Der Speicher kann nicht geöffnet werden: %1</translation>
    </message>
</context>
</TS>
