<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessPass</name>
    <message>
        <source>Does not expire</source>
        <translation>Läuft nicht ab</translation>
    </message>
    <message>
        <source>Valid until %1, %2</source>
        <translation>Gültig bis %1, %2</translation>
    </message>
    <message>
        <source>Unlimited uses</source>
        <translation>Unbegrenzte Nutzungen</translation>
    </message>
    <message>
        <source>One use only</source>
        <translation>Nur einmal verwendbar</translation>
    </message>
    <message>
        <source>%1 uses</source>
        <translation>%1 Nutzungen</translation>
    </message>
    <message>
        <source>Keep this pass private: whoever holds it has its access.</source>
        <translation>Bewahren Sie diesen Ausweis vertraulich auf: Wer ihn besitzt, hat dessen Zugriff.</translation>
    </message>
    <message>
        <source>Typeable code:</source>
        <translation>Code zum Eintippen:</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid for %1 from its first use; first use by %2, %3</source>
        <translation>Gültig für %1 ab der ersten Nutzung; erste Nutzung bis %2, %3</translation>
    </message>
</context>
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
    <name>EngineMessage</name>
    <message>
        <source>num_uses must not be negative</source>
        <translation>die Anzahl der Nutzungen darf nicht negativ sein</translation>
    </message>
    <message>
        <source>durations must not be negative</source>
        <translation>Dauern dürfen nicht negativ sein</translation>
    </message>
    <message>
        <source>display_name is longer than %1 characters</source>
        <translation>der Anzeigename ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>meta has more than %1 entries</source>
        <translation>die Metadaten haben mehr als %1 Einträge</translation>
    </message>
    <message>
        <source>meta keys must be 1 to %1 characters and values at most %1</source>
        <translation>Metadatenschlüssel müssen 1 bis %1 Zeichen lang sein, Werte höchstens %1</translation>
    </message>
    <message>
        <source>invalid policy name &quot;%1&quot;: %2</source>
        <translation>ungültiger Richtlinienname „%1“: %2</translation>
    </message>
    <message>
        <source>batch tokens cannot have a use limit</source>
        <translation>Batch-Token können kein Nutzungslimit haben</translation>
    </message>
    <message>
        <source>batch tokens cannot be periodic</source>
        <translation>Batch-Token können nicht periodisch sein</translation>
    </message>
    <message>
        <source>batch tokens cannot carry the root policy</source>
        <translation>Batch-Token können die Richtlinie root nicht tragen</translation>
    </message>
    <message>
        <source>child policies must be subset of parent</source>
        <translation>die Richtlinien müssen eine Teilmenge der des übergeordneten Tokens sein</translation>
    </message>
    <message>
        <source>root tokens may not be created without parent token being root</source>
        <translation>Root-Token kann nur ein übergeordnetes Token mit der Richtlinie root ausstellen</translation>
    </message>
    <message>
        <source>token policies (%1) must be subset of the role&apos;s allowed policies (%2)</source>
        <translation>die Richtlinien des Tokens (%1) müssen eine Teilmenge der von der Rolle erlaubten (%2) sein</translation>
    </message>
    <message>
        <source>child policies must be subset of parent when role contains no allowed_policies</source>
        <translation>ohne erlaubte Richtlinien der Rolle müssen die Richtlinien eine Teilmenge der des übergeordneten Tokens sein</translation>
    </message>
    <message>
        <source>token policy &quot;%1&quot; is disallowed by this role</source>
        <translation>die Richtlinie „%1“ ist in dieser Rolle nicht erlaubt</translation>
    </message>
    <message>
        <source>The system default and max TTL must be positive.</source>
        <translation>Standard- und Höchst-TTL des Systems müssen positiv sein.</translation>
    </message>
    <message>
        <source>TTL of %1 exceeded the effective max_ttl of %2; TTL value is capped accordingly</source>
        <translation>die TTL von %1 überschreitet die wirksame max. TTL von %2; das Token erhält %2</translation>
    </message>
    <message>
        <source>period of %1 exceeded the effective max_ttl of %2; period value is capped accordingly</source>
        <translation>die Periode von %1 überschreitet die wirksame max. TTL von %2; das Token erhält %2</translation>
    </message>
    <message>
        <source>The ttl must be between 0 and %1 seconds.</source>
        <translation>Die TTL muss zwischen 0 und %1 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The explicit max TTL must be between 0 and %1 seconds.</source>
        <translation>Die explizite max. TTL muss zwischen 0 und %1 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The period must be between 0 and %1 seconds.</source>
        <translation>Die Periode muss zwischen 0 und %1 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The role&apos;s TTL must be between 0 and %1 seconds.</source>
        <translation>Die TTL der Rolle muss zwischen 0 und %1 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The role&apos;s explicit max TTL must be between 0 and %1 seconds.</source>
        <translation>Die explizite max. TTL der Rolle muss zwischen 0 und %1 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The role&apos;s period must be between 0 and %1 seconds.</source>
        <translation>Die Periode der Rolle muss zwischen 0 und %1 Sekunden liegen.</translation>
    </message>
    <message>
        <source>Explicit max TTL specified both during creation call and in role; using the lesser value of %1 seconds</source>
        <translation>explizite max. TTL in Anfrage und Rolle angegeben; der kleinere Wert gilt: %1 Sekunden</translation>
    </message>
    <message>
        <source>Period specified both during creation call and in role; using the lesser value of %1 seconds</source>
        <translation>Periode in Anfrage und Rolle angegeben; der kleinere Wert gilt: %1 Sekunden</translation>
    </message>
    <message>
        <source>The creation TTL must be between 0 and %1 seconds.</source>
        <translation>Die Erstellungs-TTL muss zwischen 0 und %1 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The increment must be between 0 and %1 seconds.</source>
        <translation>Die Verlängerung muss zwischen 0 und %1 Sekunden liegen.</translation>
    </message>
    <message>
        <source>token is not renewable</source>
        <translation>das Token ist nicht verlängerbar</translation>
    </message>
    <message>
        <source>past the max TTL, cannot renew</source>
        <translation>die max. TTL ist erreicht, keine Verlängerung möglich</translation>
    </message>
    <message>
        <source>the code does not match: check the phone&apos;s clock and type the code it shows now</source>
        <translation>der Code stimmt nicht: prüfen Sie die Uhr des Telefons und geben Sie den Code ein, den es jetzt anzeigt</translation>
    </message>
    <message>
        <source>activate_within must be 1 second to %1 days</source>
        <translation>activate_within muss 1 Sekunde bis %1 Tage betragen</translation>
    </message>
    <message>
        <source>only service tokens can be valid from their first use</source>
        <translation>nur Service-Token können ab ihrer ersten Nutzung gelten</translation>
    </message>
    <message>
        <source>a token without a TTL cannot be valid from its first use</source>
        <translation>ein Token ohne TTL kann nicht ab seiner ersten Nutzung gelten</translation>
    </message>
    <message>
        <source>this pass is not used yet: its TTL starts at its first use</source>
        <translation>dieser Pass wurde noch nicht genutzt: seine TTL beginnt mit der ersten Nutzung</translation>
    </message>
    <message>
        <source>batch tokens cannot be marked to warn before expiry</source>
        <translation>Batch-Tokens können nicht zur Warnung vor dem Ablauf markiert werden</translation>
    </message>
    <message>
        <source>the warning window must be between 1 second and %1 days</source>
        <translation>der Warnzeitraum muss zwischen 1 Sekunde und %1 Tagen liegen</translation>
    </message>
    <message>
        <source>a token first used at the end of its wait for the first use (%1) would outlive its parent, which expires in %2: shorten the wait or the TTL</source>
        <translation>ein Token, das erst am Ende seiner Wartezeit auf die erste Nutzung (%1) genutzt wird, würde sein übergeordnetes Token überleben, das in %2 abläuft: verkürzen Sie die Wartezeit oder die TTL</translation>
    </message>
</context>
<context>
    <name>LongTask</name>
    <message>
        <source>Please wait</source>
        <translation>Bitte warten</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>PassSheet</name>
    <message>
        <source>Pass %1 of %2</source>
        <translation>Pass %1 von %2</translation>
    </message>
    <message>
        <source>Scan the code or type it where you sign in. Keep this pass to yourself: whoever holds it has its access.</source>
        <translation>Scannen Sie den Code oder tippen Sie ihn bei der Anmeldung ein. Behalten Sie diesen Pass für sich: Wer ihn hat, hat seinen Zugang.</translation>
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
    <message>
        <source>[personal details removed]</source>
        <translation>[personenbezogene Daten entfernt]</translation>
    </message>
    <message>
        <source>[personal details removed] %1</source>
        <translation>[personenbezogene Daten entfernt] %1</translation>
    </message>
    <message>
        <source>Personal details removed on %1 (UTC); the audit chain still proves the record.</source>
        <translation>Personenbezogene Daten am %1 (UTC) entfernt; die Audit-Kette belegt den Eintrag weiterhin.</translation>
    </message>
    <message>
        <source>store owner (%1)</source>
        <translation>Speicherbesitzer (%1)</translation>
    </message>
</context>
<context>
    <name>tessera::items::ExpiringTokenModel</name>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Accessor</source>
        <translation>Accessor</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Why listed</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Eltern-Token</translation>
    </message>
    <message>
        <source>marked, staff</source>
        <translation>markiert, Personal</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>marked</source>
        <translation>markiert</translation>
    </message>
</context>
<context>
    <name>tessera::items::PatronImportModel</name>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>New patron</source>
        <translation>Neuer Leser</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Ausweisnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>tessera::items::SecurityKeyModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
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
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
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
    <message>
        <source>%1
Accessor: %2</source>
        <translation>%1
Accessor: %2</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>not yet used</source>
        <translation>noch nicht genutzt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt genutzt</translation>
    </message>
