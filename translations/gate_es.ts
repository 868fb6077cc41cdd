<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>GatePage</name>
    <message>
        <source>Sign in to the library</source>
        <translation>Iniciar sesión en la biblioteca</translation>
    </message>
    <message>
        <source>User name or library card number</source>
        <translation>Nombre de usuario o número de carné de la biblioteca</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Your sign-in ends when you sign out, or by itself after a while.</source>
        <translation>Su sesión termina cuando la cierra o, por sí sola, pasado un tiempo.</translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation>Ha iniciado sesión</translation>
    </message>
    <message>
        <source>You can now open the library&apos;s online resources.</source>
        <translation>Ya puede abrir los recursos en línea de la biblioteca.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Signing out ends your access on this browser at once.</source>
        <translation>Al cerrar la sesión, su acceso en este navegador termina de inmediato.</translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>Ha cerrado la sesión</translation>
    </message>
    <message>
        <source>Your access on this browser has ended. You can close this window.</source>
        <translation>Su acceso en este navegador ha terminado. Puede cerrar esta ventana.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Volver a iniciar sesión</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>El nombre de usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>Please fill in your user name and your password.</source>
        <translation>Escriba su nombre de usuario y su contraseña.</translation>
    </message>
    <message>
        <source>This form has expired. Please fill it in once more.</source>
        <translation>Este formulario ha caducado. Rellénelo de nuevo.</translation>
    </message>
    <message>
        <source>Too many attempts. Please try again in %1 seconds.</source>
        <translation>Demasiados intentos. Vuelva a intentarlo dentro de %1 segundos.</translation>
    </message>
    <message>
        <source>The page that sent you here is not one the library links to, so you will not be sent back to it.</source>
        <translation>La página de la que viene no es una de las que enlaza la biblioteca, así que no se le devolverá a ella.</translation>
    </message>
    <message>
        <source>Signing in is not possible right now. Please ask at the desk.</source>
        <translation>Ahora no es posible iniciar sesión. Pregunte en el mostrador.</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Cerrar sesión en todas partes</translation>
    </message>
    <message>
        <source>Signing out everywhere also ends your sign-ins on other computers.</source>
        <translation>Al cerrar sesión en todas partes también terminan sus sesiones en otros ordenadores.</translation>
    </message>
    <message>
        <source>Your link has been used, or your sign-in has ended. Please sign in.</source>
        <translation>Su enlace ya se ha usado o su sesión ha terminado. Inicie sesión.</translation>
    </message>
    <message>
        <source>This link has been used</source>
        <translation>Este enlace ya se ha usado</translation>
    </message>
    <message>
        <source>A link for one document opens it once, and only until it expires. Ask the library for a new link, or sign in.</source>
        <translation>Un enlace a un documento lo abre una sola vez y solo hasta que caduca. Pida un enlace nuevo a la biblioteca o inicie sesión.</translation>
    </message>
    <message>
        <source>Your account is protected by a second step. Open the authenticator app on your phone and type the code it shows for Tessera.</source>
        <translation>Su cuenta está protegida con un segundo paso. Abra la aplicación de autenticación de su teléfono y escriba el código que muestra para Tessera.</translation>
    </message>
    <message>
        <source>Six-digit code</source>
        <translation>Código de seis dígitos</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>That code was not right, or it came too late. Please sign in again and use the newest code.</source>
        <translation>Ese código no es correcto o llegó demasiado tarde. Inicie sesión de nuevo y use el código más reciente.</translation>
    </message>
    <message>
        <source>Your account is protected by a second step. Have your security key or ring ready, then press the button and touch the key.</source>
        <translation>Su cuenta está protegida por un segundo paso. Tenga a mano su llave de seguridad o anillo, pulse el botón y toque la llave.</translation>
    </message>
    <message>
        <source>Your account is protected by a second step: use your security key, or type the code your authenticator app shows.</source>
        <translation>Su cuenta está protegida por un segundo paso: use su llave de seguridad o escriba el código que muestra su aplicación de autenticación.</translation>
    </message>
    <message>
        <source>Use a security key</source>
        <translation>Usar una llave de seguridad</translation>
    </message>
    <message>
        <source>or</source>
        <translation>o</translation>
    </message>
    <message>
        <source>The security key did not answer, or the time ran out. Please try again.</source>
        <translation>La llave de seguridad no respondió o se acabó el tiempo. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>This browser cannot use security keys.</source>
        <translation>Este navegador no puede usar llaves de seguridad.</translation>
    </message>
    <message>
        <source>Security keys need JavaScript, which is switched off in this browser.</source>
        <translation>Las llaves de seguridad necesitan JavaScript, que está desactivado en este navegador.</translation>
    </message>
    <message>
        <source>Your security keys</source>
        <translation>Sus llaves de seguridad</translation>
    </message>
    <message>
        <source>A security key or ring protects your account: after your password, the library asks you to touch it.</source>
        <translation>Una llave de seguridad o un anillo protege su cuenta: después de la contraseña, la biblioteca le pide que la toque.</translation>
    </message>
    <message>
        <source>You have no security key yet.</source>
        <translation>Todavía no tiene ninguna llave de seguridad.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Llave</translation>
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
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Add a key</source>
        <translation>Añadir una llave</translation>
    </message>
    <message>
        <source>Name of the key</source>
        <translation>Nombre de la llave</translation>
    </message>
    <message>
        <source>e.g. Blue key</source>
        <translation>p. ej. Llave azul</translation>
    </message>
    <message>
        <source>Add a security key</source>
        <translation>Añadir una llave de seguridad</translation>
    </message>
    <message>
        <source>The security key was not accepted. Please sign in again.</source>
        <translation>La llave de seguridad no fue aceptada. Inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>The key was added. The library will ask for it from your next sign-in on.</source>
        <translation>La llave se añadió. La biblioteca la pedirá a partir de su próximo inicio de sesión.</translation>
    </message>
    <message>
        <source>The key could not be added. Give it a name you have not used yet, and try again.</source>
        <translation>No se pudo añadir la llave. Dele un nombre que aún no haya usado e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The key was removed.</source>
        <translation>La llave se quitó.</translation>
    </message>
    <message>
        <source>This account needs a second factor that is not set up yet. Please ask at the desk.</source>
        <translation>Esta cuenta necesita un segundo factor que todavía no está configurado. Pregunte en el mostrador.</translation>
    </message>
    <message>
        <source>Sign in with a pass code</source>
        <translation>Iniciar sesión con el código del pase</translation>
    </message>
    <message>
        <source>Type the code printed under the QR code on your pass. Capital or small letters, spaces and hyphens do not matter.</source>
        <translation>Escriba el código impreso bajo el código QR de su pase. Da igual si usa mayúsculas o minúsculas, espacios o guiones.</translation>
    </message>
    <message>
        <source>Pass code</source>
        <translation>Código del pase</translation>
    </message>
    <message>
        <source>Sign in with a user name and password</source>
        <translation>Iniciar sesión con nombre de usuario y contraseña</translation>
    </message>
    <message>
        <source>Please type the code printed on your pass.</source>
        <translation>Escriba el código impreso en su pase.</translation>
    </message>
    <message>
        <source>The code has a typo. A pass code has 13 letters and digits, printed in groups like ABCD-EFGH-JKMN-P. Please check it and type it again.</source>
        <translation>El código tiene un error. Un código de pase tiene 13 letras y cifras, impresas en grupos como ABCD-EFGH-JKMN-P. Revíselo y escríbalo de nuevo.</translation>
    </message>
    <message>
        <source>This code does not open a pass, or the pass has ended. Please check it, or ask at the desk.</source>
        <translation>Este código no abre ningún pase, o el pase ha terminado. Revíselo o pregunte en el mostrador.</translation>
    </message>
</context>
</TS>
