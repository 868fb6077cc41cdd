<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccessPass</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
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
    <name>tessera::ui::BatchPassDialog</name>
    <message numerus="yes">
        <source>Sample passes: the first of %n page(s). The real passes are made when you click Create.</source>
        <translation>
            <numerusform>Sample passes: the first of %n page. The real passes are made when you click Create.</numerusform>
            <numerusform>Sample passes: the first of %n pages. The real passes are made when you click Create.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issuing %n pass(es)…</source>
        <translation>
            <numerusform>Issuing %n pass…</numerusform>
            <numerusform>Issuing %n passes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n pass(es) issued for it were revoked, so that none that was never printed stays valid. Choose another file and create the batch again.</source>
        <translation>
            <numerusform>The pass issued for it was revoked, so that no pass that was never printed stays valid. Choose another file and create the batch again.</numerusform>
            <numerusform>The %n passes issued for it were revoked, so that none that was never printed stays valid. Choose another file and create the batch again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoking the %n pass(es) issued for it failed too (%1): revoke “%2” in the tree before anyone finds them.</source>
        <translation>
            <numerusform>Revoking the pass issued for it failed too (%1): revoke “%2” in the tree before anyone finds it.</numerusform>
            <numerusform>Revoking the %n passes issued for it failed too (%1): revoke “%2” in the tree before anyone finds them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n pass(es) under the new group “%1”: revoking the group revokes them all.</source>
        <translation>
            <numerusform>Issued %n pass under the new group “%1”: revoking the group revokes it.</numerusform>
            <numerusform>Issued %n passes under the new group “%1”: revoking the group revokes them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n pass(es) as orphans (“%1”).</source>
        <translation>
            <numerusform>Issued %n pass as an orphan (“%1”).</numerusform>
            <numerusform>Issued %n passes as orphans (“%1”).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n pass(es) under the selected token.</source>
        <translation>
            <numerusform>Issued %n pass under the selected token.</numerusform>
            <numerusform>Issued %n passes under the selected token.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n page(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n page to %1.</numerusform>
            <numerusform>Wrote %n pages to %1.</numerusform>
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
    <name>tessera::ui::PassSheetPreview</name>
    <message numerus="yes">
        <source>%n sample pass(es) on the first page</source>
        <translation>
            <numerusform>%n sample pass on the first page</numerusform>
            <numerusform>%n sample passes on the first page</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::PatronImportDialog</name>
    <message numerus="yes">
        <source>Nothing can be imported while the file has bad lines: %n line(s) are marked with the reason. Correct the file and choose it again.</source>
        <translation>
            <numerusform>Nothing can be imported while the file has bad lines: %n line is marked with the reason. Correct the file and choose it again.</numerusform>
            <numerusform>Nothing can be imported while the file has bad lines: %n lines are marked with the reason. Correct the file and choose it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n patron(s)…</source>
        <translation>
            <numerusform>Importing %n patron…</numerusform>
            <numerusform>Importing %n patrons…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new patron(s)</source>
        <translation>
            <numerusform>%n new patron</numerusform>
            <numerusform>%n new patrons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patron(s)</source>
        <translation>
            <numerusform>%n patron</numerusform>
            <numerusform>%n patrons</numerusform>
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