</context>
<context>
    <name>tessera::reports::PdfReport</name>
    <message>
        <source>%1 to %2 (UTC)</source>
        <translation>%1 bis %2 (UTC)</translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation>Vorgang: %1</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Subtree: %1</source>
        <translation>Teilbaum: %1</translation>
    </message>
    <message>
        <source>all tokens</source>
        <translation>alle Token</translation>
    </message>
    <message>
        <source>Metadata: %1</source>
        <translation>Metadaten: %1</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Audit chain verified intact: records 1 to %1.</source>
        <translation>Audit-Kette als intakt verifiziert: Einträge 1 bis %1.</translation>
    </message>
    <message>
        <source>AUDIT CHAIN NOT INTACT: %1 (records 1 to %2 verified).</source>
        <translation>AUDIT-KETTE NICHT INTAKT: %1 (Einträge 1 bis %2 verifiziert).</translation>
    </message>
    <message>
        <source>Audit report: %1</source>
        <translation>Audit-Bericht: %1</translation>
    </message>
    <message>
        <source>Cannot start the PDF.</source>
        <translation>Das PDF kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Tessera audit report — %1</source>
        <translation>Tessera-Audit-Bericht – %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>MAC of record %1 (HMAC-SHA256): </source>
        <translation>MAC von Eintrag %1 (HMAC-SHA256): </translation>
    </message>
    <message>
        <source>TESSERA</source>
        <translation>TESSERA</translation>
    </message>
    <message>
        <source>Audit report</source>
        <translation>Audit-Bericht</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>Verlängert</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Logins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>Active at end</source>
        <translation>Aktiv am Ende</translation>
    </message>
    <message>
        <source>Audit chain verified: intact</source>
        <translation>Audit-Kette verifiziert: intakt</translation>
    </message>
    <message>
        <source>Audit chain verification FAILED</source>
        <translation>Verifizierung der Audit-Kette FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>Last record %1, MAC %2</source>
        <translation>Letzter Eintrag %1, MAC %2</translation>
    </message>
    <message>
        <source>Every audit record carries the HMAC of the record before it, so a changed, deleted or reordered record breaks the chain. Each page of this report shows the verification result and the MAC of the last verified record: run &quot;tessera-cli audit verify&quot; and &quot;tessera-cli audit export&quot; on the store to match a printed copy to it. Tokens appear by accessor only; secrets appear only as HMAC tags.</source>
        <translation>Jeder Prüfprotokolleintrag enthält den HMAC des vorhergehenden Eintrags, sodass ein geänderter, gelöschter oder umsortierter Eintrag die Kette unterbricht. Jede Seite dieses Berichts zeigt das Verifizierungsergebnis und den MAC des letzten verifizierten Eintrags: Führen Sie „tessera-cli audit verify“ und „tessera-cli audit export“ auf dem Speicher aus, um einen Ausdruck damit abzugleichen. Token erscheinen nur über ihren Accessor; Geheimnisse erscheinen nur als HMAC-Tags.</translation>
    </message>
    <message>
        <source>Activity per day</source>
        <translation>Aktivität pro Tag</translation>
    </message>
    <message>
        <source>Tokens issued, renewed, revoked and expired, logins and failed logins (UTC days).</source>
        <translation>Ausgestellte, verlängerte, widerrufene und abgelaufene Token, Anmeldungen und fehlgeschlagene Anmeldungen (UTC-Tage).</translation>
    </message>
    <message>
        <source>Active tokens over time</source>
        <translation>Aktive Token im Zeitverlauf</translation>
    </message>
    <message>
        <source>Service tokens active at the end of each day (batch tokens are not stored).</source>
        <translation>Am Ende jedes Tages aktive Service-Token (Batch-Token werden nicht gespeichert).</translation>
    </message>
    <message>
        <source>Active service tokens</source>
        <translation>Aktive Service-Token</translation>
    </message>
    <message>
        <source>Daily figures</source>
        <translation>Tageswerte</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Tag (UTC)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Activity by role</source>
        <translation>Aktivität nach Rolle</translation>
    </message>
    <message>
        <source>Tokens by the role they were issued from; &quot;Active at end&quot; at %1 UTC.</source>
        <translation>Token nach der Rolle, aus der sie ausgestellt wurden; „Aktiv am Ende“ zum Zeitpunkt %1 UTC.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Activity by policy</source>
        <translation>Aktivität nach Richtlinie</translation>
    </message>
    <message>
        <source>A token with several policies counts once for each of them.</source>
        <translation>Ein Token mit mehreren Richtlinien wird für jede davon einmal gezählt.</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Top subtrees by activity</source>
        <translation>Teilbäume mit der meisten Aktivität</translation>
    </message>
    <message>
        <source>Branches below a root token (desks, services) and top-level tokens, by the records that touch them.</source>
        <translation>Zweige unterhalb eines Root-Tokens (Theken, Dienste) und Token der obersten Ebene, nach den Einträgen, die sie betreffen.</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Zweig</translation>
    </message>
    <message>
        <source>Accessor</source>
        <translation>Accessor</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Records by operation</source>
        <translation>Einträge nach Vorgang</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Audit records</source>
        <translation>Prüfprotokolleinträge</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
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
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message numerus="yes">
        <source>%Ln audit record(s) in this report</source>
        <translation>
            <numerusform>%Ln Prüfprotokolleintrag in diesem Bericht</numerusform>
            <numerusform>%Ln Prüfprotokolleinträge in diesem Bericht</numerusform>
        </translation>
    </message>
    <message>
        <source>No activity in this period.</source>
        <translation>Keine Aktivität in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Counts in tokens (a revoked subtree counts each token); &quot;Issued&quot; excludes tokens issued by logins. Days without activity are left out.</source>
        <translation>Angaben in Token (ein widerrufener Teilbaum zählt jedes Token einzeln); „Ausgestellt“ umfasst keine durch Anmeldungen ausgestellten Token. Tage ohne Aktivität sind ausgelassen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s), oldest first. Accessors are shortened; the CSV and JSON Lines exports carry every field in full.</source>
        <translation>
            <numerusform>%Ln Eintrag. Accessors sind gekürzt; die CSV- und JSON-Lines-Exporte enthalten alle Felder vollständig.</numerusform>
            <numerusform>%Ln Einträge, älteste zuerst. Accessors sind gekürzt; die CSV- und JSON-Lines-Exporte enthalten alle Felder vollständig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them without personal details (removed after the retention period)</source>
        <translation>
            <numerusform>%Ln davon ohne personenbezogene Daten (nach der Aufbewahrungsfrist entfernt)</numerusform>
            <numerusform>%Ln davon ohne personenbezogene Daten (nach der Aufbewahrungsfrist entfernt)</numerusform>
        </translation>
    </message>
    <message>
        <source>[personal details removed]</source>
        <translation>[personenbezogene Daten entfernt]</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AuditView</name>
    <message>
        <source>All operations</source>
        <translation>Alle Vorgänge</translation>
    </message>
    <message>
        <source>Tokens issued</source>
        <translation>Ausgestellte Token</translation>
    </message>
    <message>
        <source>Tokens renewed</source>
        <translation>Verlängerte Token</translation>
    </message>
    <message>
        <source>Tokens revoked</source>
        <translation>Widerrufene Token</translation>
    </message>
    <message>
        <source>Tokens used</source>
        <translation>Verwendete Token</translation>
    </message>
    <message>
        <source>Logins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>Policy changes</source>
        <translation>Richtlinienänderungen</translation>
    </message>
    <message>
        <source>Role changes</source>
        <translation>Rollenänderungen</translation>
    </message>
    <message>
        <source>User changes</source>
        <translation>Benutzeränderungen</translation>
    </message>
    <message>
        <source>Store (unlock, rekey, backup)</source>
        <translation>Speicher (Entsperren, Neuverschlüsselung, Sicherung)</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Audit records</source>
        <translation>Prüfprotokolleinträge</translation>
    </message>
    <message>
        <source>&amp;Verify Chain</source>
        <translation>Kette ver&amp;ifizieren</translation>
    </message>
    <message>
        <source>Check that no record was changed, removed or reordered</source>
        <translation>Prüfen, dass kein Eintrag geändert, entfernt oder umsortiert wurde</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Das Prüfprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>From time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>To time</source>
        <translation>Endzeit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>accessor</source>
        <translation>Accessor</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>O&amp;peration:</source>
        <translation>Vo&amp;rgang:</translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation>&amp;Akteur:</translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation>Audit-Kette wird verifiziert…</translation>
    </message>
    <message>
        <source>The audit log could not be verified: %1</source>
        <translation>Das Prüfprotokoll konnte nicht verifiziert werden: %1</translation>
    </message>
    <message>
        <source>Record %1 was changed after it was written.</source>
        <translation>Eintrag %1 wurde nach dem Schreiben geändert.</translation>
    </message>
    <message>
        <source>Record %1 is missing: records were deleted from the log.</source>
        <translation>Eintrag %1 fehlt: Es wurden Einträge aus dem Protokoll gelöscht.</translation>
    </message>
    <message>
        <source>Record %1 is out of place: its content was found at position %2, so records were reordered.</source>
        <translation>Eintrag %1 steht an der falschen Stelle: Sein Inhalt wurde an Position %2 gefunden, die Einträge wurden also umsortiert.</translation>
    </message>
    <message>
        <source>The newest records were removed: the log ends before record %1.</source>
        <translation>Die neuesten Einträge wurden entfernt: Das Protokoll endet vor Eintrag %1.</translation>
    </message>
    <message>
        <source>The log&apos;s seal (its chain head) is missing, forged or does not match the last record.</source>
        <translation>Das Siegel des Protokolls (der Kettenkopf) fehlt, ist gefälscht oder passt nicht zum letzten Eintrag.</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: all %Ln records are in order and unchanged.</source>
        <translation>
            <numerusform>Das Prüfprotokoll ist intakt: Sein einziger Eintrag ist vollständig, in der richtigen Reihenfolge und unverändert.</numerusform>
            <numerusform>Das Prüfprotokoll ist intakt: Alle %Ln Einträge sind vollständig, in der richtigen Reihenfolge und unverändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit log has been tampered with. %1 The first %Ln records are intact.</source>
        <translation>
            <numerusform>Das Prüfprotokoll wurde manipuliert. %1 Der erste Eintrag ist intakt.</numerusform>
            <numerusform>Das Prüfprotokoll wurde manipuliert. %1 Die ersten %Ln Einträge sind intakt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::BatchPassDialog</name>
    <message>
        <source>Batch of Passes</source>
        <translation>Ausweis-Stapel</translation>
    </message>
    <message>
        <source>1 to %1 passes in one batch</source>
        <translation>1 bis %1 Ausweise pro Stapel</translation>
    </message>
    <message>
        <source>Passes go under</source>
        <translation>Die Ausweise kommen unter</translation>
    </message>
    <message>
        <source>A &amp;new group named:</source>
        <translation>Eine &amp;neue Gruppe namens:</translation>
    </message>
    <message>
        <source>Class visit %1</source>
        <translation>Klassenbesuch %1</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Name der Gruppe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The &amp;selected token: %1</source>
        <translation>Das ausgewählte &amp;Token: %1</translation>
    </message>
    <message>
        <source>The &amp;selected token (none is selected)</source>
        <translation>Das ausgewählte &amp;Token (keines ist ausgewählt)</translation>
    </message>
    <message>
        <source>A4 sheets (cards to cut apart)</source>
        <translation>A4-Bögen (Karten zum Ausschneiden)</translation>
    </message>
    <message>
        <source>Letter sheets (cards to cut apart)</source>
        <translation>Letter-Bögen (Karten zum Ausschneiden)</translation>
    </message>
    <message>
        <source>80 mm receipts (one pass each)</source>
        <translation>80-mm-Belege (je ein Ausweis)</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <source>none (optional; the file holds the tokens)</source>
        <translation>keine (optional; die Datei enthält die Token)</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>D&amp;urchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>&amp;Anzahl:</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Layout:</translation>
    </message>
    <message>
        <source>&amp;PDF file:</source>
        <translation>&amp;PDF-Datei:</translation>
    </message>
    <message>
        <source>CS&amp;V file:</source>
        <translation>CS&amp;V-Datei:</translation>
    </message>
    <message>
        <source>%1 (printed on every pass; see Preferences)</source>
        <translation>%1 (auf jeden Ausweis gedruckt; siehe Einstellungen)</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>Bibliothek:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Role “%1” makes orphans: the passes have no parent, and each is revoked on its own.</source>
        <translation>Die Rolle „%1“ erzeugt verwaiste Token: Die Ausweise haben kein übergeordnetes Token, jeder wird einzeln widerrufen.</translation>
    </message>
    <message>
        <source>There is no role to issue passes from: make one in Access › Roles first.</source>
        <translation>Es gibt keine Rolle, aus der Ausweise ausgestellt werden können: Legen Sie zuerst unter Zugriff › Rollen eine an.</translation>
    </message>
    <message>
        <source>Choose the role the passes are issued from.</source>
        <translation>Wählen Sie die Rolle, aus der die Ausweise ausgestellt werden.</translation>
    </message>
    <message>
        <source>A batch has 1 to %1 passes, not %2.</source>
        <translation>Ein Stapel hat 1 bis %1 Ausweise, nicht %2.</translation>
    </message>
    <message>
        <source>Choose the PDF file the passes are printed from.</source>
        <translation>Wählen Sie die PDF-Datei, aus der die Ausweise gedruckt werden.</translation>
    </message>
    <message>
        <source>%1 is a folder: name a file in it.</source>
        <translation>%1 ist ein Ordner: Geben Sie eine Datei darin an.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The PDF and the CSV need two different files.</source>
        <translation>PDF und CSV brauchen zwei verschiedene Dateien.</translation>
    </message>
    <message numerus="yes">
        <source>Sample passes: the first of %n page(s). The real passes are made when you click Create.</source>
        <translation>
            <numerusform>Musterausweise: die erste von %n Seite. Die echten Ausweise entstehen, wenn Sie auf Erstellen klicken.</numerusform>
            <numerusform>Musterausweise: die erste von %n Seiten. Die echten Ausweise entstehen, wenn Sie auf Erstellen klicken.</numerusform>
        </translation>
    </message>
    <message>
        <source>The CSV holds the tokens themselves: keep it as safe as the printed passes.</source>
        <translation>Die CSV-Datei enthält die Token selbst: Bewahren Sie sie so sicher auf wie die gedruckten Ausweise.</translation>
    </message>
    <message>
        <source>Save the Passes as PDF</source>
        <translation>Ausweise als PDF speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Save the Passes as CSV</source>
        <translation>Ausweise als CSV speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Issuing %n pass(es)…</source>
        <translation>
            <numerusform>%n Ausweis wird ausgestellt…</numerusform>
            <numerusform>%n Ausweise werden ausgestellt…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be written: %2. No passes were issued.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Es wurden keine Ausweise ausgestellt.</translation>
    </message>
    <message>
        <source>No passes were issued: %1</source>
        <translation>Es wurden keine Ausweise ausgestellt: %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2.</source>
        <translation>%1 konnte nicht geschrieben werden: %2.</translation>
    </message>
    <message numerus="yes">
        <source>The %n pass(es) issued for it were revoked, so that none that was never printed stays valid. Choose another file and create the batch again.</source>
        <translation>
            <numerusform>Der dafür ausgestellte Ausweis wurde widerrufen, damit kein nie gedruckter Ausweis gültig bleibt. Wählen Sie eine andere Datei und erstellen Sie den Stapel erneut.</numerusform>
            <numerusform>Die %n dafür ausgestellten Ausweise wurden widerrufen, damit keiner, der nie gedruckt wurde, gültig bleibt. Wählen Sie eine andere Datei und erstellen Sie den Stapel erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoking the %n pass(es) issued for it failed too (%1): revoke “%2” in the tree before anyone finds them.</source>
        <translation>
            <numerusform>Auch das Widerrufen des dafür ausgestellten Ausweises ist fehlgeschlagen (%1): Widerrufen Sie „%2“ im Baum, bevor jemand ihn findet.</numerusform>
            <numerusform>Auch das Widerrufen der %n dafür ausgestellten Ausweise ist fehlgeschlagen (%1): Widerrufen Sie „%2“ im Baum, bevor jemand sie findet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n pass(es) under the new group “%1”: revoking the group revokes them all.</source>
        <translation>
            <numerusform>%n Ausweis unter der neuen Gruppe „%1“ ausgestellt: Das Widerrufen der Gruppe widerruft ihn.</numerusform>
            <numerusform>%n Ausweise unter der neuen Gruppe „%1“ ausgestellt: Das Widerrufen der Gruppe widerruft sie alle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n pass(es) as orphans (“%1”).</source>
        <translation>
            <numerusform>%n Ausweis als verwaistes Token ausgestellt („%1“).</numerusform>
            <numerusform>%n Ausweise als verwaiste Token ausgestellt („%1“).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n pass(es) under the selected token.</source>
        <translation>
            <numerusform>%n Ausweis unter dem ausgewählten Token ausgestellt.</numerusform>
            <numerusform>%n Ausweise unter dem ausgewählten Token ausgestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n page(s) to %1.</source>
        <translation>
            <numerusform>%n Seite nach %1 geschrieben.</numerusform>
            <numerusform>%n Seiten nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote the CSV to %1; it holds the tokens.</source>
        <translation>CSV nach %1 geschrieben; sie enthält die Token.</translation>
    </message>
    <message>
        <source>The preview shows sample passes; the real ones are in the PDF.</source>
        <translation>Die Vorschau zeigt Musterausweise; die echten stehen im PDF.</translation>
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
    <name>tessera::ui::DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>Fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>The figures could not be counted: %1</source>
        <translation>Die Zahlen konnten nicht ermittelt werden: %1</translation>
    </message>
    <message>
        <source>Last %1 days</source>
        <translation>Letzte %1 Tage</translation>
    </message>
    <message>
        <source>Activity of the last %1 days</source>
        <translation>Aktivität der letzten %1 Tage</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DocumentLinkDialog</name>
    <message>
        <source>Link for One Document</source>
        <translation>Link für ein Dokument</translation>
    </message>
    <message>
        <source>A link that opens one page of a site behind the gate, once, without signing in. Opening it again, or the page a second time, asks the patron to sign in.</source>
        <translation>Ein Link, der eine Seite einer durch das Gate geschützten Website einmal öffnet, ohne Anmeldung. Wird er erneut geöffnet oder die Seite ein zweites Mal, muss sich der Leser anmelden.</translation>
    </message>
    <message>
        <source>Document address</source>
        <translation>Adresse des Dokuments</translation>
    </message>
    <message>
        <source>&amp;Document address:</source>
        <translation>&amp;Adresse des Dokuments:</translation>
    </message>
    <message>
        <source>Store default (%1)</source>
        <translation>Standard des Speichers (%1)</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Gültig für</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>&amp;Gültig für:</translation>
    </message>
    <message>
        <source>&amp;Create Link</source>
        <translation>Link &amp;erstellen</translation>
    </message>
    <message>
        <source>The link was not created: %1</source>
        <translation>Der Link wurde nicht erstellt: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DurationEdit</name>
    <message>
        <source> d</source>
        <comment>days suffix</comment>
        <translation> T</translation>
    </message>
    <message>
        <source> h</source>
        <comment>hours suffix</comment>
        <translation> Std.</translation>
    </message>
    <message>
        <source> min</source>
        <comment>minutes suffix</comment>
        <translation> Min.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>e.g. 36h</source>
        <translation>z. B. 36h</translation>
    </message>
    <message>
        <source>Type a duration as Vault writes it: 90s, 30m, 36h, 2h30m, 7d</source>
        <translation>Geben Sie eine Dauer in Vault-Schreibweise ein: 90s, 30m, 36h, 2h30m, 7d</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>%1 as text</source>
        <translation>%1 als Text</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ExpiringSoonDialog</name>
    <message>
        <source>Expiring Soon</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message numerus="yes">
        <source>Staff tokens and tokens marked &quot;Warn before expiry&quot; that expire within %n day(s). Select some to renew them or to issue fresh ones like them.</source>
        <translation>
            <numerusform>Personal-Tokens und mit „Vor Ablauf warnen“ markierte Tokens, die innerhalb von %n Tag ablaufen. Wählen Sie welche aus, um sie zu verlängern oder gleichartige neu auszustellen.</numerusform>
            <numerusform>Personal-Tokens und mit „Vor Ablauf warnen“ markierte Tokens, die innerhalb von %n Tagen ablaufen. Wählen Sie welche aus, um sie zu verlängern oder gleichartige neu auszustellen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tokens expiring soon</source>
        <translation>Bald ablaufende Tokens</translation>
    </message>
    <message>
        <source>No marked or staff token expires that soon.</source>
        <translation>Kein markiertes oder Personal-Token läuft so bald ab.</translation>
    </message>
    <message>
        <source>&amp;Renew Selected</source>
        <translation>Auswahl &amp;verlängern</translation>
    </message>
    <message>
        <source>Renew each selected token by its own TTL, within its limits</source>
        <translation>Jedes ausgewählte Token um seine eigene TTL verlängern, innerhalb seiner Grenzen</translation>
    </message>
    <message>
        <source>Re-&amp;issue Selected</source>
        <translation>Auswahl &amp;neu ausstellen</translation>
    </message>
    <message>
        <source>Issue a fresh token like each selected one: same role, policies, metadata and parent</source>
        <translation>Für jedes ausgewählte ein gleichartiges neues Token ausstellen: dieselbe Rolle, Richtlinien, Metadaten und dasselbe Eltern-Token</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Renewed %n token(s).</source>
        <translation>
            <numerusform>%n Token verlängert.</numerusform>
            <numerusform>%n Tokens verlängert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not renewed:</source>
        <translation>Nicht verlängert:</translation>
    </message>
    <message numerus="yes">
        <source>Issued %n fresh token(s); each is shown once.</source>
        <translation>
            <numerusform>%n neues Token ausgestellt; es wird einmal angezeigt.</numerusform>
            <numerusform>%n neue Tokens ausgestellt; jedes wird einmal angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not re-issued:</source>
        <translation>Nicht neu ausgestellt:</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ExpiryAlerts</name>
    <message>
        <source>Tokens expiring soon</source>
        <translation>Bald ablaufende Tokens</translation>
    </message>
    <message>
        <source>“%1” expires on %2.</source>
        <translation>„%1“ läuft am %2 ab.</translation>
    </message>
    <message numerus="yes">
        <source>%n marked or staff token(s) expire soon, the first, “%1”, on %2.</source>
        <translation>
            <numerusform>%n markiertes oder Personal-Token läuft bald ab, das erste, „%1“, am %2.</numerusform>
            <numerusform>%n markierte oder Personal-Tokens laufen bald ab, das erste, „%1“, am %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::IssueTokenDialog</name>
    <message>
        <source>Issue Token</source>
        <translation>Token ausstellen</translation>
    </message>
    <message>
        <source>&amp;Issue Token</source>
        <translation>Token &amp;ausstellen</translation>
    </message>
    <message>
        <source>From a &amp;role:</source>
        <translation>Aus einer &amp;Rolle:</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>One click fills the form with the role&apos;s settings</source>
        <translation>Ein Klick füllt das Formular mit den Einstellungen der Rolle aus</translation>
    </message>
    <message>
        <source>By hand (no role)</source>
        <translation>Manuell (ohne Rolle)</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Top level (no parent)</source>
        <translation>Oberste Ebene (ohne übergeordnetes Token)</translation>
    </message>
    <message>
        <source>Child of “%1”</source>
        <translation>Untergeordnet zu „%1“</translation>
    </message>
    <message>
        <source>e.g. visitor 2041, desk 3</source>
        <translation>z. B. Besucher 2041, Theke 3</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>&amp;Batch</translation>
    </message>
    <message>
        <source>Stored, renewable, can have children and a use limit</source>
        <translation>Gespeichert, verlängerbar, kann untergeordnete Token und ein Nutzungslimit haben</translation>
    </message>
    <message>
        <source>Not stored: lightweight, fixed lifetime, no children</source>
        <translation>Nicht gespeichert: schlank, feste Lebensdauer, keine untergeordneten Token</translation>
    </message>
    <message>
        <source>&amp;Orphan (stays valid when its parent is revoked)</source>
        <translation>&amp;Verwaist (überlebt den Widerruf des Eltern-Tokens)</translation>
    </message>
    <message>
        <source>&amp;Parent:</source>
        <translation>&amp;Übergeordnet:</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>Anzeige&amp;name:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Po&amp;licies</source>
        <translation>Richt&amp;linien</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Offer e&amp;very policy (store owner)</source>
        <translation>&amp;Jede Richtlinie anbieten (Speicherbesitzer)</translation>
    </message>
    <message>
        <source>The store owner may give any policy, even one the parent lacks</source>
        <translation>Der Speicherbesitzer darf jede Richtlinie vergeben, auch eine, die dem übergeordneten Token fehlt</translation>
    </message>
    <message>
        <source>Without the “default” polic&amp;y</source>
        <translation>Ohne die Richtlinie „&amp;default“</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Lebensdauer</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Explicit max TTL</source>
        <translation>Explizite max. TTL</translation>
    </message>
    <message>
        <source>Not periodic</source>
        <translation>Nicht periodisch</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Rene&amp;wable</source>
        <translation>Verlän&amp;gerbar</translation>
    </message>
    <message>
        <source>&amp;TTL:</source>
        <translation>&amp;TTL:</translation>
    </message>
    <message>
        <source>E&amp;xplicit max TTL:</source>
        <translation>E&amp;xplizite max. TTL:</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>Peri&amp;ode:</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Nutzungen</translation>
    </message>
    <message>
        <source>&amp;Unlimited</source>
        <translation>&amp;Unbegrenzt</translation>
    </message>
    <message>
        <source>O&amp;ne use</source>
        <translation>&amp;Einmalig</translation>
    </message>
    <message>
        <source>Li&amp;mited to</source>
        <translation>Begren&amp;zt auf</translation>
    </message>
    <message>
        <source> uses</source>
        <translation> Nutzungen</translation>
    </message>
    <message>
        <source>Number of uses</source>
        <translation>Anzahl der Nutzungen</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Add Row</source>
        <translation>Zeile &amp;hinzufügen</translation>
    </message>
    <message>
        <source>R&amp;emove Row</source>
        <translation>Zeile ent&amp;fernen</translation>
    </message>
    <message>
        <source>Cannot read the role “%1”: %2</source>
        <translation>Die Rolle „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Metadata row %1 has no key: enter one or remove the row.</source>
        <translation>Metadatenzeile %1 hat keinen Schlüssel: Geben Sie einen ein oder entfernen Sie die Zeile.</translation>
    </message>
    <message>
        <source>The metadata key “%1” appears twice.</source>
        <translation>Der Metadatenschlüssel „%1“ kommt doppelt vor.</translation>
    </message>
    <message>
        <source>A %1 token with the policies %2.</source>
        <translation>Ein %1 mit den Richtlinien %2.</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>Batch-Token</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Service-Token</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Expires in %1, on %2%3.</source>
        <translation>Läuft in %1 ab, am %2%3.</translation>
    </message>
    <message>
        <source> unless renewed</source>
        <translation>, sofern nicht verlängert</translation>
    </message>
    <message>
        <source>Never expires.</source>
        <translation>Läuft nie ab.</translation>
    </message>
    <message>
        <source>Unlimited uses.</source>
        <translation>Unbegrenzte Nutzungen.</translation>
    </message>
    <message>
        <source>One use only.</source>
        <translation>Nur einmal verwendbar.</translation>
    </message>
    <message>
        <source>%1 uses.</source>
        <translation>%1 Nutzungen.</translation>
    </message>
    <message>
        <source>The token was not issued: %1</source>
        <translation>Das Token wurde nicht ausgestellt: %1</translation>
    </message>
    <message>
        <source>“%1” has a use limit, so it cannot have children.</source>
        <translation>„%1“ hat ein Nutzungslimit und kann keine untergeordneten Token haben.</translation>
    </message>
    <message>
        <source>The selected token and those above it that can have children</source>
        <translation>Das ausgewählte Token und die darüber, die untergeordnete Token haben können</translation>
    </message>
    <message>
        <source>Issue a Root Token?</source>
        <translation>Root-Token ausstellen?</translation>
    </message>
    <message>
        <source>Issue &amp;Root Token</source>
        <translation>&amp;Root-Token ausstellen</translation>
    </message>
    <message>
        <source>The new token carries the root policy: whoever holds it can do anything in this store. It expires in %1.</source>
        <translation>Das neue Token trägt die Richtlinie root: Wer es besitzt, darf in diesem Speicher alles. Es läuft in %1 ab.</translation>
    </message>
    <message>
        <source>The new token carries the root policy: whoever holds it can do anything in this store. It never expires.</source>
        <translation>Das neue Token trägt die Richtlinie root: Wer es besitzt, darf in diesem Speicher alles. Es läuft nie ab.</translation>
    </message>
    <message>
        <source>&amp;Link for One Document…</source>
        <translation>&amp;Link für ein Dokument…</translation>
    </message>
    <message>
        <source>A one-use link to one page behind the gate, instead of a token</source>
        <translation>Ein Einmal-Link zu einer Seite hinter dem Gate statt eines Tokens</translation>
    </message>
    <message>
        <source>From its creation</source>
        <translation>Ab der Erstellung</translation>
    </message>
    <message>
        <source>Start at first use within</source>
        <translation>Ab erster Nutzung, binnen</translation>
    </message>
    <message>
        <source>A pass valid from its first use: its TTL starts when it is first used, which must happen within this time; unused, it expires then.</source>
        <translation>Ein Pass, der ab der ersten Nutzung gilt: seine TTL beginnt bei der ersten Nutzung, die innerhalb dieser Zeit erfolgen muss; ungenutzt läuft er dann ab.</translation>
    </message>
    <message>
        <source>Start at &amp;first use within:</source>
        <translation>Ab &amp;erster Nutzung, binnen:</translation>
    </message>
    <message>
        <source>Warn be&amp;fore expiry</source>
        <translation>Vor A&amp;blauf warnen</translation>
    </message>
    <message>
        <source>Announce the token on the desktop and list it under Token › Expiring Soon shortly before it expires (staff tokens are listed anyway)</source>
        <translation>Das Token kurz vor seinem Ablauf auf dem Desktop melden und unter Token › Läuft bald ab auflisten (Personal-Tokens werden ohnehin aufgelistet)</translation>
    </message>
    <message>
        <source>Valid for %1 from its first use, which must come by %2.</source>
        <translation>Gültig für %1 ab der ersten Nutzung, die bis %2 erfolgen muss.</translation>
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
        <source>Revoke</source>
        <translation>Widerrufen</translation>
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
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Another program replaced the store file or deleted its write-ahead log while the console had it open. The console stopped using it so that no change is lost. Unlock to open the store as it is now.</source>
        <translation>Ein anderes Programm hat die Speicherdatei ersetzt oder ihr Write-Ahead-Log gelöscht, während die Konsole sie geöffnet hatte. Die Konsole verwendet sie nicht mehr, damit keine Änderung verloren geht. Entsperren Sie, um den Speicher im jetzigen Zustand zu öffnen.</translation>
    </message>
    <message>
        <source>Cannot renew: batch tokens have a fixed lifetime.</source>
        <translation>Nicht verlängerbar: Batch-Token haben eine feste Laufzeit.</translation>
    </message>
    <message>
        <source>Cannot renew: this token never expires.</source>
        <translation>Nicht verlängerbar: Dieses Token läuft nie ab.</translation>
    </message>
    <message>
        <source>Cannot renew: this token was issued as not renewable.</source>
        <translation>Nicht verlängerbar: Dieses Token wurde als nicht verlängerbar ausgestellt.</translation>
    </message>
    <message>
        <source>&amp;Link for One Document…</source>
        <translation>&amp;Link für ein Dokument…</translation>
    </message>
    <message>
        <source>Make a one-use link to one page behind the gate</source>
        <translation>Einen Einmal-Link zu einer Seite hinter dem Gate erstellen</translation>
    </message>
    <message>
        <source>Revoke All &amp;Matches…</source>
        <translation>Alle &amp;Treffer widerrufen…</translation>
    </message>
    <message>
        <source>Revoke every token the search matches, narrowed by patron, role, issuer or creation time</source>
        <translation>Jedes Token widerrufen, das die Suche findet, eingegrenzt nach Leser, Rolle, Aussteller oder Erstellungszeit</translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n token(s).</source>
        <translation>
            <numerusform>%n Token widerrufen.</numerusform>
            <numerusform>%n Token widerrufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Show today&apos;s figures and the last 30 days&apos; activity</source>
        <translation>Die Zahlen von heute und die Aktivität der letzten 30 Tage anzeigen</translation>
    </message>
    <message>
        <source>E&amp;xpiring Soon…</source>
        <translation>Läuft &amp;bald ab…</translation>
    </message>
    <message>
        <source>Staff and marked tokens about to expire: renew or re-issue them</source>
        <translation>Personal- und markierte Tokens kurz vor dem Ablauf: verlängern oder neu ausstellen</translation>
    </message>
    <message>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message numerus="yes">
        <source>%n marked or staff token(s) expire soon: Token › Expiring Soon (%1)</source>
        <translation>
            <numerusform>%n markiertes oder Personal-Token läuft bald ab: Token › Läuft bald ab (%1)</numerusform>
            <numerusform>%n markierte oder Personal-Tokens laufen bald ab: Token › Läuft bald ab (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Batch of Passes…</source>
        <translation>Ausweis-&amp;Stapel…</translation>
    </message>
    <message>
        <source>Issue up to 1,000 passes of a role at once and print them</source>
        <translation>Bis zu 1.000 Ausweise einer Rolle auf einmal ausstellen und drucken</translation>
    </message>
    <message>
        <source>&amp;Import Patrons…</source>
        <translation>Leser &amp;importieren…</translation>
    </message>
    <message>
        <source>Create or update patrons&apos; accounts from a CSV file</source>
        <translation>Konten von Lesern aus einer CSV-Datei anlegen oder aktualisieren</translation>
    </message>
</context>
<context>
    <name>tessera::ui::NamedObjectEditor</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>„%1“ löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Discard the unsaved changes?</source>
        <translation>Ungespeicherte Änderungen verwerfen?</translation>
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
    <name>tessera::ui::NewTokenDialog</name>
    <message>
        <source>New Token</source>
        <translation>Neues Token</translation>
    </message>
    <message>
        <source>&lt;b&gt;The token “%1” was issued.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Das Token „%1“ wurde ausgestellt.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>This is the only time the token is shown. Copy it or print a pass now: it cannot be displayed again.</source>
        <translation>Das Token wird nur dieses eine Mal angezeigt. Kopieren Sie es jetzt oder drucken Sie einen Ausweis: Es kann nicht erneut angezeigt werden.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
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
        <source>Policies:</source>
        <translation>Richtlinien:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>Uses:</source>
        <translation>Nutzungen:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Print Pass…</source>
        <translation>Ausweis &amp;drucken…</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared when the console locks.</source>
        <translation>Kopiert. Die Zwischenablage wird geleert, wenn die Konsole gesperrt wird.</translation>
    </message>
    <message>
        <source>Access pass</source>
        <translation>Zugangsausweis</translation>
    </message>
    <message>
        <source>Access pass %1</source>
        <translation>Zugangsausweis %1</translation>
    </message>
    <message>
        <source>Print Pass</source>
        <translation>Ausweis drucken</translation>
    </message>
    <message>
        <source>The pass was sent to the printer.</source>
        <translation>Der Ausweis wurde an den Drucker gesendet.</translation>
    </message>
    <message>
        <source>The pass could not be printed.</source>
        <translation>Der Ausweis konnte nicht gedruckt werden.</translation>
    </message>
    <message>
        <source>New Link</source>
        <translation>Neuer Link</translation>
    </message>
    <message>
        <source>&lt;b&gt;A one-use link to “%1” was made.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ein Einmal-Link zu „%1“ wurde erstellt.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>This is the only time the link is shown. Copy it or print it now: it cannot be displayed again.</source>
        <translation>Der Link wird nur dieses eine Mal angezeigt. Kopieren oder drucken Sie ihn jetzt: Er kann nicht erneut angezeigt werden.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Link:</translation>
    </message>
    <message>
        <source>&amp;Print Link…</source>
        <translation>Link &amp;drucken…</translation>
    </message>
    <message>
        <source>Link to one document</source>
        <translation>Link zu einem Dokument</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PassSheetPreview</name>
    <message>
        <source>Preview of the first page</source>
        <translation>Vorschau der ersten Seite</translation>
    </message>
    <message numerus="yes">
        <source>%n sample pass(es) on the first page</source>
        <translation>
            <numerusform>%n Musterausweis auf der ersten Seite</numerusform>
            <numerusform>%n Musterausweise auf der ersten Seite</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::PatronImportDialog</name>
    <message>
        <source>Import Patrons</source>
        <translation>Leser importieren</translation>
    </message>
    <message>
        <source>A CSV file (UTF-8) with the columns &lt;b&gt;card_number&lt;/b&gt;, &lt;b&gt;name&lt;/b&gt;, &lt;b&gt;email&lt;/b&gt;, &lt;b&gt;role&lt;/b&gt; and optionally &lt;b&gt;metadata&lt;/b&gt; (key=value;key=value). Each card number becomes a login account; an existing one is updated. Nothing is imported unless every line is good. New patrons sign in once a password is set for them.</source>
        <translation>Eine CSV-Datei (UTF-8) mit den Spalten &lt;b&gt;card_number&lt;/b&gt;, &lt;b&gt;name&lt;/b&gt;, &lt;b&gt;email&lt;/b&gt;, &lt;b&gt;role&lt;/b&gt; und optional &lt;b&gt;metadata&lt;/b&gt; (Schlüssel=Wert;Schlüssel=Wert). Jede Ausweisnummer wird ein Anmeldekonto; ein vorhandenes wird aktualisiert. Importiert wird nur, wenn jede Zeile in Ordnung ist. Neue Leser können sich anmelden, sobald ein Passwort für sie gesetzt ist.</translation>
    </message>
    <message>
        <source>Import file</source>
        <translation>Importdatei</translation>
    </message>
    <message>
        <source>Choose a CSV file of patrons</source>
        <translation>Wählen Sie eine CSV-Datei mit Lesern</translation>
    </message>
    <message>
        <source>&amp;Choose File…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Lines of the file</source>
        <translation>Zeilen der Datei</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB: split it into smaller files.</source>
        <translation>%1 ist größer als %2 MiB: Teilen Sie sie in kleinere Dateien auf.</translation>
    </message>
    <message>
        <source>Reading the patrons…</source>
        <translation>Leser werden gelesen…</translation>
    </message>
    <message>
        <source>The file cannot be checked: %1</source>
        <translation>Die Datei kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>New patrons: %1    To update: %2    Bad lines: %3</source>
        <translation>Neue Leser: %1    Zu aktualisieren: %2    Fehlerhafte Zeilen: %3</translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be imported while the file has bad lines: %n line(s) are marked with the reason. Correct the file and choose it again.</source>
        <translation>
            <numerusform>Solange die Datei fehlerhafte Zeilen hat, kann nichts importiert werden: %n Zeile ist mit dem Grund markiert. Korrigieren Sie die Datei und wählen Sie sie erneut.</numerusform>
            <numerusform>Solange die Datei fehlerhafte Zeilen hat, kann nichts importiert werden: %n Zeilen sind mit dem Grund markiert. Korrigieren Sie die Datei und wählen Sie sie erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file names no patron: only a header, or nothing.</source>
        <translation>Die Datei nennt keinen Leser: nur eine Kopfzeile oder gar nichts.</translation>
    </message>
    <message>
        <source>Every line is good. Import writes them all in one step.</source>
        <translation>Jede Zeile ist in Ordnung. Importieren schreibt sie alle in einem Schritt.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n patron(s)…</source>
        <translation>
            <numerusform>%n Leser wird importiert…</numerusform>
            <numerusform>%n Leser werden importiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <source>Imported %1 and updated %2 from %3.</source>
        <translation>%1 importiert und %2 aktualisiert aus %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n new patron(s)</source>
        <translation>
            <numerusform>%n neuen Leser</numerusform>
            <numerusform>%n neue Leser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patron(s)</source>
        <translation>
            <numerusform>%n Leser</numerusform>
            <numerusform>%n Leser</numerusform>
        </translation>
    </message>
    <message>
        <source>New patrons sign in once a password is set for them (Access › Users), or with a pass.</source>
        <translation>Neue Leser melden sich an, sobald ein Passwort für sie gesetzt ist (Zugriff › Benutzer), oder mit einem Ausweis.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PolicyEditor</name>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>&amp;Policies:</source>
        <translation>&amp;Richtlinien:</translation>
    </message>
    <message>
        <source>e.g. ebooks-reader</source>
        <translation>z. B. ebooks-reader</translation>
    </message>
    <message>
        <source>Policy text</source>
        <translation>Richtlinientext</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>R&amp;ules (Vault policy language, HCL or JSON):</source>
        <translation>Re&amp;geln (Vault-Richtliniensprache, HCL oder JSON):</translation>
    </message>
    <message>
        <source># The built-in root policy allows everything. It cannot be changed.
</source>
        <translation># Die integrierte Root-Richtlinie erlaubt alles. Sie kann nicht geändert werden.
</translation>
    </message>
    <message>
        <source>Give the policy a name.</source>
        <translation>Geben Sie der Richtlinie einen Namen.</translation>
    </message>
    <message>
        <source>a policy named “%1” exists already</source>
        <translation>eine Richtlinie namens „%1“ ist bereits vorhanden</translation>
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
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Remove personal details from audit records older than N days</source>
        <translation>Personenbezogene Daten aus Audit-Einträgen entfernen, die älter als N Tage sind</translation>
    </message>
    <message>
        <source>Patron names and ids, card numbers, user names, paths and client addresses are removed; the records themselves stay, are still counted and still verify.</source>
        <translation>Namen und Kennungen von Lesern, Ausweisnummern, Benutzernamen, Pfade und Client-Adressen werden entfernt; die Einträge selbst bleiben, werden weiter gezählt und weiter geprüft.</translation>
    </message>
    <message>
        <source>&amp;Remove personal details from audit records older than:</source>
        <translation>Personenbezogene Daten &amp;entfernen aus Audit-Einträgen älter als:</translation>
    </message>
    <message>
        <source>journal.example.org, catalogue.example.org</source>
        <translation>zeitschrift.beispiel.org, katalog.beispiel.org</translation>
    </message>
    <message>
        <source>Sites patrons return to after signing in</source>
        <translation>Sites, zu denen Leser nach der Anmeldung zurückkehren</translation>
    </message>
    <message>
        <source>After signing in, patrons are sent back only to these sites (and to pages of this server). Separate them with commas.</source>
        <translation>Nach der Anmeldung werden Leser nur zu diesen Sites (und zu Seiten dieses Servers) zurückgeleitet. Mit Kommas trennen.</translation>
    </message>
    <message>
        <source>Sign-in cookies only over HTTPS (behind a TLS proxy)</source>
        <translation>Anmelde-Cookies nur über HTTPS (hinter einem TLS-Proxy)</translation>
    </message>
    <message>
        <source>Si&amp;gn-in returns to:</source>
        <translation>&amp;Anmeldung führt zurück zu:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Library name printed on passes</source>
        <translation>Name der Bibliothek auf den Ausweisen</translation>
    </message>
    <message>
        <source>Library &amp;name on passes:</source>
        <translation>&amp;Name der Bibliothek auf Ausweisen:</translation>
    </message>
    <message>
        <source>Warn before tokens expire, in days</source>
        <translation>Vor dem Ablauf von Tokens warnen, in Tagen</translation>
    </message>
    <message>
        <source>Staff tokens and tokens marked &quot;Warn before expiry&quot; that expire this soon are announced and listed under Token › Expiring Soon.</source>
        <translation>Personal-Tokens und mit „Vor Ablauf warnen“ markierte Tokens, die so bald ablaufen, werden gemeldet und unter Token › Läuft bald ab aufgelistet.</translation>
    </message>
    <message>
        <source>&amp;Warn before tokens expire:</source>
        <translation>Vor To&amp;kenablauf warnen:</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RenewDialog</name>
    <message>
        <source>Renew Token</source>
        <translation>Token verlängern</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Expires now:</source>
        <translation>Läuft derzeit ab:</translation>
    </message>
    <message>
        <source>Creation TTL (%1)</source>
        <translation>TTL bei Erstellung (%1)</translation>
    </message>
    <message>
        <source>Increment</source>
        <translation>Verlängerung</translation>
    </message>
    <message>
        <source>&amp;Increment:</source>
        <translation>&amp;Verlängerung um:</translation>
    </message>
    <message>
        <source>&amp;Renew</source>
        <translation>Ve&amp;rlängern</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>After renewal it expires %1.</source>
        <translation>Nach der Verlängerung läuft es %1 ab.</translation>
    </message>
    <message>
        <source>The token was not renewed: %1</source>
        <translation>Das Token wurde nicht verlängert: %1</translation>
    </message>
    <message>
        <source>Renewed. It now expires %1.</source>
        <translation>Verlängert. Es läuft jetzt %1 ab.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ReportDialog</name>
    <message>
        <source>Export Audit Report</source>
        <translation>Audit-Bericht exportieren</translation>
    </message>
    <message>
        <source>PDF: summary, charts and every record</source>
        <translation>PDF: Übersicht, Diagramme und alle Einträge</translation>
    </message>
    <message>
        <source>CSV for spreadsheets</source>
        <translation>CSV für Tabellenkalkulationen</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>All operations</source>
        <translation>Alle Vorgänge</translation>
    </message>
    <message>
        <source>Only the s&amp;ubtree of</source>
        <translation>Nur den &amp;Teilbaum von</translation>
    </message>
    <message>
        <source>Subtree token accessor</source>
        <translation>Accessor des Teilbaum-Tokens</translation>
    </message>
    <message>
        <source>the accessor of a token</source>
        <translation>der Accessor eines Tokens</translation>
    </message>
    <message>
        <source>key=value, e.g. card=4000123 (empty: any token)</source>
        <translation>Schlüssel=Wert, z. B. card=4000123 (leer: alle Token)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation>&amp;Vorgang:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>&amp;Metadaten:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>Speichern &amp;unter:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON-Lines-Dateien (*.jsonl)</translation>
    </message>
    <message>
        <source>Save Audit Report</source>
        <translation>Audit-Bericht speichern</translation>
    </message>
    <message>
        <source>Write the metadata filter as key=value, for example card=4000123.</source>
        <translation>Geben Sie den Metadatenfilter als Schlüssel=Wert an, zum Beispiel card=4000123.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>A PDF report covers at most %1 days; export a longer period as CSV or JSON Lines.</source>
        <translation>Ein PDF-Bericht umfasst höchstens %1 Tage; exportieren Sie einen längeren Zeitraum als CSV oder JSON Lines.</translation>
    </message>
    <message>
        <source>“%1” is not an operation name such as token.create or token.*.</source>
        <translation>„%1“ ist kein Vorgangsname wie token.create oder token.*.</translation>
    </message>
    <message>
        <source>Enter the accessor of the token whose subtree the report covers.</source>
        <translation>Geben Sie den Accessor des Tokens ein, dessen Teilbaum der Bericht umfasst.</translation>
    </message>
    <message>
        <source>“%1” is not a token accessor.</source>
        <translation>„%1“ ist kein Token-Accessor.</translation>
    </message>
    <message>
        <source>Choose the file to save the report to.</source>
        <translation>Wählen Sie die Datei, in der der Bericht gespeichert wird.</translation>
    </message>
    <message>
        <source>%1 is a folder: name a file in it.</source>
        <translation>%1 ist ein Ordner: Geben Sie eine Datei darin an.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Writing the audit report…</source>
        <translation>Audit-Bericht wird geschrieben…</translation>
    </message>
    <message>
        <source>Cancelled: no report was written.</source>
        <translation>Abgebrochen: Es wurde kein Bericht geschrieben.</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>Der Bericht konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Wrote the report to %1 (pages: %2, records: %3).</source>
        <translation>Bericht nach %1 geschrieben (Seiten: %2, Einträge: %3).</translation>
    </message>
    <message>
        <source>Exported the report to %1 (records: %2).</source>
        <translation>Bericht nach %1 exportiert (Einträge: %2).</translation>
    </message>
    <message>
        <source>The audit chain is NOT intact: %1</source>
        <translation>Die Audit-Kette ist NICHT intakt: %1</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Whole days in UTC; the first and the last day are included.</source>
        <translation>Ganze Tage in UTC; der erste und der letzte Tag sind eingeschlossen.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RevokeDialog</name>
    <message>
        <source>Revoke Tokens</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Revoke, Keep Children</source>
        <translation>Widerrufen, untergeordnete behalten</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… und %Ln weiteres</numerusform>
            <numerusform>… und %Ln weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected tokens inside another selected token&apos;s subtree: %Ln. They are counted once.</source>
        <translation>
            <numerusform>Ausgewählte Token im Teilbaum eines anderen ausgewählten Tokens: %Ln. Es wird nur einmal gezählt.</numerusform>
            <numerusform>Ausgewählte Token im Teilbaum eines anderen ausgewählten Tokens: %Ln. Sie werden nur einmal gezählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applications using these tokens lose access at once. This cannot be undone.</source>
        <translation>Anwendungen, die diese Token verwenden, verlieren sofort den Zugriff. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Their children stay valid and become top-level orphans. This cannot be undone.</source>
        <translation>Ihre untergeordneten Token bleiben gültig und werden zu verwaisten Token der obersten Ebene. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>&amp;Revoke, Keep Children</source>
        <translation>&amp;Widerrufen, untergeordnete behalten</translation>
    </message>
    <message>
        <source>Cannot count the tokens below “%1”: %2</source>
        <translation>Die Token unterhalb von „%1“ können nicht gezählt werden: %2</translation>
    </message>
    <message>
        <source>Revoke “%1” only, and keep its children as orphans?</source>
        <translation>Nur „%1“ widerrufen und die untergeordneten Token als verwaiste Token behalten?</translation>
    </message>
    <message>
        <source>Revoke “%1”? It has no descendant tokens.</source>
        <translation>„%1“ widerrufen? Es hat keine nachgeordneten Token.</translation>
    </message>
    <message>
        <source>Revoke “%1” and its one descendant token?</source>
        <translation>„%1“ und sein nachgeordnetes Token widerrufen?</translation>
    </message>
    <message numerus="yes">
        <source>Revoke “%1” and its %Ln descendant tokens?</source>
        <translation>
            <numerusform>„%1“ und sein %Ln nachgeordnetes Token widerrufen?</numerusform>
            <numerusform>„%1“ und seine %Ln nachgeordneten Token widerrufen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke these %Ln tokens only, and keep their children as orphans?</source>
        <translation>
            <numerusform>Nur dieses %Ln Token widerrufen und die untergeordneten Token als verwaiste Token behalten?</numerusform>
            <numerusform>Nur diese %Ln Token widerrufen und ihre untergeordneten Token als verwaiste Token behalten?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %Ln selected tokens and their descendants, %1 tokens in all?</source>
        <translation>
            <numerusform>%Ln ausgewähltes Token und seine nachgeordneten Token widerrufen, insgesamt %1 Token?</numerusform>
            <numerusform>%Ln ausgewählte Token und ihre nachgeordneten Token widerrufen, insgesamt %1 Token?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::RevokeMatchesDialog</name>
    <message>
        <source>Revoke All Matches</source>
        <translation>Alle Treffer widerrufen</translation>
    </message>
    <message>
        <source>console, cli, api:address or login:user</source>
        <translation>console, cli, api:Adresse oder login:Benutzer</translation>
    </message>
    <message>
        <source>Created &amp;after</source>
        <translation>Erstellt &amp;ab</translation>
    </message>
    <message>
        <source>Created &amp;before</source>
        <translation>Erstellt &amp;vor</translation>
    </message>
    <message>
        <source>Search text:</source>
        <translation>Suchtext:</translation>
    </message>
    <message>
        <source>&amp;Patron ID:</source>
        <translation>&amp;Leser-ID:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Issued by:</source>
        <translation>Ausgestellt &amp;von:</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Accessor</source>
        <translation>Accessor</translation>
    </message>
    <message>
        <source>Below</source>
        <translation>Darunter</translation>
    </message>
    <message>
        <source>&amp;Revoke All Matches</source>
        <translation>Alle Treffer &amp;widerrufen</translation>
    </message>
    <message>
        <source>No token matches.</source>
        <translation>Kein Token passt.</translation>
    </message>
    <message>
        <source>Name at least one condition.</source>
        <translation>Geben Sie mindestens eine Bedingung an.</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… und %Ln weiteres</numerusform>
            <numerusform>… und %Ln weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation>Zum Bestätigen %1 eingeben:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln tokens match; %1 in all with their children.</source>
        <translation>
            <numerusform>%Ln Token passt; %1 insgesamt mit seinen Kindern.</numerusform>
            <numerusform>%Ln Token passen; %1 insgesamt mit ihren Kindern.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln descendant tokens</source>
        <translation>
            <numerusform>%Ln untergeordnetes Token</numerusform>
            <numerusform>%Ln untergeordnete Token</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::RoleEditor</name>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>&amp;Roles:</source>
        <translation>&amp;Rollen:</translation>
    </message>
    <message>
        <source>e.g. visitor-day-pass</source>
        <translation>z. B. visitor-day-pass</translation>
    </message>
    <message>
        <source>Issue &amp;orphan tokens</source>
        <translation>&amp;Verwaiste Token ausstellen</translation>
    </message>
    <message>
        <source>Tokens are rene&amp;wable</source>
        <translation>Token sind verlänger&amp;bar</translation>
    </message>
    <message>
        <source>optional, e.g. desk-3</source>
        <translation>optional, z. B. desk-3</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Path s&amp;uffix:</source>
        <translation>Pfad-&amp;Suffix:</translation>
    </message>
    <message>
        <source>Allowed policies</source>
        <translation>Erlaubte Richtlinien</translation>
    </message>
    <message>
        <source>Disallowed policies</source>
        <translation>Nicht erlaubte Richtlinien</translation>
    </message>
    <message>
        <source>&amp;Allowed policies (none: the parent&apos;s):</source>
        <translation>&amp;Erlaubte Richtlinien (keine: die des übergeordneten Tokens):</translation>
    </message>
    <message>
        <source>&amp;Disallowed policies:</source>
        <translation>Nicht erl&amp;aubte Richtlinien:</translation>
    </message>
    <message>
        <source>Give the role a name.</source>
        <translation>Geben Sie der Rolle einen Namen.</translation>
    </message>
    <message>
        <source>“%1” is both allowed and disallowed.</source>
        <translation>„%1“ ist sowohl erlaubt als auch nicht erlaubt.</translation>
    </message>
    <message>
        <source>a role named “%1” exists already</source>
        <translation>eine Rolle namens „%1“ ist bereits vorhanden</translation>
    </message>
    <message>
        <source>Only for a sign-in with a &amp;second factor</source>
        <translation>Nur für eine Anmeldung mit &amp;zweitem Faktor</translation>
    </message>
    <message>
        <source>Tokens of this role are issued only to a patron who signed in with a password and a phone code or security key (and to the desk).</source>
        <translation>Tokens dieser Rolle erhält nur, wer sich mit Passwort und einem Code vom Telefon oder einem Sicherheitsschlüssel angemeldet hat (und die Theke).</translation>
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
    <name>tessera::ui::SecondFactorDialog</name>
    <message>
        <source>Second Factor: %1</source>
        <translation>Zweiter Faktor: %1</translation>
    </message>
    <message>
        <source>What signing in as &lt;b&gt;%1&lt;/b&gt; asks for after the password.</source>
        <translation>Was die Anmeldung als &lt;b&gt;%1&lt;/b&gt; nach dem Passwort verlangt.</translation>
    </message>
    <message>
        <source>Authenticator app (TOTP)</source>
        <translation>Authenticator-App (TOTP)</translation>
    </message>
    <message>
        <source>QR code of the key</source>
        <translation>QR-Code des Schlüssels</translation>
    </message>
    <message>
        <source>Scan this QR code with the authenticator app on the phone (FreeOTP, Aegis, Google Authenticator…), or add the key by hand as a time-based account:</source>
        <translation>Scannen Sie diesen QR-Code mit der Authenticator-App auf dem Telefon (FreeOTP, Aegis, Google Authenticator…) oder fügen Sie den Schlüssel von Hand als zeitbasiertes Konto hinzu:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>The key is shown only now. Then type the code the app shows.</source>
        <translation>Der Schlüssel wird nur jetzt angezeigt. Geben Sie dann den Code ein, den die App anzeigt.</translation>
    </message>
    <message>
        <source>Code from the app</source>
        <translation>Code aus der App</translation>
    </message>
    <message>
        <source>&amp;Code from the app:</source>
        <translation>&amp;Code aus der App:</translation>
    </message>
    <message>
        <source>Turn &amp;On</source>
        <translation>&amp;Einschalten</translation>
    </message>
    <message>
        <source>Turn O&amp;ff…</source>
        <translation>&amp;Ausschalten…</translation>
    </message>
    <message>
        <source>Cannot read the second factors: %1</source>
        <translation>Die zweiten Faktoren können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Off.&lt;/b&gt; The password alone signs in.</source>
        <translation>&lt;b&gt;Aus.&lt;/b&gt; Das Passwort allein genügt zur Anmeldung.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waiting for the first code.&lt;/b&gt; Sign-in does not ask for a code until one from the app turns it on.</source>
        <translation>&lt;b&gt;Wartet auf den ersten Code.&lt;/b&gt; Die Anmeldung fragt erst nach einem Code, wenn ein Code aus der App die Einrichtung abschließt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waiting for the first code.&lt;/b&gt; Sign-in does not ask for a code yet. If the app has the key already, type the code it shows; if not, set it up again.</source>
        <translation>&lt;b&gt;Wartet auf den ersten Code.&lt;/b&gt; Die Anmeldung fragt noch nicht nach einem Code. Hat die App den Schlüssel schon, geben Sie den Code ein, den sie anzeigt; sonst richten Sie sie neu ein.</translation>
    </message>
    <message>
        <source>&lt;b&gt;On.&lt;/b&gt; Signing in asks for a code from the authenticator app after the password.</source>
        <translation>&lt;b&gt;Ein.&lt;/b&gt; Die Anmeldung verlangt nach dem Passwort einen Code aus der Authenticator-App.</translation>
    </message>
    <message>
        <source>Set Up &amp;Again</source>
        <translation>&amp;Neu einrichten</translation>
    </message>
    <message>
        <source>&amp;Set Up an Authenticator App</source>
        <translation>Authenticator-App ein&amp;richten</translation>
    </message>
    <message>
        <source>Not set up: %1</source>
        <translation>Nicht eingerichtet: %1</translation>
    </message>
    <message>
        <source>The QR code could not be made; add the key by hand.</source>
        <translation>Der QR-Code konnte nicht erzeugt werden; fügen Sie den Schlüssel von Hand hinzu.</translation>
    </message>
    <message>
        <source>Not turned on: %1</source>
        <translation>Nicht eingeschaltet: %1</translation>
    </message>
    <message>
        <source>Turned on: from the next sign-in, %1 needs a code from the app.</source>
        <translation>Eingeschaltet: ab der nächsten Anmeldung braucht %1 einen Code aus der App.</translation>
    </message>
    <message>
        <source>Turn Off the Authenticator App?</source>
        <translation>Authenticator-App ausschalten?</translation>
    </message>
    <message>
        <source>Turn &amp;Off</source>
        <translation>&amp;Ausschalten</translation>
    </message>
    <message>
        <source>%1 will sign in with the password alone. Using an app again takes a new set-up with a new key.</source>
        <translation>%1 meldet sich dann nur mit dem Passwort an. Um wieder eine App zu verwenden, muss sie mit einem neuen Schlüssel neu eingerichtet werden.</translation>
    </message>
    <message>
        <source>The key waiting for its first code is removed; an app that has it will show codes that no longer work.</source>
        <translation>Der Schlüssel, der auf seinen ersten Code wartet, wird entfernt; eine App, die ihn hat, zeigt dann Codes, die nicht mehr gelten.</translation>
    </message>
    <message>
        <source>Not turned off: %1</source>
        <translation>Nicht ausgeschaltet: %1</translation>
    </message>
    <message>
        <source>Turned off: %1 signs in with the password alone.</source>
        <translation>Ausgeschaltet: %1 meldet sich nur mit dem Passwort an.</translation>
    </message>
    <message>
        <source>Security keys (WebAuthn)</source>
        <translation>Sicherheitsschlüssel (WebAuthn)</translation>
    </message>
    <message>
        <source>Security keys</source>
        <translation>Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>Keys are added by their owner in a browser: after signing in on the gate, the page &lt;b&gt;/gate/keys&lt;/b&gt; adds one (the server needs &lt;tt&gt;serve --gate-origin&lt;/tt&gt;). Each key has the name its owner gave it.</source>
        <translation>Schlüssel fügt ihr Besitzer im Browser hinzu: nach der Anmeldung am Gate über die Seite &lt;b&gt;/gate/keys&lt;/b&gt; (der Server braucht &lt;tt&gt;serve --gate-origin&lt;/tt&gt;). Jeder Schlüssel trägt den Namen, den sein Besitzer ihm gab.</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>The account&apos;s settings require: %1.</source>
        <translation>Die Einstellungen des Kontos verlangen: %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Off.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aus.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;On&lt;/b&gt;, but not asked for: the account&apos;s settings require a security key.</source>
        <translation>&lt;b&gt;Ein&lt;/b&gt;, aber nicht abgefragt: Die Einstellungen des Kontos verlangen einen Sicherheitsschlüssel.</translation>
    </message>
    <message>
        <source>&lt;b&gt;None.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Keine.&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n key(s).&lt;/b&gt; Signing in accepts any one of them after the password.</source>
        <translation>
            <numerusform>&lt;b&gt;%n Schlüssel.&lt;/b&gt; Die Anmeldung nimmt ihn nach dem Passwort an.</numerusform>
            <numerusform>&lt;b&gt;%n Schlüssel.&lt;/b&gt; Die Anmeldung nimmt nach dem Passwort jeden davon an.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n key(s)&lt;/b&gt;, not asked for: the account&apos;s settings require a code from the authenticator app.</source>
        <translation>
            <numerusform>&lt;b&gt;%n Schlüssel&lt;/b&gt;, nicht abgefragt: Die Einstellungen des Kontos verlangen einen Code aus der Authenticator-App.</numerusform>
            <numerusform>&lt;b&gt;%n Schlüssel&lt;/b&gt;, nicht abgefragt: Die Einstellungen des Kontos verlangen einen Code aus der Authenticator-App.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the Security Key?</source>
        <translation>Sicherheitsschlüssel entfernen?</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>“%1” will no longer sign in as %2. Using it again takes adding it again on the gate.</source>
        <translation>„%1“ meldet nicht mehr als %2 an. Um ihn wieder zu verwenden, muss er am Gate erneut hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Nicht entfernt: %1</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>„%1“ entfernt.</translation>
    </message>
    <message>
        <source>Then %1 cannot sign in at all: the account&apos;s settings require what this removes.</source>
        <translation>Dann kann sich %1 gar nicht mehr anmelden: Die Einstellungen des Kontos verlangen, was hier entfernt wird.</translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>Authenticator-App</translation>
    </message>
    <message>
        <source>Security key</source>
        <translation>Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>Either</source>
        <translation>Eines von beiden</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>With this requirement %1 cannot sign in: no authenticator app is turned on yet. Turn one on first (Second Factor…).</source>
        <translation>Mit dieser Vorgabe kann sich %1 nicht anmelden: Noch ist keine Authenticator-App eingeschaltet. Schalten Sie zuerst eine ein (Zweiter Faktor…).</translation>
    </message>
    <message>
        <source>With this requirement %1 cannot sign in, not even to add a security key: %1 has none yet. Set it after %1 has added one on the gate&apos;s page /gate/keys.</source>
        <translation>Mit dieser Vorgabe kann sich %1 nicht anmelden, nicht einmal, um einen Sicherheitsschlüssel hinzuzufügen: %1 hat noch keinen. Setzen Sie sie, nachdem %1 auf der Gate-Seite /gate/keys einen hinzugefügt hat.</translation>
    </message>
    <message>
        <source>With this requirement %1 cannot sign in: %1 has neither an authenticator app nor a security key yet. Set it after one of them is set up.</source>
        <translation>Mit dieser Vorgabe kann sich %1 nicht anmelden: %1 hat noch weder eine Authenticator-App noch einen Sicherheitsschlüssel. Setzen Sie sie, nachdem eines davon eingerichtet ist.</translation>
    </message>
    <message>
        <source>%1 will no longer be asked for a code. Using an app again takes a new set-up with a new key.</source>
        <translation>%1 wird nicht mehr nach einem Code gefragt. Um wieder eine App zu verwenden, muss sie mit einem neuen Schlüssel neu eingerichtet werden.</translation>
    </message>
    <message>
        <source>Turned off: %1 is no longer asked for a code.</source>
        <translation>Ausgeschaltet: %1 wird nicht mehr nach einem Code gefragt.</translation>
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
    <message>
        <source>Accessor: %1</source>
        <translation>Accessor: %1</translation>
    </message>
    <message>
        <source>First use:</source>
        <translation>Erste Nutzung:</translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation>Zuletzt genutzt:</translation>
    </message>
    <message>
        <source>not yet used: its TTL starts at its first use, which must come by %1</source>
        <translation>noch nicht genutzt: seine TTL beginnt mit der ersten Nutzung, die bis %1 erfolgen muss</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 durch %2</translation>
    </message>
    <message>
        <source>not yet used</source>
        <translation>noch nicht genutzt</translation>
    </message>
    <message>
        <source>Warn before expiry:</source>
        <translation>Vor Ablauf warnen:</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TokenSettingsEditor</name>
    <message>
        <source>Service, unless the request asks for batch</source>
        <translation>Service, sofern die Anfrage nicht Batch verlangt</translation>
    </message>
    <message>
        <source>Batch, unless the request asks for service</source>
        <translation>Batch, sofern die Anfrage nicht Service verlangt</translation>
    </message>
    <message>
        <source>Always service</source>
        <translation>Immer Service</translation>
    </message>
    <message>
        <source>Always batch</source>
        <translation>Immer Batch</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Token t&amp;ype:</source>
        <translation>Token-T&amp;yp:</translation>
    </message>
    <message>
        <source>&amp;TTL:</source>
        <translation>T&amp;TL:</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>&amp;Max TTL:</source>
        <translation>&amp;Max. TTL:</translation>
    </message>
    <message>
        <source>Max TTL</source>
        <translation>Max. TTL</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>E&amp;xplicit max TTL:</source>
        <translation>E&amp;xplizite max. TTL:</translation>
    </message>
    <message>
        <source>Explicit max TTL</source>
        <translation>Explizite max. TTL</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>Peri&amp;ode:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Not periodic</source>
        <translation>Nicht periodisch</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Use l&amp;imit:</source>
        <translation>Nutzungs&amp;limit:</translation>
    </message>
    <message>
        <source>Wit&amp;hout the “default” policy</source>
        <translation>Ohne die Richtlinie „&amp;default“</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Po&amp;licies of its tokens:</source>
        <translation>R&amp;ichtlinien der Token:</translation>
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
<context>
    <name>tessera::ui::UserEditor</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;Users:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>z. B. alice</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Login state:</source>
        <translation>Anmeldestatus:</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>leave empty to keep the current one</source>
        <translation>leer lassen, um das aktuelle beizubehalten</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <source>&lt;b&gt;Locked&lt;/b&gt; until %1 (failed logins: %2). Setting a new password unlocks the account.</source>
        <translation>&lt;b&gt;Gesperrt&lt;/b&gt; bis %1 (fehlgeschlagene Anmeldungen: %2). Durch Setzen eines neuen Passworts wird das Konto entsperrt.</translation>
    </message>
    <message>
        <source>Can log in (failed logins since the last success: %1)</source>
        <translation>Anmeldung möglich (fehlgeschlagene Anmeldungen seit der letzten erfolgreichen: %1)</translation>
    </message>
    <message>
        <source>Can log in</source>
        <translation>Anmeldung möglich</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Geben Sie dem Konto einen Namen.</translation>
    </message>
    <message>
        <source>Set a password for the new account.</source>
        <translation>Legen Sie ein Passwort für das neue Konto fest.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>an account named “%1” exists already</source>
        <translation>ein Konto namens „%1“ ist bereits vorhanden</translation>
    </message>
    <message>
        <source>Second &amp;Factor…</source>
        <translation>Zweiter &amp;Faktor…</translation>
    </message>
    <message>
        <source>Second factor:</source>
        <translation>Zweiter Faktor:</translation>
    </message>
    <message>
        <source>Can be set up once the account is saved</source>
        <translation>Einrichtbar, sobald das Konto gespeichert ist</translation>
    </message>
    <message>
        <source>Authenticator app set up, waiting for its first code</source>
        <translation>Authenticator-App eingerichtet, wartet auf ihren ersten Code</translation>
    </message>
    <message>
        <source>A code from an authenticator app or a security key after the password</source>
        <translation>Ein Code aus einer Authenticator-App oder ein Sicherheitsschlüssel nach dem Passwort</translation>
    </message>
    <message>
        <source>Which second factor signing in must pass after the password. None: whatever the account has set up, if anything.</source>
        <translation>Welchen zweiten Faktor die Anmeldung nach dem Passwort bestehen muss. Keiner: was das Konto eingerichtet hat, falls überhaupt etwas.</translation>
    </message>
    <message>
        <source>Second factor re&amp;quired:</source>
        <translation>Zweiter Faktor erfor&amp;derlich:</translation>
    </message>
    <message>
        <source>None set up</source>
        <translation>Keiner eingerichtet</translation>
    </message>
    <message numerus="yes">
        <source>%n security key(s)</source>
        <translation>
            <numerusform>%n Sicherheitsschlüssel</numerusform>
            <numerusform>%n Sicherheitsschlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n security key(s); an authenticator app waits for its first code</source>
        <translation>
            <numerusform>%n Sicherheitsschlüssel; eine Authenticator-App wartet auf ihren ersten Code</numerusform>
            <numerusform>%n Sicherheitsschlüssel; eine Authenticator-App wartet auf ihren ersten Code</numerusform>
        </translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>Authenticator-App</translation>
    </message>
    <message numerus="yes">
        <source>Authenticator app and %n security key(s)</source>
        <translation>
            <numerusform>Authenticator-App und %n Sicherheitsschlüssel</numerusform>
            <numerusform>Authenticator-App und %n Sicherheitsschlüssel</numerusform>
        </translation>
    </message>
    <message>
        <source>the new account</source>
        <translation>das neue Konto</translation>
    </message>
    <message>
        <source>Security &amp;keys must check a PIN or fingerprint</source>
        <translation>Sicherheits&amp;schlüssel müssen PIN oder Fingerabdruck prüfen</translation>
    </message>
    <message>
        <source>Refuse a security key that only sees a touch, when adding one and at every sign-in. Turn on only when the account&apos;s keys can check a PIN or fingerprint.</source>
        <translation>Einen Sicherheitsschlüssel ablehnen, der nur eine Berührung erkennt – beim Hinzufügen und bei jeder Anmeldung. Nur einschalten, wenn die Schlüssel des Kontos PIN oder Fingerabdruck prüfen können.</translation>
    </message>
</context>
</TS>
