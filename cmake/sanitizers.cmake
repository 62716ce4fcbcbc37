# -DREDSHIFT_ODBC_SANITIZE=address,undefined instruments every target (tests/run builds it as a
# second variant). Undefined behaviour aborts instead of printing and carrying on.
if(REDSHIFT_ODBC_SANITIZE)
    add_compile_options(-fsanitize=${REDSHIFT_ODBC_SANITIZE} -fno-omit-frame-pointer
                        -fno-sanitize-recover=all)
    add_link_options(-fsanitize=${REDSHIFT_ODBC_SANITIZE})
    add_compile_definitions(_GLIBCXX_ASSERTIONS)
    # g++ 12 reports -Wmaybe-uninitialized false positives inside std::variant/std::optional once
    # ASan instrumentation is added (seen in catalog/info_table.cpp); the plain build keeps the check.
    # clang (the ThreadSanitizer build) has no such warning and rejects the option under -Werror.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        add_compile_options(-Wno-maybe-uninitialized)
    endif()
endif()
# clang links the sanitizer runtime into executables only: a shared library's references to it
# are resolved when the program loads it, so -Wl,--no-undefined cannot hold there (tsan variant).
if(REDSHIFT_ODBC_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    set(RSODBC_NO_UNDEFINED "")
else()
    set(RSODBC_NO_UNDEFINED -Wl,--no-undefined)
endif()
