#include "setup/lib/dsn_attributes.h"

#include "config/keywords.h"

#include <odbcinst.h>

#include <algorithm>
#include <cstring>

namespace rsodbc::setup {

namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Case-insensitive Levenshtein distance: keyword names are short, so the quadratic cost is nothing.
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

Attributes split_attributes(const char* list) {
    Attributes out;
    if (list == nullptr) {
        return out;
    }
    while (*list != '\0') {
        const std::string_view entry(list);
        const auto equals = entry.find('=');
        if (equals == std::string_view::npos) {
            out.emplace_back(std::string(entry), std::string());
        } else {
            out.emplace_back(std::string(entry.substr(0, equals)),
                             std::string(entry.substr(equals + 1)));
        }
        list += entry.size() + 1;
    }
    return out;
}

std::string suggest_keyword(std::string_view unknown) {
    std::string best;
    // More than a third of the name wrong is a different word, not a typo.
    std::size_t best_distance = std::max<std::size_t>(1, unknown.size() / 3) + 1;
    for (const auto& keyword : config::all_keywords()) {
        auto consider = [&](std::string_view name) {
            const std::size_t d = distance(unknown, name);
            if (d < best_distance) {
                best_distance = d;
                best = std::string(keyword.name);
            }
        };
        consider(keyword.name);
        for (const auto alias : keyword.aliases) {
            consider(alias);
        }
    }
    return best;
}

std::string validate(Attributes& attributes) {
    for (auto& [key, value] : attributes) {
        const config::Keyword* keyword = config::find_keyword(key);
        if (keyword == nullptr) {
            std::string message = "unknown keyword '" + key + "'";
            if (const std::string guess = suggest_keyword(key); !guess.empty()) {
                message += " (did you mean '" + guess + "'?)";
            }
            return message;
        }
        key = std::string(keyword->name);
        const std::string& given = value;  // clang 14 cannot capture a structured binding
        if (!keyword->choices.empty() && !given.empty()
            && std::none_of(
                keyword->choices.begin(), keyword->choices.end(),
                [&](std::string_view choice) { return config::iequals(choice, given); })) {
            std::string message = key + "=" + value + " is not one of:";
            for (const auto choice : keyword->choices) {
                message += " ";
                message += choice;
            }
            return message;
        }
    }
    return {};
}

bool config_dsn(int request, std::string_view driver, Attributes attributes) {
    std::string dsn;
    for (const auto& [key, value] : attributes) {
        if (config::iequals(key, config::kw::dsn)) {
            dsn = value;
        }
    }
    if (dsn.empty()) {
        SQLPostInstallerError(ODBC_ERROR_INVALID_KEYWORD_VALUE,
                              "redshift-odbc setup: no DSN=name in the attributes");
        return false;
    }
    if (request == ODBC_REMOVE_DSN || request == ODBC_REMOVE_SYS_DSN) {
        if (!SQLRemoveDSNFromIni(dsn.c_str())) {
            SQLPostInstallerError(ODBC_ERROR_REQUEST_FAILED,
                                  "redshift-odbc setup: could not remove the data source");
            return false;
        }
        return true;
    }
    if (const std::string error = validate(attributes); !error.empty()) {
        const std::string message = "redshift-odbc setup: " + error;
        SQLPostInstallerError(ODBC_ERROR_INVALID_KEYWORD_VALUE, message.c_str());
        return false;
    }
    if (!SQLValidDSN(dsn.c_str())) {
        SQLPostInstallerError(ODBC_ERROR_INVALID_DSN, "redshift-odbc setup: invalid DSN name");
        return false;
    }
    const std::string driver_name(driver);
    if (request == ODBC_ADD_DSN || request == ODBC_ADD_SYS_DSN) {
        if (!SQLWriteDSNToIni(dsn.c_str(), driver_name.c_str())) {
            SQLPostInstallerError(ODBC_ERROR_REQUEST_FAILED,
                                  "redshift-odbc setup: could not write the data source");
            return false;
        }
    }
    for (const auto& [key, value] : attributes) {
        if (key == config::kw::dsn || key == config::kw::driver) {
            continue;
        }
        if (!SQLWritePrivateProfileString(dsn.c_str(), key.c_str(), value.c_str(), "odbc.ini")) {
            SQLPostInstallerError(ODBC_ERROR_REQUEST_FAILED,
                                  "redshift-odbc setup: could not write a keyword");
            return false;
        }
    }
    return true;
}

}  // namespace rsodbc::setup
