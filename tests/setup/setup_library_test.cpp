// The setup library (libredshiftodbcS.so) as its two callers use it (issue 12 item 5):
// - ODBCINSTGetProperties, loaded with dlopen, checked key by key against the driver's keyword
//   table (name, default, choices, prompt type, help): the two lists cannot drift apart;
// - ConfigDSN, reached through unixODBC's SQLConfigDataSource (which finds the library through the
//   "Setup =" line of odbcinst.ini) and also called directly with a NULL window, against a private
//   ODBCSYSINI/ODBCINI: add, change and remove user and system DSNs; unknown keywords and values
//   outside a keyword's choices are refused with an installer error and write nothing.
//
// Needs no server and no environment: main() writes its own odbcinst.ini in a temporary directory
// before the first odbcinst call. RSODBC_SETUP_LIBRARY and RSODBC_DRIVER_LIBRARY are the built
// libraries' paths (CMake).
#define DOCTEST_CONFIG_IMPLEMENT
#include "config/keywords.h"

#include <doctest/doctest.h>
#include <odbcinst.h>
#include <odbcinstext.h>

#include <array>
#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;
using rsodbc::config::Keyword;

constexpr const char* driver_name = "Redshift Setup Test";

fs::path& ini_dir() {
    static fs::path dir;
    return dir;
}

fs::path system_odbc_ini() {
    return ini_dir() / "odbc.ini";
}

