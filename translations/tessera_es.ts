<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AccessPass</name>
    <message>
        <source>Does not expire</source>
        <translation>No caduca</translation>
    </message>
    <message>
        <source>Valid until %1, %2</source>
        <translation>Válido hasta el %1, %2</translation>
    </message>
    <message>
        <source>Unlimited uses</source>
        <translation>Usos ilimitados</translation>
    </message>
    <message>
        <source>One use only</source>
        <translation>Un solo uso</translation>
    </message>
    <message>
        <source>%1 uses</source>
        <translation>%1 usos</translation>
    </message>
    <message>
        <source>Keep this pass private: whoever holds it has its access.</source>
        <translation>Mantenga este pase en privado: quien lo tenga dispone de su acceso.</translation>
    </message>
    <message>
        <source>Typeable code:</source>
        <translation>Código para teclear:</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid for %1 from its first use; first use by %2, %3</source>
        <translation>Válido durante %1 desde su primer uso; primer uso antes del %2, %3</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Tessera: issue, browse and revoke access tokens.</source>
        <translation>Tessera: emita, explore y revoque tokens de acceso.</translation>
    </message>
    <message>
        <source>Open the store FILE (default: %1).</source>
        <translation>Abrir el almacén FILE (predeterminado: %1).</translation>
    </message>
    <message>
        <source>Use the language xx (en, es, de) instead of the preference.</source>
        <translation>Usar el idioma xx (en, es, de) en lugar de la preferencia.</translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message>
        <source>num_uses must not be negative</source>
        <translation>el número de usos no puede ser negativo</translation>
    </message>
    <message>
        <source>durations must not be negative</source>
        <translation>las duraciones no pueden ser negativas</translation>
    </message>
    <message>
        <source>display_name is longer than %1 characters</source>
        <translation>el nombre visible tiene más de %1 caracteres</translation>
    </message>
    <message>
        <source>meta has more than %1 entries</source>
        <translation>los metadatos tienen más de %1 entradas</translation>
    </message>
    <message>
        <source>meta keys must be 1 to %1 characters and values at most %1</source>
        <translation>las claves de metadatos deben tener de 1 a %1 caracteres y los valores como mucho %1</translation>
    </message>
    <message>
        <source>invalid policy name &quot;%1&quot;: %2</source>
        <translation>nombre de política no válido «%1»: %2</translation>
    </message>
    <message>
        <source>batch tokens cannot have a use limit</source>
        <translation>los tokens de lote no pueden tener un límite de usos</translation>
    </message>
    <message>
        <source>batch tokens cannot be periodic</source>
        <translation>los tokens de lote no pueden ser periódicos</translation>
    </message>
    <message>
        <source>batch tokens cannot carry the root policy</source>
        <translation>los tokens de lote no pueden llevar la política root</translation>
    </message>
    <message>
        <source>child policies must be subset of parent</source>
        <translation>las políticas del hijo deben estar entre las del padre</translation>
    </message>
    <message>
        <source>root tokens may not be created without parent token being root</source>
        <translation>solo un token padre con la política root puede crear tokens root</translation>
    </message>
    <message>
        <source>token policies (%1) must be subset of the role&apos;s allowed policies (%2)</source>
        <translation>las políticas del token (%1) deben estar entre las permitidas por el rol (%2)</translation>
    </message>
    <message>
        <source>child policies must be subset of parent when role contains no allowed_policies</source>
        <translation>si el rol no tiene políticas permitidas, las del hijo deben estar entre las del padre</translation>
    </message>
    <message>
        <source>token policy &quot;%1&quot; is disallowed by this role</source>
        <translation>este rol no permite la política «%1»</translation>
    </message>
    <message>
        <source>The system default and max TTL must be positive.</source>
        <translation>El TTL predeterminado y el máximo del sistema deben ser positivos.</translation>
    </message>
    <message>
        <source>TTL of %1 exceeded the effective max_ttl of %2; TTL value is capped accordingly</source>
        <translation>el TTL de %1 supera el TTL máximo efectivo de %2; el token recibe %2</translation>
    </message>
    <message>
        <source>period of %1 exceeded the effective max_ttl of %2; period value is capped accordingly</source>
        <translation>el periodo de %1 supera el TTL máximo efectivo de %2; el token recibe %2</translation>
    </message>
    <message>
        <source>The ttl must be between 0 and %1 seconds.</source>
        <translation>El TTL debe estar entre 0 y %1 segundos.</translation>
    </message>
    <message>
        <source>The explicit max TTL must be between 0 and %1 seconds.</source>
        <translation>El TTL máximo explícito debe estar entre 0 y %1 segundos.</translation>
    </message>
    <message>
        <source>The period must be between 0 and %1 seconds.</source>
        <translation>El periodo debe estar entre 0 y %1 segundos.</translation>
    </message>
    <message>
        <source>The role&apos;s TTL must be between 0 and %1 seconds.</source>
        <translation>El TTL del rol debe estar entre 0 y %1 segundos.</translation>
    </message>
    <message>
        <source>The role&apos;s explicit max TTL must be between 0 and %1 seconds.</source>
        <translation>El TTL máximo explícito del rol debe estar entre 0 y %1 segundos.</translation>
    </message>
    <message>
        <source>The role&apos;s period must be between 0 and %1 seconds.</source>
        <translation>El periodo del rol debe estar entre 0 y %1 segundos.</translation>
    </message>
    <message>
        <source>Explicit max TTL specified both during creation call and in role; using the lesser value of %1 seconds</source>
        <translation>TTL máximo explícito indicado en la solicitud y en el rol; se usa el menor, %1 segundos</translation>
    </message>
    <message>
        <source>Period specified both during creation call and in role; using the lesser value of %1 seconds</source>
        <translation>periodo indicado en la solicitud y en el rol; se usa el menor, %1 segundos</translation>
    </message>
    <message>
        <source>The creation TTL must be between 0 and %1 seconds.</source>
        <translation>El TTL de creación debe estar entre 0 y %1 segundos.</translation>
    </message>
    <message>
        <source>The increment must be between 0 and %1 seconds.</source>
        <translation>El incremento debe estar entre 0 y %1 segundos.</translation>
    </message>
    <message>
        <source>token is not renewable</source>
        <translation>el token no es renovable</translation>
    </message>
    <message>
        <source>past the max TTL, cannot renew</source>
        <translation>se ha alcanzado el TTL máximo; no se puede renovar</translation>
    </message>
    <message>
        <source>the code does not match: check the phone&apos;s clock and type the code it shows now</source>
        <translation>el código no coincide: compruebe el reloj del teléfono y escriba el código que muestra ahora</translation>
    </message>
    <message>
        <source>activate_within must be 1 second to %1 days</source>
        <translation>activate_within debe ser de 1 segundo a %1 días</translation>
    </message>
    <message>
        <source>only service tokens can be valid from their first use</source>
        <translation>solo los tokens de servicio pueden valer desde su primer uso</translation>
    </message>
    <message>
        <source>a token without a TTL cannot be valid from its first use</source>
        <translation>un token sin TTL no puede valer desde su primer uso</translation>
    </message>
    <message>
        <source>this pass is not used yet: its TTL starts at its first use</source>
        <translation>este pase aún no se ha usado: su TTL empieza con su primer uso</translation>
    </message>
    <message>
        <source>batch tokens cannot be marked to warn before expiry</source>
        <translation>los tokens batch no se pueden marcar para avisar antes de que caduquen</translation>
    </message>
    <message>
        <source>the warning window must be between 1 second and %1 days</source>
        <translation>el plazo de aviso debe estar entre 1 segundo y %1 días</translation>
    </message>
    <message>
        <source>a token first used at the end of its wait for the first use (%1) would outlive its parent, which expires in %2: shorten the wait or the TTL</source>
        <translation>un token usado por primera vez al final de su espera al primer uso (%1) sobreviviría a su padre, que caduca en %2: acorte la espera o el TTL</translation>
    </message>
</context>
<context>
    <name>LongTask</name>
    <message>
        <source>Please wait</source>
        <translation>Espere, por favor</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>PassSheet</name>
    <message>
        <source>Pass %1 of %2</source>
        <translation>Pase %1 de %2</translation>
    </message>
    <message>
        <source>Scan the code or type it where you sign in. Keep this pass to yourself: whoever holds it has its access.</source>
        <translation>Escanee el código o escríbalo donde inicia sesión. Guarde este pase para usted: quien lo tenga tiene su acceso.</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>Demasiado corta: use al menos %n carácter.</numerusform>
            <numerusform>Demasiado corta: use al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: easy to guess. Add words, digits or symbols.</source>
        <translation>Débil: fácil de adivinar. Añada palabras, cifras o símbolos.</translation>
    </message>
    <message>
        <source>Fair: a few more words would help.</source>
        <translation>Aceptable: unas cuantas palabras más ayudarían.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Buena.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
</context>
<context>
    <name>TokenText</name>
    <message>
        <source>expired</source>
        <translation>caducado</translation>
    </message>
    <message>
        <source>%1d %2</source>
        <translation>%1 d %2</translation>
    </message>
</context>
<context>
    <name>tessera::items::AuditModel</name>
    <message>
        <source>store owner</source>
        <translation>propietario del almacén</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>[personal details removed]</source>
        <translation>[datos personales eliminados]</translation>
    </message>
    <message>
        <source>[personal details removed] %1</source>
        <translation>[datos personales eliminados] %1</translation>
    </message>
    <message>
        <source>Personal details removed on %1 (UTC); the audit chain still proves the record.</source>
        <translation>Datos personales eliminados el %1 (UTC); la cadena de auditoría sigue probando el registro.</translation>
    </message>
    <message>
        <source>store owner (%1)</source>
        <translation>propietario del almacén (%1)</translation>
    </message>
</context>
<context>
    <name>tessera::items::ExpiringTokenModel</name>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Accessor</source>
        <translation>Accessor</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Why listed</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Padre</translation>
    </message>
    <message>
        <source>marked, staff</source>
        <translation>marcado, personal</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>marked</source>
        <translation>marcado</translation>
    </message>
</context>
<context>
    <name>tessera::items::PatronImportModel</name>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>New patron</source>
        <translation>Lector nuevo</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Línea %1: %2</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Número de carné</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>tessera::items::SecurityKeyModel</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadida</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algoritmo</translation>
    </message>
</context>
<context>
    <name>tessera::items::TokenTreeModel</name>
    <message>
        <source>root</source>
        <translation>raíz</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lote</translation>
    </message>
    <message>
        <source>service</source>
        <translation>servicio</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Políticas</translation>
    </message>
    <message>
        <source>TTL left</source>
        <translation>TTL restante</translation>
    </message>
    <message>
        <source>Uses left</source>
        <translation>Usos restantes</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Emitido por</translation>
    </message>
    <message>
        <source>%1
Accessor: %2</source>
        <translation>%1
Accesor: %2</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadatos</translation>
    </message>
    <message>
        <source>not yet used</source>
        <translation>aún sin usar</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
