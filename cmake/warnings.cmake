# Our own targets build with these warnings; third-party headers are SYSTEM includes.
# -Werror only when asked (tests/run and CI turn it on): packagers build with their own compilers
# and flags (Debian's dpkg-buildflags, -O3), where a new false positive must not stop the build.
option(REDSHIFT_ODBC_WERROR "Treat compiler warnings in our own code as errors" OFF)
function(rsodbc_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor)
    # GCC 12 at -O2/-O3 reports -Wrestrict false positives inside std::string's operator+ and
    # append (GCC bug 105329, fixed in GCC 13): they came back file after file, so the warning is
    # off for GCC before 13 rather than worked around at each call.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
        target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(REDSHIFT_ODBC_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
