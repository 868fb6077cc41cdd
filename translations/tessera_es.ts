<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CommandLine</name>
    <message>
        <source>Tessera: issue, browse and revoke access tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the store FILE (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the language xx (en, es, de) instead of the preference.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LongTask</name>
    <message>
        <source>Please wait</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: easy to guess. Add words, digits or symbols.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair: a few more words would help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::ChangePassphraseDialog</name>
    <message>
        <source>Change Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is re-encrypted under the new passphrase. Backups made before keep the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypting the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current passphrase is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::CreateStoreDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Create Store</source>
        <translation>&amp;Crear almacén</translation>
    </message>
    <message>
        <source>Create a Tessera Store</source>
        <translation>Crear un almacén de Tessera</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>Archivo del almacén</translation>
    </message>
    <message>
        <source>Choose where the store file goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera keeps every token, policy and audit record in one encrypted file. Choose where it goes and a passphrase to encrypt it. &lt;b&gt;Without the passphrase the store cannot be opened by anyone&lt;/b&gt;, so keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Store file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera stores (*.store);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store already exists at %1. Choose another file name, or cancel and unlock that store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message>
        <source>%1 — Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens expiring within the hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>Archivo del almacén</translation>
    </message>
    <message>
        <source>The store file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issue Token…</source>
        <translation>&amp;Emitir token…</translation>
    </message>
    <message>
        <source>Issue a new token under the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Renew…</source>
        <translation>&amp;Renovar…</translation>
    </message>
    <message>
        <source>Extend the selected tokens&apos; TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Re&amp;vocar…</translation>
    </message>
    <message>
        <source>Revoke the selected tokens and everything below them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke, Keep &amp;Children as Orphans…</source>
        <translation>Revocar y conservar los &amp;hijos como huérfanos…</translation>
    </message>
    <message>
        <source>Revoke the selected tokens; their children become orphans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Accessor</source>
        <translation>Copiar &amp;accessor</translation>
    </message>
    <message>
        <source>Copy the selected token&apos;s accessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Search tokens by name, accessor, policy or metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <source>Show the next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Buscar &amp;anterior</translation>
    </message>
    <message>
        <source>Show the previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Policies…</source>
        <translation>&amp;Políticas…</translation>
    </message>
    <message>
        <source>Edit policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roles…</source>
        <translation>&amp;Roles…</translation>
    </message>
    <message>
        <source>Edit roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <source>Edit login accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit Log…</source>
        <translation>Registro de &amp;auditoría…</translation>
    </message>
    <message>
        <source>Browse and verify the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>&amp;Exportar informe…</translation>
    </message>
    <message>
        <source>Export an audit report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change Passphrase…</source>
        <translation>&amp;Cambiar frase de contraseña…</translation>
    </message>
    <message>
        <source>Re-encrypt the store under a new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back Up…</source>
        <translation>Copia de &amp;seguridad…</translation>
    </message>
    <message>
        <source>Write a consistent copy of the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Store…</source>
        <translation>&amp;Abrir almacén…</translation>
    </message>
    <message>
        <source>Lock this store and open another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Lock the store now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pre&amp;ferencias…</translation>
    </message>
    <message>
        <source>Auto-lock, language, API server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Lock the store and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tessera</source>
        <translation>&amp;Acerca de Tessera</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Issue, browse and revoke access tokens.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation>A&amp;cceso</translation>
    </message>
    <message>
        <source>St&amp;ore</source>
        <translation>&amp;Almacén</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Token tree</source>
        <translation>Árbol de tokens</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n active token(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expiring within the hour</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>API server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it in Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API: failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke “%1”? Its children stay valid and become orphans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Revoke these %n tokens? Their children stay valid and become orphans.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke the selected tokens and everything below them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Revoke “%1” and the %n token(s) below it?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n token(s): the selected ones and everything below them?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>They stop working at once. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Revoking %n token(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Revoking failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-backup-%2.store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back Up Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera stores (*.store);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written to %1 (same passphrase as this store).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::NewPassphraseFields</name>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Use a few unrelated words, at least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time Tessera starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM file; leave empty for plain HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the API server when the store is unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS &amp;certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS Private Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::RootTokenDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>I have stored the root token somewhere safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root Token</source>
        <translation>Token raíz</translation>
    </message>
    <message>
        <source>&lt;p&gt;The store is ready. This is its &lt;b&gt;root token&lt;/b&gt;: it can do everything, and Tessera shows it &lt;b&gt;only this once&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Keep it offline (a password manager, a sealed envelope in the safe). The console itself needs only the passphrase.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the root token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the token; the clipboard is cleared after a minute and when the console locks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accessor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::SearchBar</name>
    <message>
        <source>Only &amp;matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a token by name, accessor, policy or metadata value (e.g. a patron id)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the matching tokens, from anywhere in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>999 of 999+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::TokenDetailsPane</name>
    <message>
        <source>Token details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accessor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL at creation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit max TTL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last renewal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token selected</source>
        <translation>Ningún token seleccionado</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (orphan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never expires</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tessera::ui::UnlockDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;New Store…</source>
        <translation>&amp;Nuevo almacén…</translation>
    </message>
    <message>
        <source>Unlock Tessera Store</source>
        <translation>Desbloquear almacén de Tessera</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>Archivo del almacén</translation>
    </message>
    <message>
        <source>Browse for a store file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>&amp;Almacén:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>Enter the passphrase that encrypts this store.</source>
        <translation>Escriba la frase de contraseña que cifra este almacén.</translation>
    </message>
    <message>
        <source>Open Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera stores (*.store);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Escriba la frase de contraseña.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Frase de contraseña incorrecta. Compruebe Bloq Mayús y la distribución del teclado e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>%1 is not a Tessera store (or was written by a newer Tessera).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 is damaged and cannot be opened. Restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no store at %1. Choose another file or create a new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
