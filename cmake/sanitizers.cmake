# -DREDSHIFT_ODBC_SANITIZE=address,undefined instruments every target (tests/run builds it as a
# second variant). Undefined behaviour aborts instead of printing and carrying on.
if(REDSHIFT_ODBC_SANITIZE)
    add_compile_options(-fsanitize=${REDSHIFT_ODBC_SANITIZE} -fno-omit-frame-pointer
                        -fno-sanitize-recover=all)
    add_link_options(-fsanitize=${REDSHIFT_ODBC_SANITIZE})
    add_compile_definitions(_GLIBCXX_ASSERTIONS)
endif()
