# CPack: tessera_<version>_<arch>.deb for Debian 12 and a .tar.gz of the same tree.
#   cpack --config <build>/CPackConfig.cmake -B <build>/packages
set(CPACK_PACKAGE_NAME tessera)
set(CPACK_PACKAGE_VENDOR "The Tessera developers")
set(CPACK_PACKAGE_CONTACT "The Tessera developers <tessera@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "token console for library access")
# Lines of at most 80 characters: dpkg shows them as they are.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Tessera is a desktop admin console for the people at a library desk who\n"
    "grant patrons and visitors temporary access to e-resources, reading rooms,\n"
    "Wi-Fi and archives.\n"
    "\n"
    "It embeds a token engine that follows HashiCorp Vault's token model:\n"
    "service and batch tokens, parent and child trees, TTLs, use limits,\n"
    "accessors and roles. Everything is kept in one encrypted SQLCipher file,\n"
    "and every change is recorded in a hash-chained audit log.\n"
    "\n"
    "The package holds the console (tessera) and the command line (tessera-cli).")
set(CPACK_PACKAGE_INSTALL_DIRECTORY tessera)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_SOURCE_GENERATOR "")

execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE TESSERA_DEB_ARCH
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT TESSERA_DEB_ARCH)
    set(TESSERA_DEB_ARCH ${CMAKE_SYSTEM_PROCESSOR})
endif()
set(CPACK_PACKAGE_FILE_NAME tessera_${PROJECT_VERSION}_${TESSERA_DEB_ARCH})

# Debian: dpkg-shlibdeps (dpkg-dev) derives the library packages (libqt6*6, libsqlcipher0,
# libssl3, libstdc++6, ...) from the binaries. It cannot see plugins Qt loads at run time:
# libqt6svg6 holds the SVG icon engine and image format plugin the console's icons need.
# The xcb and offscreen platform plugins are in libqt6gui6 itself, so qt6-qpa-plugins
# (VNC, touch input) is not needed; qt6-wayland is for Wayland sessions.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${TESSERA_DEB_ARCH})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(TARGET tessera)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
endif()
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

include(CPack)
