# Every dependency comes from a Debian 12 package (see tests/run and setup/quickstart).
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(ODBC REQUIRED IMPORTED_TARGET odbc)
pkg_check_modules(ODBCINST REQUIRED IMPORTED_TARGET odbcinst)
find_package(spdlog REQUIRED)
# IAM (driver/auth/): SigV4 hashing (libssl-dev), the HTTPS calls to AWS (libcurl4-openssl-dev)
# and JSON answers (nlohmann-json3-dev, header-only: no runtime dependency).
find_package(OpenSSL REQUIRED)
pkg_check_modules(LIBCURL REQUIRED IMPORTED_TARGET libcurl)
find_package(nlohmann_json 3 REQUIRED)
if(REDSHIFT_ODBC_TESTS)
    find_package(doctest REQUIRED)
endif()