fs::path user_odbc_ini() {
    return ini_dir() / "user-odbc.ini";
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The keywords the library lists: the driver manager adds Name, Description and Driver itself.
std::vector<const Keyword*> listed_keywords() {
    namespace kw = rsodbc::config::kw;
    std::vector<const Keyword*> out;
    for (const Keyword& keyword : rsodbc::config::all_keywords()) {
        if (keyword.name != kw::dsn && keyword.name != kw::driver
            && keyword.name != kw::description) {
            out.push_back(&keyword);
        }
    }
    return out;
}

struct Library {
    void* handle = dlopen(RSODBC_SETUP_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;
    Library() = default;

    ~Library() {
        if (handle != nullptr) {
            dlclose(handle);
        }
    }

    template <typename F>
    F* symbol(const char* name) const {
        return reinterpret_cast<F*>(dlsym(handle, name));
    }
};

// The property list as unixODBC frees it (ODBCINSTDestructProperties does the same walk).
void free_properties(HODBCINSTPROPERTY property) {
    while (property != nullptr) {
        HODBCINSTPROPERTY next = property->pNext;
        std::free(static_cast<void*>(property->aPromptData));
        std::free(property->pszHelp);
        std::free(property);
        property = next;
    }
}

struct InstallerError {
    DWORD code = 0;
    std::string message;
};

// ConfigDSN called directly is not an installer function, so nothing clears the error stack
// between calls: the newest record is the last one.
InstallerError installer_error() {
    InstallerError error;
    for (WORD record = 1; record <= 8; ++record) {
        std::array<char, 512> message{};
        DWORD code = 0;
        WORD length = 0;
        if (SQLInstallerError(record, &code, message.data(), static_cast<WORD>(message.size()),
                              &length)
            == SQL_NO_DATA) {
            break;
        }
        error.code = code;
        error.message = message.data();
    }
    return error;
}

std::string profile(const char* dsn, const char* key) {
    std::array<char, 256> value{};
    SQLGetPrivateProfileString(dsn, key, "<absent>", value.data(), static_cast<int>(value.size()),
                               "odbc.ini");
    return value.data();
}

// Attributes as "KEY=value\0...\0"s: c_str() adds the list's final NUL.
BOOL configure(WORD request, const std::string& attributes) {
    return SQLConfigDataSource(nullptr, request, driver_name, attributes.c_str());
}

}  // namespace

TEST_CASE("setup: the library exports exactly the three setup entry points") {
    const Library library;
    REQUIRE_MESSAGE(library.handle != nullptr, dlerror());
    CHECK(library.symbol<void>("ODBCINSTGetProperties") != nullptr);
    CHECK(library.symbol<void>("ConfigDSN") != nullptr);
    CHECK(library.symbol<void>("ConfigDriver") != nullptr);
    // The version script keeps the core private: nothing of it leaks into the host program.
    CHECK(library.symbol<void>("_ZN6rsodbc6config12all_keywordsEv") == nullptr);
}

TEST_CASE("setup: ODBCINSTGetProperties lists the driver's keyword table key by key") {
    const Library library;
    REQUIRE_MESSAGE(library.handle != nullptr, dlerror());
    auto* get_properties = library.symbol<int(HODBCINSTPROPERTY)>("ODBCINSTGetProperties");
    {
        const bool found = get_properties != nullptr;
        REQUIRE(found);
    }

    // The driver manager's head of the list (it holds Name/Description/Driver); the library
    // appends after the last node.
    auto* head = static_cast<HODBCINSTPROPERTY>(std::calloc(1, sizeof(ODBCINSTPROPERTY)));
    REQUIRE(head != nullptr);
    REQUIRE(get_properties(head) == ODBCINST_SUCCESS);
    CHECK(get_properties(nullptr) == ODBCINST_ERROR);

    const std::vector<const Keyword*> expected = listed_keywords();
    std::size_t count = 0;
    HODBCINSTPROPERTY property = head->pNext;
    for (const Keyword* keyword : expected) {
        REQUIRE_MESSAGE(property != nullptr, "list ends before " << keyword->name);
        CAPTURE(keyword->name);
        CHECK(std::string_view(property->szName) == keyword->name);
        CHECK(std::string_view(property->szValue) == keyword->default_value);
        REQUIRE(property->pszHelp != nullptr);
        CHECK(std::string_view(property->pszHelp) == keyword->doc);
        if (!keyword->choices.empty()) {
            CHECK(property->nPromptType == ODBCINST_PROMPTTYPE_LISTBOX);
            REQUIRE(property->aPromptData != nullptr);
            std::size_t i = 0;
            for (; property->aPromptData[i] != nullptr; ++i) {
                REQUIRE(i < keyword->choices.size());
                CHECK(std::string_view(property->aPromptData[i]) == keyword->choices[i]);
            }
            CHECK(i == keyword->choices.size());
        } else {
            CHECK(property->aPromptData == nullptr);
            CHECK(property->nPromptType
                  == (keyword->secret ? ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD
                                      : ODBCINST_PROMPTTYPE_TEXTEDIT));
        }
        property = property->pNext;
        ++count;
    }
    CHECK_MESSAGE(property == nullptr, "extra property " << property->szName);
    CHECK(count == expected.size());
    CHECK(count > 40);  // the table, not a stub
    free_properties(head);
}

TEST_CASE("setup: odbcinst finds the library through Setup= and builds the property list") {
    HODBCINSTPROPERTY first = nullptr;
    REQUIRE(ODBCINSTConstructProperties(const_cast<char*>(driver_name), &first)
            == ODBCINST_SUCCESS);
    std::vector<std::string> names;
    for (HODBCINSTPROPERTY p = first; p != nullptr; p = p->pNext) {
        names.emplace_back(p->szName);
    }
    ODBCINSTDestructProperties(&first);
    // unixODBC's own three first, then the driver's keywords.
    REQUIRE(names.size() == 3 + listed_keywords().size());
    CHECK(names[0] == "Name");
    CHECK(names[3] == listed_keywords().front()->name);
    CHECK(names.back() == listed_keywords().back()->name);
}

TEST_CASE("setup: SQLConfigDataSource adds, changes and removes a user DSN") {
    REQUIRE(configure(ODBC_ADD_DSN,
                      "DSN=setup_user\0Host=db.example\0"
                      "PortNumber=5439\0SSLMode=Verify-Full\0"s));
    const std::string user_ini = read_file(user_odbc_ini());
    CHECK(user_ini.find("[setup_user]") != std::string::npos);
    CHECK(read_file(system_odbc_ini()).find("[setup_user]") == std::string::npos);
    CHECK(profile("setup_user", "Driver") == driver_name);
    // Other drivers' spellings are written under the canonical name.
    CHECK(profile("setup_user", "Server") == "db.example");
    CHECK(profile("setup_user", "Port") == "5439");
    CHECK(profile("setup_user", "SSLMode") == "Verify-Full");
    CHECK(user_ini.find("Host") == std::string::npos);

    REQUIRE(configure(ODBC_CONFIG_DSN, "DSN=setup_user\0Port=5440\0"s));
    CHECK(profile("setup_user", "Port") == "5440");
    CHECK(profile("setup_user", "Server") == "db.example");

    REQUIRE(configure(ODBC_REMOVE_DSN, "DSN=setup_user\0"s));
    CHECK(read_file(user_odbc_ini()).find("[setup_user]") == std::string::npos);
}

TEST_CASE("setup: a system DSN goes to the system odbc.ini") {
    REQUIRE(configure(ODBC_ADD_SYS_DSN, "DSN=setup_system\0Server=sys.example\0"s));
    CHECK(read_file(system_odbc_ini()).find("[setup_system]") != std::string::npos);
    CHECK(read_file(user_odbc_ini()).find("[setup_system]") == std::string::npos);
    CHECK(profile("setup_system", "Server") == "sys.example");
    REQUIRE(configure(ODBC_REMOVE_SYS_DSN, "DSN=setup_system\0"s));
    CHECK(read_file(system_odbc_ini()).find("[setup_system]") == std::string::npos);
}

TEST_CASE("setup: an unknown keyword is refused with an installer error naming the closest one") {
    CHECK_FALSE(configure(ODBC_ADD_DSN, "DSN=setup_typo\0Sever=x\0"s));
    const InstallerError error = installer_error();
    CHECK(error.code == ODBC_ERROR_INVALID_KEYWORD_VALUE);
    CHECK(error.message.find("unknown keyword 'Sever'") != std::string::npos);
    CHECK(error.message.find("did you mean 'Server'") != std::string::npos);
    CHECK(read_file(user_odbc_ini()).find("[setup_typo]") == std::string::npos);
}

TEST_CASE("setup: a value outside a keyword's choices is refused") {
    CHECK_FALSE(configure(ODBC_ADD_DSN, "DSN=setup_choice\0SSLMode=bogus\0"s));
    const InstallerError error = installer_error();
    CHECK(error.code == ODBC_ERROR_INVALID_KEYWORD_VALUE);
    CHECK(error.message.find("SSLMode=bogus is not one of:") != std::string::npos);
    CHECK(error.message.find("verify-full") != std::string::npos);
    CHECK(read_file(user_odbc_ini()).find("[setup_choice]") == std::string::npos);
}

TEST_CASE("setup: ConfigDSN called directly with no window") {
    const Library library;
    REQUIRE_MESSAGE(library.handle != nullptr, dlerror());
    auto* config_dsn = library.symbol<BOOL(HWND, WORD, LPCSTR, LPCSTR)>("ConfigDSN");
    auto* config_driver =
        library.symbol<BOOL(HWND, WORD, LPCSTR, LPCSTR, LPSTR, WORD, WORD*)>("ConfigDriver");
    {
        const bool found = config_dsn != nullptr;
        REQUIRE(found);
    }
    {
        const bool found = config_driver != nullptr;
        REQUIRE(found);
    }

    SQLSetConfigMode(ODBC_USER_DSN);
    CHECK_FALSE(config_dsn(nullptr, ODBC_ADD_DSN, driver_name, "DSN=direct\0Databse=dev\0"));
    InstallerError error = installer_error();
    CHECK(error.code == ODBC_ERROR_INVALID_KEYWORD_VALUE);
    CHECK(error.message.find("did you mean 'Database'") != std::string::npos);

    CHECK_FALSE(config_dsn(nullptr, ODBC_ADD_DSN, driver_name, "Server=no-name\0"));
    error = installer_error();
    CHECK(error.code == ODBC_ERROR_INVALID_KEYWORD_VALUE);
    CHECK(error.message.find("no DSN=name") != std::string::npos);

    CHECK_FALSE(config_dsn(nullptr, ODBC_ADD_DSN, driver_name, "DSN=bad[name]\0"));
    CHECK(installer_error().code == ODBC_ERROR_INVALID_DSN);

    REQUIRE(config_dsn(nullptr, ODBC_ADD_DSN, driver_name, "DSN=direct\0db=dev\0"));
    CHECK(profile("direct", "Database") == "dev");
    REQUIRE(config_dsn(nullptr, ODBC_REMOVE_DSN, driver_name, "DSN=direct\0"));
    // unixODBC caches what it read; the file is the truth.
    CHECK(read_file(user_odbc_ini()).find("[direct]") == std::string::npos);
    SQLSetConfigMode(ODBC_BOTH_DSN);

    std::array<char, 64> message{'x'};
    WORD message_length = 99;
    CHECK(config_driver(nullptr, ODBC_INSTALL_DRIVER, driver_name, "", message.data(),
                        static_cast<WORD>(message.size()), &message_length));
    CHECK(message[0] == '\0');
    CHECK(message_length == 0);
    CHECK_FALSE(config_driver(nullptr, 99, driver_name, "", nullptr, 0, nullptr));
}

int main(int argc, char** argv) {
    // A private odbcinst.ini that registers the built libraries, and empty DSN files: the test
    // never reads or writes the machine's or the user's files.
    std::string pattern = (fs::temp_directory_path() / "rsodbc-setup-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        return 2;
    }
    ini_dir() = pattern;
    std::ofstream(ini_dir() / "odbcinst.ini") << "[" << driver_name << "]\n"
                                              << "Driver = " << RSODBC_DRIVER_LIBRARY << "\n"
                                              << "Setup = " << RSODBC_SETUP_LIBRARY << "\n";
    std::ofstream(system_odbc_ini()).flush();
    std::ofstream(user_odbc_ini()).flush();
    setenv("ODBCSYSINI", ini_dir().c_str(), 1);
    setenv("ODBCINSTINI", "odbcinst.ini", 1);
    setenv("ODBCINI", user_odbc_ini().c_str(), 1);
    setenv("HOME", ini_dir().c_str(), 1);

    doctest::Context context(argc, argv);
    const int result = context.run();
    std::error_code ignored;
    fs::remove_all(ini_dir(), ignored);
    return result;
}
