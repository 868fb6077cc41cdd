<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>PassphraseStrength</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>Too short: use at least %n character.</numerusform>
            <numerusform>Too short: use at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::items::AuditModel</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::reports::PdfReport</name>
    <message numerus="yes">
        <source>%Ln audit record(s) in this report</source>
        <translation>
            <numerusform>%Ln audit record in this report</numerusform>
            <numerusform>%Ln audit records in this report</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s), oldest first. Accessors are shortened; the CSV and JSON Lines exports carry every field in full.</source>
        <translation>
            <numerusform>%Ln record. Accessors are shortened; the CSV and JSON Lines exports carry every field in full.</numerusform>
            <numerusform>%Ln records, oldest first. Accessors are shortened; the CSV and JSON Lines exports carry every field in full.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them without personal details (removed after the retention period)</source>
        <translation>
            <numerusform>%Ln of them without personal details (removed after the retention period)</numerusform>
            <numerusform>%Ln of them without personal details (removed after the retention period)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::AuditView</name>
    <message numerus="yes">
        <source>The audit log is intact: all %Ln records are in order and unchanged.</source>
        <translation>
            <numerusform>The audit log is intact: its %Ln record is in order and unchanged.</numerusform>
            <numerusform>The audit log is intact: all %Ln records are in order and unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit log has been tampered with. %1 The first %Ln records are intact.</source>
        <translation>
            <numerusform>The audit log has been tampered with. %1 The first record is intact.</numerusform>
            <numerusform>The audit log has been tampered with. %1 The first %Ln records are intact.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::ExpiringSoonDialog</name>
    <message numerus="yes">
        <source>Staff tokens and tokens marked &quot;Warn before expiry&quot; that expire within %n day(s). Select some to renew them or to issue fresh ones like them.</source>
        <translation>
            <numerusform>Staff tokens and tokens marked &quot;Warn before expiry&quot; that expire within %n day. Select some to renew them or to issue fresh ones like them.</numerusform>
            <numerusform>Staff tokens and tokens marked &quot;Warn before expiry&quot; that expire within %n days. Select some to renew them or to issue fresh ones like them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renewed %n token(s).</source>
        <translation>
            <numerusform>Renewed %n token.</numerusform>
            <numerusform>Renewed %n tokens.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n fresh token(s); each is shown once.</source>
        <translation>
            <numerusform>Issued %n fresh token; it is shown once.</numerusform>
            <numerusform>Issued %n fresh tokens; each is shown once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::ExpiryAlerts</name>
    <message numerus="yes">
        <source>%n marked or staff token(s) expire soon, the first, “%1”, on %2.</source>
        <translation>
            <numerusform>%n marked or staff token expires soon, the first, “%1”, on %2.</numerusform>
            <numerusform>%n marked or staff tokens expire soon, the first, “%1”, on %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message numerus="yes">
        <source>Revoking %n token(s)…</source>
        <translation>
            <numerusform>Revoking %n token…</numerusform>
            <numerusform>Revoking %n tokens…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n token(s).</source>
        <translation>
            <numerusform>Revoked %n token.</numerusform>
            <numerusform>Revoked %n tokens.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marked or staff token(s) expire soon: Token › Expiring Soon (%1)</source>
        <translation>
            <numerusform>%n marked or staff token expires soon: Token › Expiring Soon (%1)</numerusform>
            <numerusform>%n marked or staff tokens expire soon: Token › Expiring Soon (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::NewPassphraseFields</name>
    <message numerus="yes">
        <source>Use a few unrelated words, at least %n characters.</source>
        <translation>
            <numerusform>Use a few unrelated words, at least %n character.</numerusform>
            <numerusform>Use a few unrelated words, at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::RevokeDialog</name>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected tokens inside another selected token&apos;s subtree: %Ln. They are counted once.</source>
        <translation>
            <numerusform>Selected tokens inside another selected token&apos;s subtree: %Ln. It is counted once.</numerusform>
            <numerusform>Selected tokens inside another selected token&apos;s subtree: %Ln. They are counted once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke “%1” and its %Ln descendant tokens?</source>
        <translation>
            <numerusform>Revoke “%1” and its %Ln descendant token?</numerusform>
            <numerusform>Revoke “%1” and its %Ln descendant tokens?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke these %Ln tokens only, and keep their children as orphans?</source>
        <translation>
            <numerusform>Revoke this %Ln token only, and keep its children as orphans?</numerusform>
            <numerusform>Revoke these %Ln tokens only, and keep their children as orphans?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %Ln selected tokens and their descendants, %1 tokens in all?</source>
        <translation>
            <numerusform>Revoke %Ln selected token and its descendants, %1 tokens in all?</numerusform>
            <numerusform>Revoke %Ln selected tokens and their descendants, %1 tokens in all?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::RevokeMatchesDialog</name>
    <message numerus="yes">
        <source>%Ln tokens match; %1 in all with their children.</source>
        <translation>
            <numerusform>%Ln token matches; %1 in all with its children.</numerusform>
            <numerusform>%Ln tokens match; %1 in all with their children.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln descendant tokens</source>
        <translation>
            <numerusform>%Ln descendant token</numerusform>
            <numerusform>%Ln descendant tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::SecondFactorDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n key(s).&lt;/b&gt; Signing in accepts any one of them after the password.</source>
        <translation>
            <numerusform>&lt;b&gt;%n key.&lt;/b&gt; Signing in accepts it after the password.</numerusform>
            <numerusform>&lt;b&gt;%n keys.&lt;/b&gt; Signing in accepts any one of them after the password.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n key(s)&lt;/b&gt;, not asked for: the account&apos;s settings require a code from the authenticator app.</source>
        <translation>
            <numerusform>&lt;b&gt;%n key&lt;/b&gt;, not asked for: the account&apos;s settings require a code from the authenticator app.</numerusform>
            <numerusform>&lt;b&gt;%n keys&lt;/b&gt;, not asked for: the account&apos;s settings require a code from the authenticator app.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::TokenDetailsPane</name>
    <message numerus="yes">
        <source>%n tokens selected</source>
        <translation>
            <numerusform>%n token selected</numerusform>
            <numerusform>%n tokens selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::UserEditor</name>
    <message numerus="yes">
        <source>%n security key(s)</source>
        <translation>
            <numerusform>%n security key</numerusform>
            <numerusform>%n security keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n security key(s); an authenticator app waits for its first code</source>
        <translation>
            <numerusform>%n security key; an authenticator app waits for its first code</numerusform>
            <numerusform>%n security keys; an authenticator app waits for its first code</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Authenticator app and %n security key(s)</source>
        <translation>
            <numerusform>Authenticator app and %n security key</numerusform>
            <numerusform>Authenticator app and %n security keys</numerusform>
        </translation>
    </message>
</context>
</TS>
