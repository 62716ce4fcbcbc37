// libredshiftodbcS.so: the setup library unixODBC loads for the driver's "Setup =" entry.
// ODBCINSTGetProperties lists every DSN keyword for ODBCManageDataSourcesQ4/odbcinst-based tools,
// straight from the driver's keyword table (config/keywords.h), so a keyword added there appears
// here with its default, choices and help text without a second list. ConfigDSN adds, changes and
// removes DSNs for SQLConfigDataSource; ConfigDriver has nothing to set up.
#include "config/keywords.h"
#include "setup/lib/dsn_attributes.h"

#include <odbcinstext.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>

namespace {

using rsodbc::config::Keyword;

// Keywords the driver manager puts in front of every property list itself (Name, Description,
// Driver) or that only make sense in a connection string.
bool listed_by_driver_manager(const Keyword& keyword) {
    namespace kw = rsodbc::config::kw;
    return keyword.name == kw::dsn || keyword.name == kw::driver || keyword.name == kw::description;
}

// Choice strings for aPromptData. unixODBC frees the pointer array but not the strings it points
// to, and it dlcloses this library only after it has freed the list, so the strings live here.
const char* stable_c_string(std::string_view text) {
    static std::deque<std::string> storage;
    return storage.emplace_back(text).c_str();
}

void copy_bounded(char* destination, std::size_t capacity, std::string_view text) {
    const std::size_t n = std::min(text.size(), capacity - 1);
    std::memcpy(destination, text.data(), n);
    destination[n] = '\0';
}

// The list's nodes, prompt arrays and help texts are released by unixODBC with free(), so they are
// allocated with calloc/malloc here: the API's ownership contract, not a choice.
HODBCINSTPROPERTY make_property(const Keyword& keyword) {
    auto* property = static_cast<HODBCINSTPROPERTY>(std::calloc(1, sizeof(ODBCINSTPROPERTY)));
    if (property == nullptr) {
        return nullptr;
    }
    copy_bounded(property->szName, sizeof property->szName, keyword.name);
    copy_bounded(property->szValue, sizeof property->szValue, keyword.default_value);
    if (!keyword.choices.empty()) {
        property->nPromptType = ODBCINST_PROMPTTYPE_LISTBOX;
        auto** choices =
            static_cast<char**>(std::calloc(keyword.choices.size() + 1, sizeof(char*)));
        if (choices != nullptr) {
            for (std::size_t i = 0; i < keyword.choices.size(); ++i) {
                choices[i] = const_cast<char*>(stable_c_string(keyword.choices[i]));
            }
        }
        property->aPromptData = choices;
    } else if (keyword.secret) {
        property->nPromptType = ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD;
    } else {
        property->nPromptType = ODBCINST_PROMPTTYPE_TEXTEDIT;
    }
    if (auto* help = static_cast<char*>(std::malloc(keyword.doc.size() + 1)); help != nullptr) {
        copy_bounded(help, keyword.doc.size() + 1, keyword.doc);
        property->pszHelp = help;
    }
    return property;
}

}  // namespace

extern "C" {

int ODBCINSTGetProperties(HODBCINSTPROPERTY last) {
    if (last == nullptr) {
        return ODBCINST_ERROR;
    }
    try {
        while (last->pNext != nullptr) {
            last = last->pNext;
        }
        for (const Keyword& keyword : rsodbc::config::all_keywords()) {
            if (listed_by_driver_manager(keyword)) {
                continue;
            }
            HODBCINSTPROPERTY property = make_property(keyword);
            if (property == nullptr) {
                return ODBCINST_ERROR;
            }
            last->pNext = property;
            last = property;
        }
        return ODBCINST_SUCCESS;
    } catch (...) {
        return ODBCINST_ERROR;
    }
}

BOOL ConfigDSN(HWND /*parent: no dialogs*/, WORD request, LPCSTR driver, LPCSTR attributes) {
    try {
        return rsodbc::setup::config_dsn(request, driver != nullptr ? driver : "",
                                         rsodbc::setup::split_attributes(attributes))
                   ? 1
                   : 0;
    } catch (...) {
        SQLPostInstallerError(ODBC_ERROR_OUT_OF_MEM, "redshift-odbc setup: out of memory");
        return 0;
    }
}

// Installing or removing the driver needs nothing beyond what odbcinst writes itself.
BOOL ConfigDriver(HWND /*parent*/, WORD request, LPCSTR /*driver*/, LPCSTR /*args*/, LPSTR message,
                  WORD message_max, WORD* message_out) {
    if (message != nullptr && message_max > 0) {
        message[0] = '\0';
    }
    if (message_out != nullptr) {
        *message_out = 0;
    }
    return request == ODBC_INSTALL_DRIVER || request == ODBC_REMOVE_DRIVER
                   || request == ODBC_CONFIG_DRIVER
               ? 1
               : 0;
}

}  // extern "C"
