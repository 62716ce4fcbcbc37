// The doctest main of the integration_tests program.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <clocale>

int main(int argc, char** argv) {
    // A UTF-8 locale, so a driver converting SQL_C_CHAR data to the client's locale (psqlODBC's
    // Unicode driver does) hands back UTF-8 rather than '?' in a differential run.
    std::setlocale(LC_ALL, "C.UTF-8");
    doctest::Context context(argc, argv);
    return context.run();
}
