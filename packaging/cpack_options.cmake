# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE).
if(NOT CPACK_RSODBC_INSTALL_PREFIX STREQUAL "/usr")
    message(FATAL_ERROR "redshift-odbc packages: configure with -DCMAKE_INSTALL_PREFIX=/usr "
                        "(this build uses ${CPACK_RSODBC_INSTALL_PREFIX}); see packaging/README.md")
endif()
# Debian's copyright file carries the license in the .deb (a second license file is a lintian
# error); the .rpm carries LICENSE.
if(CPACK_GENERATOR STREQUAL "DEB")
    list(REMOVE_ITEM CPACK_COMPONENTS_ALL license)
elseif(CPACK_GENERATOR STREQUAL "RPM")
    list(REMOVE_ITEM CPACK_COMPONENTS_ALL debian)
endif()
