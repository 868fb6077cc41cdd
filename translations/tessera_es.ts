<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
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
    <name>LongTask</name>
    <message>
        <source>Please wait</source>
        <translation>Espere, por favor</translation>
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
    <message>
        <source>Issued by: %1</source>
        <translation>Emitido por: %1</translation>
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
        <source>Revoke “%1”? Its children stay valid and become orphans.</source>
        <translation>¿Revocar “%1”? Sus hijos siguen siendo válidos y quedan huérfanos.</translation>
    </message>
    <message numerus="yes">
        <source>Revoke these %n tokens? Their children stay valid and become orphans.</source>
        <translation>
            <numerusform>¿Revocar este token? Sus hijos siguen siendo válidos y quedan huérfanos.</numerusform>
            <numerusform>¿Revocar estos %n tokens? Sus hijos siguen siendo válidos y quedan huérfanos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke the selected tokens and everything below them?</source>
        <translation>¿Revocar los tokens seleccionados y todo lo que hay debajo?</translation>
    </message>
    <message numerus="yes">
        <source>Revoke “%1” and the %n token(s) below it?</source>
        <translation>
            <numerusform>¿Revocar “%1” y el token que hay debajo?</numerusform>
            <numerusform>¿Revocar “%1” y los %n tokens que hay debajo?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n token(s): the selected ones and everything below them?</source>
        <translation>
            <numerusform>¿Revocar %n token: el seleccionado y todo lo que hay debajo?</numerusform>
            <numerusform>¿Revocar %n tokens: los seleccionados y todo lo que hay debajo?</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>They stop working at once. This cannot be undone.</source>
        <translation>Dejan de funcionar de inmediato. Esto no se puede deshacer.</translation>
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
</TS>
