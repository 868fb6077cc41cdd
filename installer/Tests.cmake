# Packaging checks registered with CTest (label "packaging").
find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
    add_test(NAME metainfo_valid COMMAND ${APPSTREAMCLI} validate --no-net --strict
                                         ${TESSERA_RESOURCES}/${TESSERA_APP_ID}.metainfo.xml)
    set_tests_properties(metainfo_valid PROPERTIES LABELS packaging)
endif()
add_test(NAME release_notes_name_version
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/check-release-notes.sh ${PROJECT_VERSION}
                 ${TESSERA_RESOURCES}/${TESSERA_APP_ID}.metainfo.xml
                 ${CMAKE_CURRENT_SOURCE_DIR}/debian/changelog)
set_tests_properties(release_notes_name_version PROPERTIES LABELS packaging)
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(DESKTOP_FILE_VALIDATE)
    add_test(NAME desktop_file_valid
             COMMAND ${DESKTOP_FILE_VALIDATE} ${TESSERA_RESOURCES}/${TESSERA_APP_ID}.desktop)
    set_tests_properties(desktop_file_valid PROPERTIES LABELS packaging)
endif()

# Builds the packages, installs the .deb on this machine with apt-get, runs what it
# installed and removes it again. Needs root (or sudo): exit code 77 means skipped.
add_test(NAME package_install COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test-package.sh ${CMAKE_BINARY_DIR})
set_tests_properties(package_install PROPERTIES LABELS packaging RUN_SERIAL TRUE
                                                SKIP_RETURN_CODE 77 TIMEOUT 600)