</context>
<context>
    <name>tessera::reports::PdfReport</name>
    <message>
        <source>%1 to %2 (UTC)</source>
        <translation>Del %1 al %2 (UTC)</translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation>Operación: %1</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todas</translation>
    </message>
    <message>
        <source>Subtree: %1</source>
        <translation>Subárbol: %1</translation>
    </message>
    <message>
        <source>all tokens</source>
        <translation>todos los tokens</translation>
    </message>
    <message>
        <source>Metadata: %1</source>
        <translation>Metadatos: %1</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Audit chain verified intact: records 1 to %1.</source>
        <translation>Cadena de auditoría verificada e intacta: registros 1 a %1.</translation>
    </message>
    <message>
        <source>AUDIT CHAIN NOT INTACT: %1 (records 1 to %2 verified).</source>
        <translation>CADENA DE AUDITORÍA NO INTACTA: %1 (verificados los registros 1 a %2).</translation>
    </message>
    <message>
        <source>Audit report: %1</source>
        <translation>Informe de auditoría: %1</translation>
    </message>
    <message>
        <source>Cannot start the PDF.</source>
        <translation>No se puede iniciar el PDF.</translation>
    </message>
    <message>
        <source>Tessera audit report — %1</source>
        <translation>Informe de auditoría de Tessera — %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>MAC of record %1 (HMAC-SHA256): </source>
        <translation>MAC del registro %1 (HMAC-SHA256): </translation>
    </message>
    <message>
        <source>TESSERA</source>
        <translation>TESSERA</translation>
    </message>
    <message>
        <source>Audit report</source>
        <translation>Informe de auditoría</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Almacén</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generado</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitidos</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>Renovados</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocados</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducados</translation>
    </message>
    <message>
        <source>Logins</source>
        <translation>Inicios de sesión</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Inicios de sesión fallidos</translation>
    </message>
    <message>
        <source>Active at end</source>
        <translation>Activos al final</translation>
    </message>
    <message>
        <source>Audit chain verified: intact</source>
        <translation>Cadena de auditoría verificada: intacta</translation>
    </message>
    <message>
        <source>Audit chain verification FAILED</source>
        <translation>La verificación de la cadena de auditoría FALLÓ</translation>
    </message>
    <message>
        <source>Last record %1, MAC %2</source>
        <translation>Último registro %1, MAC %2</translation>
    </message>
    <message>
        <source>Every audit record carries the HMAC of the record before it, so a changed, deleted or reordered record breaks the chain. Each page of this report shows the verification result and the MAC of the last verified record: run &quot;tessera-cli audit verify&quot; and &quot;tessera-cli audit export&quot; on the store to match a printed copy to it. Tokens appear by accessor only; secrets appear only as HMAC tags.</source>
        <translation>Cada registro de auditoría lleva el HMAC del registro anterior, por lo que un registro modificado, eliminado o reordenado rompe la cadena. Cada página de este informe muestra el resultado de la verificación y el MAC del último registro verificado: ejecute &quot;tessera-cli audit verify&quot; y &quot;tessera-cli audit export&quot; en el almacén para cotejar con él una copia impresa. Los tokens aparecen solo por su accesor; los secretos aparecen solo como etiquetas HMAC.</translation>
    </message>
    <message>
        <source>Activity per day</source>
        <translation>Actividad por día</translation>
    </message>
    <message>
        <source>Tokens issued, renewed, revoked and expired, logins and failed logins (UTC days).</source>
        <translation>Tokens emitidos, renovados, revocados y caducados, inicios de sesión e inicios de sesión fallidos (días UTC).</translation>
    </message>
    <message>
        <source>Active tokens over time</source>
        <translation>Tokens activos a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Service tokens active at the end of each day (batch tokens are not stored).</source>
        <translation>Tokens de servicio activos al final de cada día (los tokens de lote no se almacenan).</translation>
    </message>
    <message>
        <source>Active service tokens</source>
        <translation>Tokens de servicio activos</translation>
    </message>
    <message>
        <source>Daily figures</source>
        <translation>Cifras diarias</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Día (UTC)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Activity by role</source>
        <translation>Actividad por rol</translation>
    </message>
    <message>
        <source>Tokens by the role they were issued from; &quot;Active at end&quot; at %1 UTC.</source>
        <translation>Tokens según el rol desde el que se emitieron; &quot;Activos al final&quot; a las %1 UTC.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Activity by policy</source>
        <translation>Actividad por política</translation>
    </message>
    <message>
        <source>A token with several policies counts once for each of them.</source>
        <translation>Un token con varias políticas cuenta una vez por cada una de ellas.</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
    <message>
        <source>Top subtrees by activity</source>
        <translation>Subárboles con más actividad</translation>
    </message>
    <message>
        <source>Branches below a root token (desks, services) and top-level tokens, by the records that touch them.</source>
        <translation>Ramas bajo un token raíz (mostradores, servicios) y tokens de nivel superior, según los registros que les afectan.</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Rama</translation>
    </message>
    <message>
        <source>Accessor</source>
        <translation>Accesor</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Records by operation</source>
        <translation>Registros por operación</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denegado</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>Audit records</source>
        <translation>Registros de auditoría</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Destinos</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message numerus="yes">
        <source>%Ln audit record(s) in this report</source>
        <translation>
            <numerusform>%Ln registro de auditoría en este informe</numerusform>
            <numerusform>%Ln registros de auditoría en este informe</numerusform>
        </translation>
    </message>
    <message>
        <source>No activity in this period.</source>
        <translation>Sin actividad en este periodo.</translation>
    </message>
    <message>
        <source>Counts in tokens (a revoked subtree counts each token); &quot;Issued&quot; excludes tokens issued by logins. Days without activity are left out.</source>
        <translation>Recuentos en tokens (un subárbol revocado cuenta cada token); &quot;Emitidos&quot; excluye los tokens emitidos por inicios de sesión. Se omiten los días sin actividad.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s), oldest first. Accessors are shortened; the CSV and JSON Lines exports carry every field in full.</source>
        <translation>
            <numerusform>%Ln registro. Los accesores aparecen abreviados; las exportaciones CSV y JSON Lines contienen todos los campos completos.</numerusform>
            <numerusform>%Ln registros, del más antiguo al más reciente. Los accesores aparecen abreviados; las exportaciones CSV y JSON Lines contienen todos los campos completos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them without personal details (removed after the retention period)</source>
        <translation>
            <numerusform>%Ln de ellos sin datos personales (eliminados tras el periodo de conservación)</numerusform>
            <numerusform>%Ln de ellos sin datos personales (eliminados tras el periodo de conservación)</numerusform>
        </translation>
    </message>
    <message>
        <source>[personal details removed]</source>
        <translation>[datos personales eliminados]</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AuditView</name>
    <message>
        <source>All operations</source>
        <translation>Todas las operaciones</translation>
    </message>
    <message>
        <source>Tokens issued</source>
        <translation>Tokens emitidos</translation>
    </message>
    <message>
        <source>Tokens renewed</source>
        <translation>Tokens renovados</translation>
    </message>
    <message>
        <source>Tokens revoked</source>
        <translation>Tokens revocados</translation>
    </message>
    <message>
        <source>Tokens used</source>
        <translation>Tokens usados</translation>
    </message>
    <message>
        <source>Logins</source>
        <translation>Inicios de sesión</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Inicios de sesión fallidos</translation>
    </message>
    <message>
        <source>Policy changes</source>
        <translation>Cambios de políticas</translation>
    </message>
    <message>
        <source>Role changes</source>
        <translation>Cambios de roles</translation>
    </message>
    <message>
        <source>User changes</source>
        <translation>Cambios de usuarios</translation>
    </message>
    <message>
        <source>Store (unlock, rekey, backup)</source>
        <translation>Almacén (desbloqueo, cambio de clave, copia de seguridad)</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Audit records</source>
        <translation>Registros de auditoría</translation>
    </message>
    <message>
        <source>&amp;Verify Chain</source>
        <translation>&amp;Verificar cadena</translation>
    </message>
    <message>
        <source>Check that no record was changed, removed or reordered</source>
        <translation>Comprobar que ningún registro se ha modificado, eliminado o reordenado</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>No se pudo leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>From time</source>
        <translation>Hora inicial</translation>
    </message>
    <message>
        <source>To time</source>
        <translation>Hora final</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <source>accessor</source>
        <translation>accesor</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>O&amp;peration:</source>
        <translation>O&amp;peración:</translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation>&amp;Actor:</translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation>Verificando la cadena de auditoría…</translation>
    </message>
    <message>
        <source>The audit log could not be verified: %1</source>
        <translation>No se pudo verificar el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Record %1 was changed after it was written.</source>
        <translation>El registro %1 se modificó después de escribirse.</translation>
    </message>
    <message>
        <source>Record %1 is missing: records were deleted from the log.</source>
        <translation>Falta el registro %1: se eliminaron registros del registro de auditoría.</translation>
    </message>
    <message>
        <source>Record %1 is out of place: its content was found at position %2, so records were reordered.</source>
        <translation>El registro %1 está fuera de lugar: su contenido se encontró en la posición %2, por lo que los registros se reordenaron.</translation>
    </message>
    <message>
        <source>The newest records were removed: the log ends before record %1.</source>
        <translation>Se eliminaron los registros más recientes: el registro de auditoría termina antes del registro %1.</translation>
    </message>
    <message>
        <source>The log&apos;s seal (its chain head) is missing, forged or does not match the last record.</source>
        <translation>El sello del registro de auditoría (la cabeza de su cadena) falta, está falsificado o no coincide con el último registro.</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: all %Ln records are in order and unchanged.</source>
        <translation>
            <numerusform>El registro de auditoría está intacto: su único registro está en orden y sin cambios.</numerusform>
            <numerusform>El registro de auditoría está intacto: los %Ln registros están en orden y sin cambios.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit log has been tampered with. %1 The first %Ln records are intact.</source>
        <translation>
            <numerusform>El registro de auditoría ha sido manipulado. %1 El primer registro está intacto.</numerusform>
            <numerusform>El registro de auditoría ha sido manipulado. %1 Los primeros %Ln registros están intactos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::BatchPassDialog</name>
    <message>
        <source>Batch of Passes</source>
        <translation>Lote de pases</translation>
    </message>
    <message>
        <source>1 to %1 passes in one batch</source>
        <translation>De 1 a %1 pases por lote</translation>
    </message>
    <message>
        <source>Passes go under</source>
        <translation>Los pases van bajo</translation>
    </message>
    <message>
        <source>A &amp;new group named:</source>
        <translation>Un &amp;grupo nuevo llamado:</translation>
    </message>
    <message>
        <source>Class visit %1</source>
        <translation>Visita escolar %1</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nombre del grupo</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The &amp;selected token: %1</source>
        <translation>El token &amp;seleccionado: %1</translation>
    </message>
    <message>
        <source>The &amp;selected token (none is selected)</source>
        <translation>El token &amp;seleccionado (no hay ninguno seleccionado)</translation>
    </message>
    <message>
        <source>A4 sheets (cards to cut apart)</source>
        <translation>Hojas A4 (tarjetas para recortar)</translation>
    </message>
    <message>
        <source>Letter sheets (cards to cut apart)</source>
        <translation>Hojas Letter (tarjetas para recortar)</translation>
    </message>
    <message>
        <source>80 mm receipts (one pass each)</source>
        <translation>Tiques de 80 mm (un pase cada uno)</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Archivo PDF</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Archivo CSV</translation>
    </message>
    <message>
        <source>none (optional; the file holds the tokens)</source>
        <translation>ninguno (opcional; el archivo contiene los tokens)</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>Ca&amp;ntidad:</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;PDF file:</source>
        <translation>Archivo &amp;PDF:</translation>
    </message>
    <message>
        <source>CS&amp;V file:</source>
        <translation>Archivo CS&amp;V:</translation>
    </message>
    <message>
        <source>%1 (printed on every pass; see Preferences)</source>
        <translation>%1 (impreso en cada pase; véase Preferencias)</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>Biblioteca:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Crear</translation>
    </message>
    <message>
        <source>Role “%1” makes orphans: the passes have no parent, and each is revoked on its own.</source>
        <translation>El rol «%1» crea huérfanos: los pases no tienen padre y cada uno se revoca por separado.</translation>
    </message>
    <message>
        <source>There is no role to issue passes from: make one in Access › Roles first.</source>
        <translation>No hay ningún rol desde el que emitir pases: cree uno antes en Acceso › Roles.</translation>
    </message>
    <message>
        <source>Choose the role the passes are issued from.</source>
        <translation>Elija el rol desde el que se emiten los pases.</translation>
    </message>
    <message>
        <source>A batch has 1 to %1 passes, not %2.</source>
        <translation>Un lote tiene de 1 a %1 pases, no %2.</translation>
    </message>
    <message>
        <source>Choose the PDF file the passes are printed from.</source>
        <translation>Elija el archivo PDF desde el que se imprimen los pases.</translation>
    </message>
    <message>
        <source>%1 is a folder: name a file in it.</source>
        <translation>%1 es una carpeta: indique un archivo dentro de ella.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
    <message>
        <source>The PDF and the CSV need two different files.</source>
        <translation>El PDF y el CSV necesitan dos archivos distintos.</translation>
    </message>
    <message numerus="yes">
        <source>Sample passes: the first of %n page(s). The real passes are made when you click Create.</source>
        <translation>
            <numerusform>Pases de muestra: la primera de %n página. Los pases reales se crean al pulsar Crear.</numerusform>
            <numerusform>Pases de muestra: la primera de %n páginas. Los pases reales se crean al pulsar Crear.</numerusform>
        </translation>
    </message>
    <message>
        <source>The CSV holds the tokens themselves: keep it as safe as the printed passes.</source>
        <translation>El CSV contiene los propios tokens: guárdelo con el mismo cuidado que los pases impresos.</translation>
    </message>
    <message>
        <source>Save the Passes as PDF</source>
        <translation>Guardar los pases como PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the Passes as CSV</source>
        <translation>Guardar los pases como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Issuing %n pass(es)…</source>
        <translation>
            <numerusform>Emitiendo %n pase…</numerusform>
            <numerusform>Emitiendo %n pases…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be written: %2. No passes were issued.</source>
        <translation>No se puede escribir %1: %2. No se ha emitido ningún pase.</translation>
    </message>
    <message>
        <source>No passes were issued: %1</source>
        <translation>No se ha emitido ningún pase: %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2.</source>
        <translation>No se ha podido escribir %1: %2.</translation>
    </message>
    <message numerus="yes">
        <source>The %n pass(es) issued for it were revoked, so that none that was never printed stays valid. Choose another file and create the batch again.</source>
        <translation>
            <numerusform>El pase emitido para él se ha revocado, para que ningún pase sin imprimir siga siendo válido. Elija otro archivo y vuelva a crear el lote.</numerusform>
            <numerusform>Los %n pases emitidos para él se han revocado, para que ninguno sin imprimir siga siendo válido. Elija otro archivo y vuelva a crear el lote.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoking the %n pass(es) issued for it failed too (%1): revoke “%2” in the tree before anyone finds them.</source>
        <translation>
            <numerusform>También ha fallado revocar el pase emitido para él (%1): revoque «%2» en el árbol antes de que alguien lo encuentre.</numerusform>
            <numerusform>También ha fallado revocar los %n pases emitidos para él (%1): revoque «%2» en el árbol antes de que alguien los encuentre.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n pass(es) under the new group “%1”: revoking the group revokes them all.</source>
        <translation>
            <numerusform>Emitido %n pase bajo el grupo nuevo «%1»: revocar el grupo lo revoca.</numerusform>
            <numerusform>Emitidos %n pases bajo el grupo nuevo «%1»: revocar el grupo los revoca todos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n pass(es) as orphans (“%1”).</source>
        <translation>
            <numerusform>Emitido %n pase como huérfano («%1»).</numerusform>
            <numerusform>Emitidos %n pases como huérfanos («%1»).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n pass(es) under the selected token.</source>
        <translation>
            <numerusform>Emitido %n pase bajo el token seleccionado.</numerusform>
            <numerusform>Emitidos %n pases bajo el token seleccionado.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n page(s) to %1.</source>
        <translation>
            <numerusform>Escrita %n página en %1.</numerusform>
            <numerusform>Escritas %n páginas en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote the CSV to %1; it holds the tokens.</source>
        <translation>CSV escrito en %1; contiene los tokens.</translation>
    </message>
    <message>
        <source>The preview shows sample passes; the real ones are in the PDF.</source>
        <translation>La vista previa enseña pases de muestra; los reales están en el PDF.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ChangePassphraseDialog</name>
    <message>
        <source>Change Passphrase</source>
        <translation>Cambiar frase de contraseña</translation>
    </message>
    <message>
        <source>The store is re-encrypted under the new passphrase. Backups made before keep the old one.</source>
        <translation>El almacén se vuelve a cifrar con la nueva frase de contraseña. Las copias de seguridad anteriores conservan la antigua.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>Frase de contraseña ac&amp;tual:</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Cambiar</translation>
    </message>
    <message>
        <source>Re-encrypting the store…</source>
        <translation>Volviendo a cifrar el almacén…</translation>
    </message>
    <message>
        <source>The current passphrase is wrong.</source>
        <translation>La frase de contraseña actual es incorrecta.</translation>
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
        <translation>Elegir dónde se guarda el archivo del almacén</translation>
    </message>
    <message>
        <source>Creating the store</source>
        <translation>Creando el almacén</translation>
    </message>
    <message>
        <source>Tessera keeps every token, policy and audit record in one encrypted file. Choose where it goes and a passphrase to encrypt it. &lt;b&gt;Without the passphrase the store cannot be opened by anyone&lt;/b&gt;, so keep it somewhere safe.</source>
        <translation>Tessera guarda todos los tokens, políticas y registros de auditoría en un único archivo cifrado. Elija dónde guardarlo y una frase de contraseña para cifrarlo. &lt;b&gt;Sin la frase de contraseña nadie puede abrir el almacén&lt;/b&gt;, así que guárdela en un lugar seguro.</translation>
    </message>
    <message>
        <source>&amp;Store file:</source>
        <translation>&amp;Archivo del almacén:</translation>
    </message>
    <message>
        <source>New Store</source>
        <translation>Nuevo almacén</translation>
    </message>
    <message>
        <source>Tessera stores (*.store);;All files (*)</source>
        <translation>Almacenes de Tessera (*.store);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>A store already exists at %1. Choose another file name, or cancel and unlock that store.</source>
        <translation>Ya existe un almacén en %1. Elija otro nombre de archivo, o cancele y desbloquee ese almacén.</translation>
    </message>
    <message>
        <source>The store could not be created: %1</source>
        <translation>No se pudo crear el almacén: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitidos</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocados</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducados</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Inicios de sesión</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>Inicios de sesión fallidos</translation>
    </message>
    <message>
        <source>The figures could not be counted: %1</source>
        <translation>No se pudieron contar las cifras: %1</translation>
    </message>
    <message>
        <source>Last %1 days</source>
        <translation>Últimos %1 días</translation>
    </message>
    <message>
        <source>Activity of the last %1 days</source>
        <translation>Actividad de los últimos %1 días</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hoy, %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DocumentLinkDialog</name>
    <message>
        <source>Link for One Document</source>
        <translation>Enlace para un documento</translation>
    </message>
    <message>
        <source>A link that opens one page of a site behind the gate, once, without signing in. Opening it again, or the page a second time, asks the patron to sign in.</source>
        <translation>Un enlace que abre una sola vez una página de un sitio protegido por la puerta, sin iniciar sesión. Si se abre de nuevo, o la página una segunda vez, se pide al usuario que inicie sesión.</translation>
    </message>
    <message>
        <source>Document address</source>
        <translation>Dirección del documento</translation>
    </message>
    <message>
        <source>&amp;Document address:</source>
        <translation>&amp;Dirección del documento:</translation>
    </message>
    <message>
        <source>Store default (%1)</source>
        <translation>Predeterminado del almacén (%1)</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Válido durante</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>&amp;Válido durante:</translation>
    </message>
    <message>
        <source>&amp;Create Link</source>
        <translation>&amp;Crear enlace</translation>
    </message>
    <message>
        <source>The link was not created: %1</source>
        <translation>No se creó el enlace: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DurationEdit</name>
    <message>
        <source> d</source>
        <comment>days suffix</comment>
        <translation> d</translation>
    </message>
    <message>
        <source> h</source>
        <comment>hours suffix</comment>
        <translation> h</translation>
    </message>
    <message>
        <source> min</source>
        <comment>minutes suffix</comment>
        <translation> min</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>e.g. 36h</source>
        <translation>p. ej., 36h</translation>
    </message>
    <message>
        <source>Type a duration as Vault writes it: 90s, 30m, 36h, 2h30m, 7d</source>
        <translation>Escriba una duración como la escribe Vault: 90s, 30m, 36h, 2h30m, 7d</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 horas</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutos</translation>
    </message>
    <message>
        <source>%1 as text</source>
        <translation>%1 como texto</translation>
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
        <translation>Caducan pronto</translation>
    </message>
    <message numerus="yes">
        <source>Staff tokens and tokens marked &quot;Warn before expiry&quot; that expire within %n day(s). Select some to renew them or to issue fresh ones like them.</source>
        <translation>
            <numerusform>Tokens del personal y tokens marcados con «Avisar antes de caducar» que caducan en %n día. Seleccione algunos para renovarlos o para emitir otros nuevos iguales.</numerusform>
            <numerusform>Tokens del personal y tokens marcados con «Avisar antes de caducar» que caducan en %n días. Seleccione algunos para renovarlos o para emitir otros nuevos iguales.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tokens expiring soon</source>
        <translation>Tokens que caducan pronto</translation>
    </message>
    <message>
        <source>No marked or staff token expires that soon.</source>
        <translation>Ningún token marcado o del personal caduca tan pronto.</translation>
    </message>
    <message>
        <source>&amp;Renew Selected</source>
        <translation>&amp;Renovar selección</translation>
    </message>
    <message>
        <source>Renew each selected token by its own TTL, within its limits</source>
        <translation>Renovar cada token seleccionado por su propio TTL, dentro de sus límites</translation>
    </message>
    <message>
        <source>Re-&amp;issue Selected</source>
        <translation>&amp;Emitir de nuevo la selección</translation>
    </message>
    <message>
        <source>Issue a fresh token like each selected one: same role, policies, metadata and parent</source>
        <translation>Emitir un token nuevo igual a cada uno seleccionado: mismo rol, políticas, metadatos y padre</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Renewed %n token(s).</source>
        <translation>
            <numerusform>%n token renovado.</numerusform>
            <numerusform>%n tokens renovados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not renewed:</source>
        <translation>No renovados:</translation>
    </message>
    <message numerus="yes">
        <source>Issued %n fresh token(s); each is shown once.</source>
        <translation>
            <numerusform>Se emitió %n token nuevo; se muestra una sola vez.</numerusform>
            <numerusform>Se emitieron %n tokens nuevos; cada uno se muestra una sola vez.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not re-issued:</source>
        <translation>No emitidos de nuevo:</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ExpiryAlerts</name>
    <message>
        <source>Tokens expiring soon</source>
        <translation>Tokens que caducan pronto</translation>
    </message>
    <message>
        <source>“%1” expires on %2.</source>
        <translation>«%1» caduca el %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n marked or staff token(s) expire soon, the first, “%1”, on %2.</source>
        <translation>
            <numerusform>%n token marcado o del personal caduca pronto, el primero, «%1», el %2.</numerusform>
            <numerusform>%n tokens marcados o del personal caducan pronto, el primero, «%1», el %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::IssueTokenDialog</name>
    <message>
        <source>Issue Token</source>
        <translation>Emitir token</translation>
    </message>
    <message>
        <source>&amp;Issue Token</source>
        <translation>&amp;Emitir token</translation>
    </message>
    <message>
        <source>From a &amp;role:</source>
        <translation>Desde un &amp;rol:</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>One click fills the form with the role&apos;s settings</source>
        <translation>Un clic rellena el formulario con la configuración del rol</translation>
    </message>
    <message>
        <source>By hand (no role)</source>
        <translation>A mano (sin rol)</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Top level (no parent)</source>
        <translation>Nivel superior (sin padre)</translation>
    </message>
    <message>
        <source>Child of “%1”</source>
        <translation>Hijo de “%1”</translation>
    </message>
    <message>
        <source>e.g. visitor 2041, desk 3</source>
        <translation>p. ej., visitante 2041, mostrador 3</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>De &amp;servicio</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>De &amp;lote</translation>
    </message>
    <message>
        <source>Stored, renewable, can have children and a use limit</source>
        <translation>Almacenado, renovable, puede tener hijos y un límite de usos</translation>
    </message>
    <message>
        <source>Not stored: lightweight, fixed lifetime, no children</source>
        <translation>No almacenado: ligero, vida útil fija, sin hijos</translation>
    </message>
    <message>
        <source>&amp;Orphan (stays valid when its parent is revoked)</source>
        <translation>&amp;Huérfano (sigue válido si se revoca su padre)</translation>
    </message>
    <message>
        <source>&amp;Parent:</source>
        <translation>&amp;Padre:</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>&amp;Nombre visible:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Po&amp;licies</source>
        <translation>Polític&amp;as</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Políticas</translation>
    </message>
    <message>
        <source>Offer e&amp;very policy (store owner)</source>
        <translation>Ofrecer todas las políti&amp;cas (propietario del almacén)</translation>
    </message>
    <message>
        <source>The store owner may give any policy, even one the parent lacks</source>
        <translation>El propietario del almacén puede conceder cualquier política, incluso una que el padre no tenga</translation>
    </message>
    <message>
        <source>Without the “default” polic&amp;y</source>
        <translation>Sin la política “&amp;default”</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Vida útil</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Explicit max TTL</source>
        <translation>TTL máximo explícito</translation>
    </message>
    <message>
        <source>Not periodic</source>
        <translation>No periódico</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Rene&amp;wable</source>
        <translation>Reno&amp;vable</translation>
    </message>
    <message>
        <source>&amp;TTL:</source>
        <translation>&amp;TTL:</translation>
    </message>
    <message>
        <source>E&amp;xplicit max TTL:</source>
        <translation>TTL máximo e&amp;xplícito:</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>Peri&amp;odo:</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Usos</translation>
    </message>
    <message>
        <source>&amp;Unlimited</source>
        <translation>&amp;Ilimitados</translation>
    </message>
    <message>
        <source>O&amp;ne use</source>
        <translation>&amp;Un uso</translation>
    </message>
    <message>
        <source>Li&amp;mited to</source>
        <translation>Li&amp;mitado a</translation>
    </message>
    <message>
        <source> uses</source>
        <translation> usos</translation>
    </message>
    <message>
        <source>Number of uses</source>
        <translation>Número de usos</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadatos</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>&amp;Add Row</source>
        <translation>Añadir &amp;fila</translation>
    </message>
    <message>
        <source>R&amp;emove Row</source>
        <translation>&amp;Quitar fila</translation>
    </message>
    <message>
        <source>Cannot read the role “%1”: %2</source>
        <translation>No se puede leer el rol “%1”: %2</translation>
    </message>
    <message>
        <source>Metadata row %1 has no key: enter one or remove the row.</source>
        <translation>La fila de metadatos %1 no tiene clave: introduzca una o quite la fila.</translation>
    </message>
    <message>
        <source>The metadata key “%1” appears twice.</source>
        <translation>La clave de metadatos “%1” aparece dos veces.</translation>
    </message>
    <message>
        <source>A %1 token with the policies %2.</source>
        <translation>Un token %1 con las políticas %2.</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>de lote</translation>
    </message>
    <message>
        <source>service</source>
        <translation>de servicio</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Expires in %1, on %2%3.</source>
        <translation>Caduca en %1, el %2%3.</translation>
    </message>
    <message>
        <source> unless renewed</source>
        <translation> salvo que se renueve</translation>
    </message>
    <message>
        <source>Never expires.</source>
        <translation>No caduca nunca.</translation>
    </message>
    <message>
        <source>Unlimited uses.</source>
        <translation>Usos ilimitados.</translation>
    </message>
    <message>
        <source>One use only.</source>
        <translation>Un solo uso.</translation>
    </message>
    <message>
        <source>%1 uses.</source>
        <translation>%1 usos.</translation>
    </message>
    <message>
        <source>The token was not issued: %1</source>
        <translation>No se emitió el token: %1</translation>
    </message>
    <message>
        <source>“%1” has a use limit, so it cannot have children.</source>
        <translation>«%1» tiene un límite de usos, así que no puede tener hijos.</translation>
    </message>
    <message>
        <source>The selected token and those above it that can have children</source>
        <translation>El token seleccionado y los que están por encima que pueden tener hijos</translation>
    </message>
    <message>
        <source>Issue a Root Token?</source>
        <translation>¿Emitir un token root?</translation>
    </message>
    <message>
        <source>Issue &amp;Root Token</source>
        <translation>Emitir token &amp;root</translation>
    </message>
    <message>
        <source>The new token carries the root policy: whoever holds it can do anything in this store. It expires in %1.</source>
        <translation>El nuevo token lleva la política root: quien lo tenga puede hacer cualquier cosa en este almacén. Caduca en %1.</translation>
    </message>
    <message>
        <source>The new token carries the root policy: whoever holds it can do anything in this store. It never expires.</source>
        <translation>El nuevo token lleva la política root: quien lo tenga puede hacer cualquier cosa en este almacén. Nunca caduca.</translation>
    </message>
    <message>
        <source>&amp;Link for One Document…</source>
        <translation>&amp;Enlace para un documento…</translation>
    </message>
    <message>
        <source>A one-use link to one page behind the gate, instead of a token</source>
        <translation>Un enlace de un solo uso a una página protegida por la puerta, en lugar de un token</translation>
    </message>
    <message>
        <source>From its creation</source>
        <translation>Desde su creación</translation>
    </message>
    <message>
        <source>Start at first use within</source>
        <translation>Empezar con el primer uso dentro de</translation>
    </message>
    <message>
        <source>A pass valid from its first use: its TTL starts when it is first used, which must happen within this time; unused, it expires then.</source>
        <translation>Un pase válido desde su primer uso: su TTL empieza cuando se usa por primera vez, lo que debe ocurrir dentro de este plazo; si no se usa, caduca entonces.</translation>
    </message>
    <message>
        <source>Start at &amp;first use within:</source>
        <translation>Empezar con el &amp;primer uso dentro de:</translation>
    </message>
    <message>
        <source>Warn be&amp;fore expiry</source>
        <translation>Avisar &amp;antes de caducar</translation>
    </message>
    <message>
        <source>Announce the token on the desktop and list it under Token › Expiring Soon shortly before it expires (staff tokens are listed anyway)</source>
        <translation>Anunciar el token en el escritorio y listarlo en Token › Caducan pronto poco antes de que caduque (los tokens del personal se listan siempre)</translation>
    </message>
    <message>
        <source>Valid for %1 from its first use, which must come by %2.</source>
        <translation>Válido durante %1 desde su primer uso, que debe llegar antes del %2.</translation>
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
        <translation>Tokens activos</translation>
    </message>
    <message>
        <source>Tokens expiring within the hour</source>
        <translation>Tokens que caducan en la próxima hora</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>Archivo del almacén</translation>
    </message>
    <message>
        <source>The store file</source>
        <translation>El archivo del almacén</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Issue Token…</source>
        <translation>&amp;Emitir token…</translation>
    </message>
    <message>
        <source>Issue a new token under the selected one</source>
        <translation>Emitir un token nuevo bajo el seleccionado</translation>
    </message>
    <message>
        <source>&amp;Renew…</source>
        <translation>&amp;Renovar…</translation>
    </message>
    <message>
        <source>Extend the selected tokens&apos; TTL</source>
        <translation>Ampliar el TTL de los tokens seleccionados</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Re&amp;vocar…</translation>
    </message>
    <message>
        <source>Revoke the selected tokens and everything below them</source>
        <translation>Revocar los tokens seleccionados y todo lo que hay debajo</translation>
    </message>
    <message>
        <source>Revoke, Keep &amp;Children as Orphans…</source>
        <translation>Revocar y conservar los &amp;hijos como huérfanos…</translation>
    </message>
    <message>
        <source>Revoke the selected tokens; their children become orphans</source>
        <translation>Revocar los tokens seleccionados; sus hijos quedan huérfanos</translation>
    </message>
    <message>
        <source>Copy &amp;Accessor</source>
        <translation>Copiar &amp;accesor</translation>
    </message>
    <message>
        <source>Copy the selected token&apos;s accessor</source>
        <translation>Copiar el accesor del token seleccionado</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Search tokens by name, accessor, policy or metadata</source>
        <translation>Buscar tokens por nombre, accesor, política o metadatos</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <source>Show the next match</source>
        <translation>Mostrar la siguiente coincidencia</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Buscar &amp;anterior</translation>
    </message>
    <message>
        <source>Show the previous match</source>
        <translation>Mostrar la coincidencia anterior</translation>
    </message>
    <message>
        <source>&amp;Policies…</source>
        <translation>&amp;Políticas…</translation>
    </message>
    <message>
        <source>Edit policies</source>
        <translation>Editar políticas</translation>
    </message>
    <message>
        <source>&amp;Roles…</source>
        <translation>&amp;Roles…</translation>
    </message>
    <message>
        <source>Edit roles</source>
        <translation>Editar roles</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <source>Edit login accounts</source>
        <translation>Editar cuentas de inicio de sesión</translation>
    </message>
    <message>
        <source>&amp;Audit Log…</source>
        <translation>Registro de au&amp;ditoría…</translation>
    </message>
    <message>
        <source>Browse and verify the audit log</source>
        <translation>Explorar y verificar el registro de auditoría</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>E&amp;xportar informe…</translation>
    </message>
    <message>
        <source>Export an audit report</source>
        <translation>Exportar un informe de auditoría</translation>
    </message>
    <message>
        <source>&amp;Change Passphrase…</source>
        <translation>&amp;Cambiar frase de contraseña…</translation>
    </message>
    <message>
        <source>Re-encrypt the store under a new passphrase</source>
        <translation>Volver a cifrar el almacén con una nueva frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Back Up…</source>
        <translation>Copia de &amp;seguridad…</translation>
    </message>
    <message>
        <source>Write a consistent copy of the store</source>
        <translation>Escribir una copia coherente del almacén</translation>
    </message>
    <message>
        <source>&amp;Open Store…</source>
        <translation>A&amp;brir almacén…</translation>
    </message>
    <message>
        <source>Lock this store and open another</source>
        <translation>Bloquear este almacén y abrir otro</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>B&amp;loquear</translation>
    </message>
    <message>
        <source>Lock the store now</source>
        <translation>Bloquear el almacén ahora</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pre&amp;ferencias…</translation>
    </message>
    <message>
        <source>Auto-lock, language, API server</source>
        <translation>Bloqueo automático, idioma, servidor API</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Lock the store and quit</source>
        <translation>Bloquear el almacén y salir</translation>
    </message>
    <message>
        <source>&amp;About Tessera</source>
        <translation>&amp;Acerca de Tessera</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Versión y licencia</translation>
    </message>
    <message>
        <source>About Tessera</source>
        <translation>Acerca de Tessera</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Issue, browse and revoke access tokens.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Emita, explore y revoque tokens de acceso.&lt;/p&gt;</translation>
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
        <translation>A&amp;lmacén</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
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
        <translation>Ya no existe</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>Servidor API</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message numerus="yes">
        <source>Revoking %n token(s)…</source>
        <translation>
            <numerusform>Revocando %n token…</numerusform>
            <numerusform>Revocando %n tokens…</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoking failed: %1</source>
        <translation>Error al revocar: %1</translation>
    </message>
    <message>
        <source>The passphrase has been changed.</source>
        <translation>Se ha cambiado la frase de contraseña.</translation>
    </message>
    <message>
        <source>%1-backup-%2.store</source>
        <translation>%1-copia-%2.store</translation>
    </message>
    <message>
        <source>Back Up Store</source>
        <translation>Copia de seguridad del almacén</translation>
    </message>
    <message>
        <source>Tessera stores (*.store);;All files (*)</source>
        <translation>Almacenes de Tessera (*.store);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Back Up</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>No se puede reemplazar %1.</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Escribiendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Backup written to %1 (same passphrase as this store).</source>
        <translation>Copia de seguridad escrita en %1 (misma frase de contraseña que este almacén).</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>Falló la copia de seguridad: %1</translation>
    </message>
    <message>
        <source>Active tokens: %1</source>
        <translation>Tokens activos: %1</translation>
    </message>
    <message>
        <source>Expiring within the hour: %1</source>
        <translation>Caducan en la próxima hora: %1</translation>
    </message>
    <message>
        <source>API server: %1</source>
        <translation>Servidor API: %1</translation>
    </message>
    <message>
        <source>Start, stop and configure it in Preferences.</source>
        <translation>Inícielo, deténgalo y configúrelo en Preferencias.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Another program replaced the store file or deleted its write-ahead log while the console had it open. The console stopped using it so that no change is lost. Unlock to open the store as it is now.</source>
        <translation>Otro programa sustituyó el archivo del almacén o borró su registro de escritura anticipada mientras la consola lo tenía abierto. La consola dejó de usarlo para que no se pierda ningún cambio. Desbloquee para abrir el almacén tal como está ahora.</translation>
    </message>
    <message>
        <source>Cannot renew: batch tokens have a fixed lifetime.</source>
        <translation>No se puede renovar: los tokens de lote tienen una vida fija.</translation>
    </message>
    <message>
        <source>Cannot renew: this token never expires.</source>
        <translation>No se puede renovar: este token nunca caduca.</translation>
    </message>
    <message>
        <source>Cannot renew: this token was issued as not renewable.</source>
        <translation>No se puede renovar: este token se emitió como no renovable.</translation>
    </message>
    <message>
        <source>&amp;Link for One Document…</source>
        <translation>&amp;Enlace para un documento…</translation>
    </message>
    <message>
        <source>Make a one-use link to one page behind the gate</source>
        <translation>Crear un enlace de un solo uso a una página protegida por la puerta</translation>
    </message>
    <message>
        <source>Revoke All &amp;Matches…</source>
        <translation>Revocar todas las &amp;coincidencias…</translation>
    </message>
    <message>
        <source>Revoke every token the search matches, narrowed by patron, role, issuer or creation time</source>
        <translation>Revocar todos los tokens que coinciden con la búsqueda, acotados por usuario, rol, emisor o fecha de creación</translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n token(s).</source>
        <translation>
            <numerusform>%n token revocado.</numerusform>
            <numerusform>%n tokens revocados.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>Show today&apos;s figures and the last 30 days&apos; activity</source>
        <translation>Mostrar las cifras de hoy y la actividad de los últimos 30 días</translation>
    </message>
    <message>
        <source>E&amp;xpiring Soon…</source>
        <translation>Ca&amp;ducan pronto…</translation>
    </message>
    <message>
        <source>Staff and marked tokens about to expire: renew or re-issue them</source>
        <translation>Tokens del personal y marcados a punto de caducar: renovarlos o emitirlos de nuevo</translation>
    </message>
    <message>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message numerus="yes">
        <source>%n marked or staff token(s) expire soon: Token › Expiring Soon (%1)</source>
        <translation>
            <numerusform>%n token marcado o del personal caduca pronto: Token › Caducan pronto (%1)</numerusform>
            <numerusform>%n tokens marcados o del personal caducan pronto: Token › Caducan pronto (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Batch of Passes…</source>
        <translation>&amp;Lote de pases…</translation>
    </message>
    <message>
        <source>Issue up to 1,000 passes of a role at once and print them</source>
        <translation>Emitir hasta 1.000 pases de un rol de una vez e imprimirlos</translation>
    </message>
    <message>
        <source>&amp;Import Patrons…</source>
        <translation>&amp;Importar lectores…</translation>
    </message>
    <message>
        <source>Create or update patrons&apos; accounts from a CSV file</source>
        <translation>Crear o actualizar las cuentas de los lectores desde un archivo CSV</translation>
    </message>
</context>
<context>
    <name>tessera::ui::NamedObjectEditor</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Re&amp;vertir</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>Se guardó “%1”.</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>¿Eliminar “%1”? Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>No se eliminó: %1</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>Se eliminó “%1”.</translation>
    </message>
    <message>
        <source>Discard the unsaved changes?</source>
        <translation>¿Descartar los cambios sin guardar?</translation>
    </message>
</context>
<context>
    <name>tessera::ui::NewPassphraseFields</name>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Repetir la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message numerus="yes">
        <source>Use a few unrelated words, at least %n characters.</source>
        <translation>
            <numerusform>Use varias palabras sin relación, al menos %n carácter.</numerusform>
            <numerusform>Use varias palabras sin relación, al menos %n caracteres.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::NewTokenDialog</name>
    <message>
        <source>New Token</source>
        <translation>Nuevo token</translation>
    </message>
    <message>
        <source>&lt;b&gt;The token “%1” was issued.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Se emitió el token “%1”.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>This is the only time the token is shown. Copy it or print a pass now: it cannot be displayed again.</source>
        <translation>Esta es la única vez que se muestra el token. Cópielo o imprima un pase ahora: no se podrá volver a mostrar.</translation>
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
        <translation>Accesor:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Policies:</source>
        <translation>Políticas:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Caduca:</translation>
    </message>
    <message>
        <source>Uses:</source>
        <translation>Usos:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Print Pass…</source>
        <translation>&amp;Imprimir pase…</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared when the console locks.</source>
        <translation>Copiado. El portapapeles se vacía cuando la consola se bloquea.</translation>
    </message>
    <message>
        <source>Access pass</source>
        <translation>Pase de acceso</translation>
    </message>
    <message>
        <source>Access pass %1</source>
        <translation>Pase de acceso %1</translation>
    </message>
    <message>
        <source>Print Pass</source>
        <translation>Imprimir pase</translation>
    </message>
    <message>
        <source>The pass was sent to the printer.</source>
        <translation>El pase se envió a la impresora.</translation>
    </message>
    <message>
        <source>The pass could not be printed.</source>
        <translation>No se pudo imprimir el pase.</translation>
    </message>
    <message>
        <source>New Link</source>
        <translation>Nuevo enlace</translation>
    </message>
    <message>
        <source>&lt;b&gt;A one-use link to “%1” was made.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Se creó un enlace de un solo uso a «%1».&lt;/b&gt;</translation>
    </message>
    <message>
        <source>This is the only time the link is shown. Copy it or print it now: it cannot be displayed again.</source>
        <translation>Es la única vez que se muestra el enlace. Cópielo o imprímalo ahora: no se puede volver a mostrar.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Enlace:</translation>
    </message>
    <message>
        <source>&amp;Print Link…</source>
        <translation>&amp;Imprimir enlace…</translation>
    </message>
    <message>
        <source>Link to one document</source>
        <translation>Enlace a un documento</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PassSheetPreview</name>
    <message>
        <source>Preview of the first page</source>
        <translation>Vista previa de la primera página</translation>
    </message>
    <message numerus="yes">
        <source>%n sample pass(es) on the first page</source>
        <translation>
            <numerusform>%n pase de muestra en la primera página</numerusform>
            <numerusform>%n pases de muestra en la primera página</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::PatronImportDialog</name>
    <message>
        <source>Import Patrons</source>
        <translation>Importar lectores</translation>
    </message>
    <message>
        <source>A CSV file (UTF-8) with the columns &lt;b&gt;card_number&lt;/b&gt;, &lt;b&gt;name&lt;/b&gt;, &lt;b&gt;email&lt;/b&gt;, &lt;b&gt;role&lt;/b&gt; and optionally &lt;b&gt;metadata&lt;/b&gt; (key=value;key=value). Each card number becomes a login account; an existing one is updated. Nothing is imported unless every line is good. New patrons sign in once a password is set for them.</source>
        <translation>Un archivo CSV (UTF-8) con las columnas &lt;b&gt;card_number&lt;/b&gt;, &lt;b&gt;name&lt;/b&gt;, &lt;b&gt;email&lt;/b&gt;, &lt;b&gt;role&lt;/b&gt; y, opcionalmente, &lt;b&gt;metadata&lt;/b&gt; (clave=valor;clave=valor). Cada número de carné se convierte en una cuenta de acceso; una que ya existe se actualiza. No se importa nada salvo que todas las líneas sean correctas. Los lectores nuevos pueden iniciar sesión cuando se les asigna una contraseña.</translation>
    </message>
    <message>
        <source>Import file</source>
        <translation>Archivo de importación</translation>
    </message>
    <message>
        <source>Choose a CSV file of patrons</source>
        <translation>Elija un archivo CSV de lectores</translation>
    </message>
    <message>
        <source>&amp;Choose File…</source>
        <translation>&amp;Elegir archivo…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>Lines of the file</source>
        <translation>Líneas del archivo</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>No se puede leer %1: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB: split it into smaller files.</source>
        <translation>%1 ocupa más de %2 MiB: divídalo en archivos más pequeños.</translation>
    </message>
    <message>
        <source>Reading the patrons…</source>
        <translation>Leyendo los lectores…</translation>
    </message>
    <message>
        <source>The file cannot be checked: %1</source>
        <translation>No se puede comprobar el archivo: %1</translation>
    </message>
    <message>
        <source>New patrons: %1    To update: %2    Bad lines: %3</source>
        <translation>Lectores nuevos: %1    Para actualizar: %2    Líneas erróneas: %3</translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be imported while the file has bad lines: %n line(s) are marked with the reason. Correct the file and choose it again.</source>
        <translation>
            <numerusform>No se puede importar nada mientras el archivo tenga líneas erróneas: %n línea está marcada con el motivo. Corrija el archivo y vuelva a elegirlo.</numerusform>
            <numerusform>No se puede importar nada mientras el archivo tenga líneas erróneas: %n líneas están marcadas con el motivo. Corrija el archivo y vuelva a elegirlo.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file names no patron: only a header, or nothing.</source>
        <translation>El archivo no nombra a ningún lector: solo una cabecera, o nada.</translation>
    </message>
    <message>
        <source>Every line is good. Import writes them all in one step.</source>
        <translation>Todas las líneas son correctas. Importar las escribe todas en un solo paso.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n patron(s)…</source>
        <translation>
            <numerusform>Importando %n lector…</numerusform>
            <numerusform>Importando %n lectores…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>No se ha importado nada: %1</translation>
    </message>
    <message>
        <source>Imported %1 and updated %2 from %3.</source>
        <translation>Importados %1 y actualizados %2 desde %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n new patron(s)</source>
        <translation>
            <numerusform>%n lector nuevo</numerusform>
            <numerusform>%n lectores nuevos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patron(s)</source>
        <translation>
            <numerusform>%n lector</numerusform>
            <numerusform>%n lectores</numerusform>
        </translation>
    </message>
    <message>
        <source>New patrons sign in once a password is set for them (Access › Users), or with a pass.</source>
        <translation>Los lectores nuevos inician sesión cuando se les asigna una contraseña (Acceso › Usuarios), o con un pase.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PolicyEditor</name>
    <message>
        <source>Policies</source>
        <translation>Políticas</translation>
    </message>
    <message>
        <source>&amp;Policies:</source>
        <translation>&amp;Políticas:</translation>
    </message>
    <message>
        <source>e.g. ebooks-reader</source>
        <translation>p. ej., ebooks-reader</translation>
    </message>
    <message>
        <source>Policy text</source>
        <translation>Texto de la política</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>R&amp;ules (Vault policy language, HCL or JSON):</source>
        <translation>&amp;Reglas (lenguaje de políticas de Vault, HCL o JSON):</translation>
    </message>
    <message>
        <source># The built-in root policy allows everything. It cannot be changed.
</source>
        <translation># La política root integrada lo permite todo. No se puede modificar.
</translation>
    </message>
    <message>
        <source>Give the policy a name.</source>
        <translation>Asigne un nombre a la política.</translation>
    </message>
    <message>
        <source>a policy named “%1” exists already</source>
        <translation>ya existe una política llamada “%1”</translation>
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
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;API Server</source>
        <translation>&amp;Servidor API</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras minutos de inactividad</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>A new language applies the next time Tessera starts.</source>
        <translation>El nuevo idioma se aplica la próxima vez que se inicie Tessera.</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Bloquear tras inactividad:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>PEM file; leave empty for plain HTTP</source>
        <translation>Archivo PEM; déjelo vacío para HTTP sin cifrar</translation>
    </message>
    <message>
        <source>Start the API server when the store is unlocked</source>
        <translation>Iniciar el servidor API al desbloquear el almacén</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Dirección de escucha</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>TLS certificate file</source>
        <translation>Archivo de certificado TLS</translation>
    </message>
    <message>
        <source>TLS private key file</source>
        <translation>Archivo de clave privada TLS</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Buscar %1</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Archivos PEM (*.pem *.crt *.key);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>TLS &amp;certificate:</source>
        <translation>&amp;Certificado TLS:</translation>
    </message>
    <message>
        <source>TLS Certificate</source>
        <translation>Certificado TLS</translation>
    </message>
    <message>
        <source>TLS &amp;key:</source>
        <translation>Cla&amp;ve TLS:</translation>
    </message>
    <message>
        <source>TLS Private Key</source>
        <translation>Clave privada TLS</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Remove personal details from audit records older than N days</source>
        <translation>Eliminar los datos personales de los registros de auditoría con más de N días</translation>
    </message>
    <message>
        <source>Patron names and ids, card numbers, user names, paths and client addresses are removed; the records themselves stay, are still counted and still verify.</source>
        <translation>Se eliminan nombres e identificadores de usuarios, números de carné, nombres de usuario, rutas y direcciones de cliente; los registros se conservan, se siguen contando y siguen verificándose.</translation>
    </message>
    <message>
        <source>&amp;Remove personal details from audit records older than:</source>
        <translation>&amp;Eliminar datos personales de registros de auditoría con más de:</translation>
    </message>
    <message>
        <source>journal.example.org, catalogue.example.org</source>
        <translation>revista.ejemplo.org, catalogo.ejemplo.org</translation>
    </message>
    <message>
        <source>Sites patrons return to after signing in</source>
        <translation>Sitios a los que vuelven los usuarios tras iniciar sesión</translation>
    </message>
    <message>
        <source>After signing in, patrons are sent back only to these sites (and to pages of this server). Separate them with commas.</source>
        <translation>Tras iniciar sesión, los usuarios solo vuelven a estos sitios (y a páginas de este servidor). Sepárelos con comas.</translation>
    </message>
    <message>
        <source>Sign-in cookies only over HTTPS (behind a TLS proxy)</source>
        <translation>Cookies de inicio de sesión solo por HTTPS (detrás de un proxy TLS)</translation>
    </message>
    <message>
        <source>Si&amp;gn-in returns to:</source>
        <translation>El &amp;inicio de sesión vuelve a:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Library name printed on passes</source>
        <translation>Nombre de la biblioteca impreso en los pases</translation>
    </message>
    <message>
        <source>Library &amp;name on passes:</source>
        <translation>&amp;Nombre de la biblioteca en los pases:</translation>
    </message>
    <message>
        <source>Warn before tokens expire, in days</source>
        <translation>Avisar antes de que caduquen los tokens, en días</translation>
    </message>
    <message>
        <source>Staff tokens and tokens marked &quot;Warn before expiry&quot; that expire this soon are announced and listed under Token › Expiring Soon.</source>
        <translation>Los tokens del personal y los marcados con «Avisar antes de caducar» que caducan en este plazo se anuncian y se listan en Token › Caducan pronto.</translation>
    </message>
    <message>
        <source>&amp;Warn before tokens expire:</source>
        <translation>A&amp;visar antes de que caduquen los tokens:</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RenewDialog</name>
    <message>
        <source>Renew Token</source>
        <translation>Renovar token</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Expires now:</source>
        <translation>Caduca ahora:</translation>
    </message>
    <message>
        <source>Creation TTL (%1)</source>
        <translation>TTL de creación (%1)</translation>
    </message>
    <message>
        <source>Increment</source>
        <translation>Incremento</translation>
    </message>
    <message>
        <source>&amp;Increment:</source>
        <translation>&amp;Incremento:</translation>
    </message>
    <message>
        <source>&amp;Renew</source>
        <translation>&amp;Renovar</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (dentro de %2)</translation>
    </message>
    <message>
        <source>After renewal it expires %1.</source>
        <translation>Tras la renovación caduca %1.</translation>
    </message>
    <message>
        <source>The token was not renewed: %1</source>
        <translation>No se renovó el token: %1</translation>
    </message>
    <message>
        <source>Renewed. It now expires %1.</source>
        <translation>Renovado. Ahora caduca %1.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ReportDialog</name>
    <message>
        <source>Export Audit Report</source>
        <translation>Exportar informe de auditoría</translation>
    </message>
    <message>
        <source>PDF: summary, charts and every record</source>
        <translation>PDF: resumen, gráficos y todos los registros</translation>
    </message>
    <message>
        <source>CSV for spreadsheets</source>
        <translation>CSV para hojas de cálculo</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>All operations</source>
        <translation>Todas las operaciones</translation>
    </message>
    <message>
        <source>Only the s&amp;ubtree of</source>
        <translation>Solo el s&amp;ubárbol de</translation>
    </message>
    <message>
        <source>Subtree token accessor</source>
        <translation>Accesor del token del subárbol</translation>
    </message>
    <message>
        <source>the accessor of a token</source>
        <translation>el accesor de un token</translation>
    </message>
    <message>
        <source>key=value, e.g. card=4000123 (empty: any token)</source>
        <translation>clave=valor, p. ej. card=4000123 (vacío: cualquier token)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation>&amp;Operación:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Tokens:</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>&amp;Metadatos:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Guardar en:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>Archivos JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Save Audit Report</source>
        <translation>Guardar informe de auditoría</translation>
    </message>
    <message>
        <source>Write the metadata filter as key=value, for example card=4000123.</source>
        <translation>Escriba el filtro de metadatos como clave=valor, por ejemplo card=4000123.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>El periodo termina antes de empezar.</translation>
    </message>
    <message>
        <source>A PDF report covers at most %1 days; export a longer period as CSV or JSON Lines.</source>
        <translation>Un informe PDF abarca como máximo %1 días; exporte un periodo más largo como CSV o JSON Lines.</translation>
    </message>
    <message>
        <source>“%1” is not an operation name such as token.create or token.*.</source>
        <translation>“%1” no es un nombre de operación como token.create o token.*.</translation>
    </message>
    <message>
        <source>Enter the accessor of the token whose subtree the report covers.</source>
        <translation>Introduzca el accesor del token cuyo subárbol abarca el informe.</translation>
    </message>
    <message>
        <source>“%1” is not a token accessor.</source>
        <translation>“%1” no es un accesor de token.</translation>
    </message>
    <message>
        <source>Choose the file to save the report to.</source>
        <translation>Elija el archivo en el que se guardará el informe.</translation>
    </message>
    <message>
        <source>%1 is a folder: name a file in it.</source>
        <translation>%1 es una carpeta: indique un archivo dentro de ella.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
    <message>
        <source>Writing the audit report…</source>
        <translation>Escribiendo el informe de auditoría…</translation>
    </message>
    <message>
        <source>Cancelled: no report was written.</source>
        <translation>Cancelado: no se ha escrito ningún informe.</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>No se pudo escribir el informe: %1</translation>
    </message>
    <message>
        <source>Wrote the report to %1 (pages: %2, records: %3).</source>
        <translation>Informe guardado en %1 (páginas: %2, registros: %3).</translation>
    </message>
    <message>
        <source>Exported the report to %1 (records: %2).</source>
        <translation>Informe exportado a %1 (registros: %2).</translation>
    </message>
    <message>
        <source>The audit chain is NOT intact: %1</source>
        <translation>La cadena de auditoría NO está intacta: %1</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Whole days in UTC; the first and the last day are included.</source>
        <translation>Días completos en UTC; el primero y el último están incluidos.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RevokeDialog</name>
    <message>
        <source>Revoke Tokens</source>
        <translation>Revocar tokens</translation>
    </message>
    <message>
        <source>Revoke, Keep Children</source>
        <translation>Revocar y conservar hijos</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… y %Ln más</numerusform>
            <numerusform>… y %Ln más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected tokens inside another selected token&apos;s subtree: %Ln. They are counted once.</source>
        <translation>
            <numerusform>Tokens seleccionados dentro del subárbol de otro token seleccionado: %Ln. Se cuenta una sola vez.</numerusform>
            <numerusform>Tokens seleccionados dentro del subárbol de otro token seleccionado: %Ln. Se cuentan una sola vez.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applications using these tokens lose access at once. This cannot be undone.</source>
        <translation>Las aplicaciones que usan estos tokens pierden el acceso de inmediato. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Their children stay valid and become top-level orphans. This cannot be undone.</source>
        <translation>Sus hijos siguen siendo válidos y pasan a ser huérfanos de nivel superior. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Revocar</translation>
    </message>
    <message>
        <source>&amp;Revoke, Keep Children</source>
        <translation>&amp;Revocar y conservar hijos</translation>
    </message>
    <message>
        <source>Cannot count the tokens below “%1”: %2</source>
        <translation>No se pueden contar los tokens bajo “%1”: %2</translation>
    </message>
    <message>
        <source>Revoke “%1” only, and keep its children as orphans?</source>
        <translation>¿Revocar solo “%1” y conservar sus hijos como huérfanos?</translation>
    </message>
    <message>
        <source>Revoke “%1”? It has no descendant tokens.</source>
        <translation>¿Revocar “%1”? No tiene tokens descendientes.</translation>
    </message>
    <message>
        <source>Revoke “%1” and its one descendant token?</source>
        <translation>¿Revocar “%1” y su único token descendiente?</translation>
    </message>
    <message numerus="yes">
        <source>Revoke “%1” and its %Ln descendant tokens?</source>
        <translation>
            <numerusform>¿Revocar “%1” y su %Ln token descendiente?</numerusform>
            <numerusform>¿Revocar “%1” y sus %Ln tokens descendientes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke these %Ln tokens only, and keep their children as orphans?</source>
        <translation>
            <numerusform>¿Revocar solo este %Ln token y conservar sus hijos como huérfanos?</numerusform>
            <numerusform>¿Revocar solo estos %Ln tokens y conservar sus hijos como huérfanos?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %Ln selected tokens and their descendants, %1 tokens in all?</source>
        <translation>
            <numerusform>¿Revocar %Ln token seleccionado y sus descendientes, %1 tokens en total?</numerusform>
            <numerusform>¿Revocar %Ln tokens seleccionados y sus descendientes, %1 tokens en total?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::RevokeMatchesDialog</name>
    <message>
        <source>Revoke All Matches</source>
        <translation>Revocar todas las coincidencias</translation>
    </message>
    <message>
        <source>console, cli, api:address or login:user</source>
        <translation>console, cli, api:dirección o login:usuario</translation>
    </message>
    <message>
        <source>Created &amp;after</source>
        <translation>Creados &amp;desde</translation>
    </message>
    <message>
        <source>Created &amp;before</source>
        <translation>Creados &amp;antes de</translation>
    </message>
    <message>
        <source>Search text:</source>
        <translation>Texto de búsqueda:</translation>
    </message>
    <message>
        <source>&amp;Patron ID:</source>
        <translation>ID de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;Issued by:</source>
        <translation>&amp;Emitido por:</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Accessor</source>
        <translation>Accesor</translation>
    </message>
    <message>
        <source>Below</source>
        <translation>Debajo</translation>
    </message>
    <message>
        <source>&amp;Revoke All Matches</source>
        <translation>&amp;Revocar todas las coincidencias</translation>
    </message>
    <message>
        <source>No token matches.</source>
        <translation>Ningún token coincide.</translation>
    </message>
    <message>
        <source>Name at least one condition.</source>
        <translation>Indique al menos una condición.</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… y %Ln más</numerusform>
            <numerusform>… y %Ln más</numerusform>
        </translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation>Escriba %1 para confirmar:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln tokens match; %1 in all with their children.</source>
        <translation>
            <numerusform>%Ln token coincide; %1 en total con sus hijos.</numerusform>
            <numerusform>%Ln tokens coinciden; %1 en total con sus hijos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln descendant tokens</source>
        <translation>
            <numerusform>%Ln token descendiente</numerusform>
            <numerusform>%Ln tokens descendientes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::RoleEditor</name>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>&amp;Roles:</source>
        <translation>&amp;Roles:</translation>
    </message>
    <message>
        <source>e.g. visitor-day-pass</source>
        <translation>p. ej., visitor-day-pass</translation>
    </message>
    <message>
        <source>Issue &amp;orphan tokens</source>
        <translation>Emitir tokens &amp;huérfanos</translation>
    </message>
    <message>
        <source>Tokens are rene&amp;wable</source>
        <translation>Los tokens son reno&amp;vables</translation>
    </message>
    <message>
        <source>optional, e.g. desk-3</source>
        <translation>opcional, p. ej., desk-3</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Path s&amp;uffix:</source>
        <translation>&amp;Sufijo de ruta:</translation>
    </message>
    <message>
        <source>Allowed policies</source>
        <translation>Políticas permitidas</translation>
    </message>
    <message>
        <source>Disallowed policies</source>
        <translation>Políticas no permitidas</translation>
    </message>
    <message>
        <source>&amp;Allowed policies (none: the parent&apos;s):</source>
        <translation>Políticas &amp;permitidas (ninguna: las del padre):</translation>
    </message>
    <message>
        <source>&amp;Disallowed policies:</source>
        <translation>Políticas no per&amp;mitidas:</translation>
    </message>
    <message>
        <source>Give the role a name.</source>
        <translation>Asigne un nombre al rol.</translation>
    </message>
    <message>
        <source>“%1” is both allowed and disallowed.</source>
        <translation>“%1” está permitida y no permitida a la vez.</translation>
    </message>
    <message>
        <source>a role named “%1” exists already</source>
        <translation>ya existe un rol llamado “%1”</translation>
    </message>
    <message>
        <source>Only for a sign-in with a &amp;second factor</source>
        <translation>Solo para un inicio de sesión con &amp;segundo factor</translation>
    </message>
    <message>
        <source>Tokens of this role are issued only to a patron who signed in with a password and a phone code or security key (and to the desk).</source>
        <translation>Los tokens de este rol solo se emiten a un usuario que inició sesión con contraseña y un código del teléfono o una llave de seguridad (y al mostrador).</translation>
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
        <translation>He guardado el token raíz en un lugar seguro</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuar</translation>
    </message>
    <message>
        <source>Root Token</source>
        <translation>Token raíz</translation>
    </message>
    <message>
        <source>&lt;p&gt;The store is ready. This is its &lt;b&gt;root token&lt;/b&gt;: it can do everything, and Tessera shows it &lt;b&gt;only this once&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Keep it offline (a password manager, a sealed envelope in the safe). The console itself needs only the passphrase.&lt;/p&gt;</source>
        <translation>&lt;p&gt;El almacén está listo. Este es su &lt;b&gt;token raíz&lt;/b&gt;: puede hacerlo todo, y Tessera lo muestra &lt;b&gt;solo esta vez&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Guárdelo fuera de línea (un gestor de contraseñas, un sobre cerrado en la caja fuerte). La consola solo necesita la frase de contraseña.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Root token</source>
        <translation>Token raíz</translation>
    </message>
    <message>
        <source>Copy the root token</source>
        <translation>Copiar el token raíz</translation>
    </message>
    <message>
        <source>Copies the token; the clipboard is cleared after a minute and when the console locks.</source>
        <translation>Copia el token; el portapapeles se vacía al cabo de un minuto y cuando la consola se bloquea.</translation>
    </message>
    <message>
        <source>Accessor: %1</source>
        <translation>Accesor: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SearchBar</name>
    <message>
        <source>Only &amp;matches</source>
        <translation>Sol&amp;o coincidencias</translation>
    </message>
    <message>
        <source>Find a token by name, accessor, policy or metadata value (e.g. a patron id)…</source>
        <translation>Buscar un token por nombre, accesor, política o valor de metadatos (p. ej., un n.º de lector)…</translation>
    </message>
    <message>
        <source>Search tokens</source>
        <translation>Buscar tokens</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Coincidencia anterior (Mayús+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Coincidencia siguiente (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <source>Show only the matching tokens, from anywhere in the store</source>
        <translation>Mostrar solo los tokens que coinciden, de cualquier parte del almacén</translation>
    </message>
    <message>
        <source>999 of 999+</source>
        <translation>999 de 999+</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>%1 of %2+</source>
        <translation>%1 de %2+</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SecondFactorDialog</name>
    <message>
        <source>Second Factor: %1</source>
        <translation>Segundo factor: %1</translation>
    </message>
    <message>
        <source>What signing in as &lt;b&gt;%1&lt;/b&gt; asks for after the password.</source>
        <translation>Lo que pide el inicio de sesión como &lt;b&gt;%1&lt;/b&gt; después de la contraseña.</translation>
    </message>
    <message>
        <source>Authenticator app (TOTP)</source>
        <translation>Aplicación de autenticación (TOTP)</translation>
    </message>
    <message>
        <source>QR code of the key</source>
        <translation>Código QR de la clave</translation>
    </message>
    <message>
        <source>Scan this QR code with the authenticator app on the phone (FreeOTP, Aegis, Google Authenticator…), or add the key by hand as a time-based account:</source>
        <translation>Escanee este código QR con la aplicación de autenticación del teléfono (FreeOTP, Aegis, Google Authenticator…) o añada la clave a mano como cuenta basada en tiempo:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>The key is shown only now. Then type the code the app shows.</source>
        <translation>La clave solo se muestra ahora. Después escriba el código que muestra la aplicación.</translation>
    </message>
    <message>
        <source>Code from the app</source>
        <translation>Código de la aplicación</translation>
    </message>
    <message>
        <source>&amp;Code from the app:</source>
        <translation>&amp;Código de la aplicación:</translation>
    </message>
    <message>
        <source>Turn &amp;On</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <source>Turn O&amp;ff…</source>
        <translation>&amp;Desactivar…</translation>
    </message>
    <message>
        <source>Cannot read the second factors: %1</source>
        <translation>No se pueden leer los segundos factores: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Off.&lt;/b&gt; The password alone signs in.</source>
        <translation>&lt;b&gt;Desactivado.&lt;/b&gt; Basta la contraseña para iniciar sesión.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waiting for the first code.&lt;/b&gt; Sign-in does not ask for a code until one from the app turns it on.</source>
        <translation>&lt;b&gt;Esperando el primer código.&lt;/b&gt; El inicio de sesión no pide ningún código hasta que uno de la aplicación lo active.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waiting for the first code.&lt;/b&gt; Sign-in does not ask for a code yet. If the app has the key already, type the code it shows; if not, set it up again.</source>
        <translation>&lt;b&gt;Esperando el primer código.&lt;/b&gt; El inicio de sesión aún no pide ningún código. Si la aplicación ya tiene la clave, escriba el código que muestra; si no, vuelva a configurarla.</translation>
    </message>
    <message>
        <source>&lt;b&gt;On.&lt;/b&gt; Signing in asks for a code from the authenticator app after the password.</source>
        <translation>&lt;b&gt;Activado.&lt;/b&gt; El inicio de sesión pide un código de la aplicación de autenticación después de la contraseña.</translation>
    </message>
    <message>
        <source>Set Up &amp;Again</source>
        <translation>&amp;Volver a configurar</translation>
    </message>
    <message>
        <source>&amp;Set Up an Authenticator App</source>
        <translation>Con&amp;figurar una aplicación de autenticación</translation>
    </message>
    <message>
        <source>Not set up: %1</source>
        <translation>No se configuró: %1</translation>
    </message>
    <message>
        <source>The QR code could not be made; add the key by hand.</source>
        <translation>No se pudo generar el código QR; añada la clave a mano.</translation>
    </message>
    <message>
        <source>Not turned on: %1</source>
        <translation>No se activó: %1</translation>
    </message>
    <message>
        <source>Turned on: from the next sign-in, %1 needs a code from the app.</source>
        <translation>Activado: desde el próximo inicio de sesión, %1 necesita un código de la aplicación.</translation>
    </message>
    <message>
        <source>Turn Off the Authenticator App?</source>
        <translation>¿Desactivar la aplicación de autenticación?</translation>
    </message>
    <message>
        <source>Turn &amp;Off</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>%1 will sign in with the password alone. Using an app again takes a new set-up with a new key.</source>
        <translation>%1 iniciará sesión solo con la contraseña. Para volver a usar una aplicación hay que configurarla de nuevo con una clave nueva.</translation>
    </message>
    <message>
        <source>The key waiting for its first code is removed; an app that has it will show codes that no longer work.</source>
        <translation>Se elimina la clave que espera su primer código; una aplicación que la tenga mostrará códigos que ya no sirven.</translation>
    </message>
    <message>
        <source>Not turned off: %1</source>
        <translation>No se desactivó: %1</translation>
    </message>
    <message>
        <source>Turned off: %1 signs in with the password alone.</source>
        <translation>Desactivado: %1 inicia sesión solo con la contraseña.</translation>
    </message>
    <message>
        <source>Security keys (WebAuthn)</source>
        <translation>Llaves de seguridad (WebAuthn)</translation>
    </message>
    <message>
        <source>Security keys</source>
        <translation>Llaves de seguridad</translation>
    </message>
    <message>
        <source>Keys are added by their owner in a browser: after signing in on the gate, the page &lt;b&gt;/gate/keys&lt;/b&gt; adds one (the server needs &lt;tt&gt;serve --gate-origin&lt;/tt&gt;). Each key has the name its owner gave it.</source>
        <translation>Las llaves las añade su propietario en un navegador: tras iniciar sesión en la puerta, la página &lt;b&gt;/gate/keys&lt;/b&gt; añade una (el servidor necesita &lt;tt&gt;serve --gate-origin&lt;/tt&gt;). Cada llave lleva el nombre que le dio su propietario.</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>The account&apos;s settings require: %1.</source>
        <translation>La configuración de la cuenta exige: %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Off.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Desactivado.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;On&lt;/b&gt;, but not asked for: the account&apos;s settings require a security key.</source>
        <translation>&lt;b&gt;Activado&lt;/b&gt;, pero no se pide: la configuración de la cuenta exige una llave de seguridad.</translation>
    </message>
    <message>
        <source>&lt;b&gt;None.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ninguna.&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n key(s).&lt;/b&gt; Signing in accepts any one of them after the password.</source>
        <translation>
            <numerusform>&lt;b&gt;%n llave.&lt;/b&gt; El inicio de sesión la acepta después de la contraseña.</numerusform>
            <numerusform>&lt;b&gt;%n llaves.&lt;/b&gt; El inicio de sesión acepta cualquiera de ellas después de la contraseña.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n key(s)&lt;/b&gt;, not asked for: the account&apos;s settings require a code from the authenticator app.</source>
        <translation>
            <numerusform>&lt;b&gt;%n llave&lt;/b&gt;, que no se pide: la configuración de la cuenta exige un código de la aplicación de autenticación.</numerusform>
            <numerusform>&lt;b&gt;%n llaves&lt;/b&gt;, que no se piden: la configuración de la cuenta exige un código de la aplicación de autenticación.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the Security Key?</source>
        <translation>¿Quitar la llave de seguridad?</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>“%1” will no longer sign in as %2. Using it again takes adding it again on the gate.</source>
        <translation>«%1» ya no iniciará sesión como %2. Para volver a usarla hay que añadirla de nuevo en la puerta.</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>No se ha quitado: %1</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>Se ha quitado «%1».</translation>
    </message>
    <message>
        <source>Then %1 cannot sign in at all: the account&apos;s settings require what this removes.</source>
        <translation>Entonces %1 no podrá iniciar sesión de ningún modo: la configuración de la cuenta exige lo que esto quita.</translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>Aplicación de autenticación</translation>
    </message>
    <message>
        <source>Security key</source>
        <translation>Llave de seguridad</translation>
    </message>
    <message>
        <source>Either</source>
        <translation>Cualquiera de los dos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>With this requirement %1 cannot sign in: no authenticator app is turned on yet. Turn one on first (Second Factor…).</source>
        <translation>Con esta exigencia %1 no puede iniciar sesión: todavía no tiene ninguna aplicación de autenticación activada. Active una primero (Segundo factor…).</translation>
    </message>
    <message>
        <source>With this requirement %1 cannot sign in, not even to add a security key: %1 has none yet. Set it after %1 has added one on the gate&apos;s page /gate/keys.</source>
        <translation>Con esta exigencia %1 no puede iniciar sesión, ni siquiera para añadir una llave de seguridad: %1 todavía no tiene ninguna. Establézcala cuando %1 haya añadido una en la página /gate/keys de la puerta.</translation>
    </message>
    <message>
        <source>With this requirement %1 cannot sign in: %1 has neither an authenticator app nor a security key yet. Set it after one of them is set up.</source>
        <translation>Con esta exigencia %1 no puede iniciar sesión: %1 todavía no tiene ni aplicación de autenticación ni llave de seguridad. Establézcala cuando una de las dos esté configurada.</translation>
    </message>
    <message>
        <source>%1 will no longer be asked for a code. Using an app again takes a new set-up with a new key.</source>
        <translation>A %1 ya no se le pedirá un código. Para volver a usar una aplicación hay que configurarla de nuevo con una clave nueva.</translation>
    </message>
    <message>
        <source>Turned off: %1 is no longer asked for a code.</source>
        <translation>Desactivado: a %1 ya no se le pide un código.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ServerControl</name>
    <message>
        <source>Running at %1</source>
        <translation>En ejecución en %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TokenDetailsPane</name>
    <message>
        <source>Token details</source>
        <translation>Detalles del token</translation>
    </message>
    <message>
        <source>Accessor:</source>
        <translation>Accesor:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Padre:</translation>
    </message>
    <message>
        <source>Policies:</source>
        <translation>Políticas:</translation>
    </message>
    <message>
        <source>Metadata:</source>
        <translation>Metadatos:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <source>Created by path:</source>
        <translation>Creado por la ruta:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Emitido por:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Creado:</translation>
    </message>
    <message>
        <source>TTL at creation:</source>
        <translation>TTL al crearse:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Caduca:</translation>
    </message>
    <message>
        <source>TTL left:</source>
        <translation>TTL restante:</translation>
    </message>
    <message>
        <source>Explicit max TTL:</source>
        <translation>TTL máximo explícito:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <source>Renewable:</source>
        <translation>Renovable:</translation>
    </message>
    <message>
        <source>Last renewal:</source>
        <translation>Última renovación:</translation>
    </message>
    <message>
        <source>Uses left:</source>
        <translation>Usos restantes:</translation>
    </message>
    <message>
        <source>Tokens below:</source>
        <translation>Descendientes:</translation>
    </message>
    <message>
        <source>No token selected</source>
        <translation>Ningún token seleccionado</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens selected</source>
        <translation>
            <numerusform>%n token seleccionado</numerusform>
            <numerusform>%n tokens seleccionados</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lote</translation>
    </message>
    <message>
        <source>service</source>
        <translation>servicio</translation>
    </message>
    <message>
        <source>none (root)</source>
        <translation>ninguno (raíz)</translation>
    </message>
    <message>
        <source>none (orphan)</source>
        <translation>ninguno (huérfano)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitado</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>contando…</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>nunca caduca</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Accessor: %1</source>
        <translation>Accesor: %1</translation>
    </message>
    <message>
        <source>First use:</source>
        <translation>Primer uso:</translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation>Último uso:</translation>
    </message>
    <message>
        <source>not yet used: its TTL starts at its first use, which must come by %1</source>
        <translation>aún sin usar: su TTL empieza con su primer uso, que debe llegar antes del %1</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>not yet used</source>
        <translation>aún sin usar</translation>
    </message>
    <message>
        <source>Warn before expiry:</source>
        <translation>Avisar antes de caducar:</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TokenSettingsEditor</name>
    <message>
        <source>Service, unless the request asks for batch</source>
        <translation>De servicio, salvo que la solicitud pida de lote</translation>
    </message>
    <message>
        <source>Batch, unless the request asks for service</source>
        <translation>De lote, salvo que la solicitud pida de servicio</translation>
    </message>
    <message>
        <source>Always service</source>
        <translation>Siempre de servicio</translation>
    </message>
    <message>
        <source>Always batch</source>
        <translation>Siempre de lote</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>De servicio</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>De lote</translation>
    </message>
    <message>
        <source>Token t&amp;ype:</source>
        <translation>T&amp;ipo de token:</translation>
    </message>
    <message>
        <source>&amp;TTL:</source>
        <translation>TT&amp;L:</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source>&amp;Max TTL:</source>
        <translation>TTL &amp;máximo:</translation>
    </message>
    <message>
        <source>Max TTL</source>
        <translation>TTL máximo</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>E&amp;xplicit max TTL:</source>
        <translation>TTL máximo e&amp;xplícito:</translation>
    </message>
    <message>
        <source>Explicit max TTL</source>
        <translation>TTL máximo explícito</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>Peri&amp;odo:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Not periodic</source>
        <translation>No periódico</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Ilimitado</translation>
    </message>
    <message>
        <source>Use l&amp;imit:</source>
        <translation>Límite de u&amp;sos:</translation>
    </message>
    <message>
        <source>Wit&amp;hout the “default” policy</source>
        <translation>Sin la polític&amp;a “default”</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Políticas</translation>
    </message>
    <message>
        <source>Po&amp;licies of its tokens:</source>
        <translation>Po&amp;líticas de sus tokens:</translation>
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
        <translation>Buscar un archivo de almacén</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Desbloqueando</translation>
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
        <translation>Abrir almacén</translation>
    </message>
    <message>
        <source>Tessera stores (*.store);;All files (*)</source>
        <translation>Almacenes de Tessera (*.store);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Escriba la frase de contraseña.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Frase de contraseña incorrecta. Compruebe Bloq Mayús y la distribución del teclado y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>%1 is not a Tessera store (or was written by a newer Tessera).</source>
        <translation>%1 no es un almacén de Tessera (o lo escribió una versión más reciente de Tessera).</translation>
    </message>
    <message>
        <source>The store %1 is damaged and cannot be opened. Restore it from a backup.</source>
        <translation>El almacén %1 está dañado y no se puede abrir. Restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>There is no store at %1. Choose another file or create a new store.</source>
        <translation>No hay ningún almacén en %1. Elija otro archivo o cree un almacén nuevo.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>Cannot open the store: %1</source>
        <translation>No se puede abrir el almacén: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::UserEditor</name>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>&amp;Users:</source>
        <translation>&amp;Usuarios:</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>p. ej., alice</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repetir contraseña:</translation>
    </message>
    <message>
        <source>Login state:</source>
        <translation>Estado de inicio de sesión:</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>leave empty to keep the current one</source>
        <translation>déjelo vacío para conservar la actual</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Cuenta nueva</translation>
    </message>
    <message>
        <source>&lt;b&gt;Locked&lt;/b&gt; until %1 (failed logins: %2). Setting a new password unlocks the account.</source>
        <translation>&lt;b&gt;Bloqueada&lt;/b&gt; hasta %1 (inicios de sesión fallidos: %2). Al establecer una contraseña nueva se desbloquea la cuenta.</translation>
    </message>
    <message>
        <source>Can log in (failed logins since the last success: %1)</source>
        <translation>Puede iniciar sesión (inicios de sesión fallidos desde el último correcto: %1)</translation>
    </message>
    <message>
        <source>Can log in</source>
        <translation>Puede iniciar sesión</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Asigne un nombre a la cuenta.</translation>
    </message>
    <message>
        <source>Set a password for the new account.</source>
        <translation>Establezca una contraseña para la cuenta nueva.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>an account named “%1” exists already</source>
        <translation>ya existe una cuenta llamada “%1”</translation>
    </message>
    <message>
        <source>Second &amp;Factor…</source>
        <translation>Segundo &amp;factor…</translation>
    </message>
    <message>
        <source>Second factor:</source>
        <translation>Segundo factor:</translation>
    </message>
    <message>
        <source>Can be set up once the account is saved</source>
        <translation>Se puede configurar cuando la cuenta esté guardada</translation>
    </message>
    <message>
        <source>Authenticator app set up, waiting for its first code</source>
        <translation>Aplicación de autenticación configurada, esperando su primer código</translation>
    </message>
    <message>
        <source>A code from an authenticator app or a security key after the password</source>
        <translation>Un código de una aplicación de autenticación o una llave de seguridad después de la contraseña</translation>
    </message>
    <message>
        <source>Which second factor signing in must pass after the password. None: whatever the account has set up, if anything.</source>
        <translation>Qué segundo factor debe superar el inicio de sesión después de la contraseña. Ninguno: lo que la cuenta tenga configurado, si tiene algo.</translation>
    </message>
    <message>
        <source>Second factor re&amp;quired:</source>
        <translation>Segundo factor e&amp;xigido:</translation>
    </message>
    <message>
        <source>None set up</source>
        <translation>Ninguno configurado</translation>
    </message>
    <message numerus="yes">
        <source>%n security key(s)</source>
        <translation>
            <numerusform>%n llave de seguridad</numerusform>
            <numerusform>%n llaves de seguridad</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n security key(s); an authenticator app waits for its first code</source>
        <translation>
            <numerusform>%n llave de seguridad; una aplicación de autenticación espera su primer código</numerusform>
            <numerusform>%n llaves de seguridad; una aplicación de autenticación espera su primer código</numerusform>
        </translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>Aplicación de autenticación</translation>
    </message>
    <message numerus="yes">
        <source>Authenticator app and %n security key(s)</source>
        <translation>
            <numerusform>Aplicación de autenticación y %n llave de seguridad</numerusform>
            <numerusform>Aplicación de autenticación y %n llaves de seguridad</numerusform>
        </translation>
    </message>
    <message>
        <source>the new account</source>
        <translation>la cuenta nueva</translation>
    </message>
    <message>
        <source>Security &amp;keys must check a PIN or fingerprint</source>
        <translation>Las &amp;llaves de seguridad deben comprobar un PIN o una huella</translation>
    </message>
    <message>
        <source>Refuse a security key that only sees a touch, when adding one and at every sign-in. Turn on only when the account&apos;s keys can check a PIN or fingerprint.</source>
        <translation>Rechazar una llave de seguridad que solo detecta un toque, al añadirla y en cada inicio de sesión. Actívelo solo si las llaves de la cuenta pueden comprobar un PIN o una huella.</translation>
    </message>
</context>
</TS>
