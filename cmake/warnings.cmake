# Our own targets build with these warnings; third-party headers are SYSTEM includes.
# -Werror only when asked (tests/run and CI turn it on): packagers build with their own compilers
# and flags (Debian's dpkg-buildflags, -O3), where a new false positive must not stop the build.
option(REDSHIFT_ODBC_WERROR "Treat compiler warnings in our own code as errors" OFF)
function(rsodbc_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor)
    if(REDSHIFT_ODBC_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
