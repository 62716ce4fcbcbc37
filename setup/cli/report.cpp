#include "setup/cli/report.h"

#include "setup/cli/json.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string_view>

namespace rsodbc::cli {

namespace {

std::string milliseconds(double ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f ms", ms);
    return text;
}

// "tls=1;protocol=TLSv1.3;cipher=...;verified=full" → its value for `key`, or "".
std::string tls_field(const std::string& tls, std::string_view key) {
    std::string_view rest = tls;
    while (!rest.empty()) {
        const auto end = rest.find(';');
        const std::string_view pair = rest.substr(0, end);
        const auto equals = pair.find('=');
        if (equals != std::string_view::npos && pair.substr(0, equals) == key) {
            return std::string(pair.substr(equals + 1));
        }
        if (end == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(end + 1);
    }
    return {};
}

std::string tls_summary(const Report& report) {
    if (report.tls.empty()) {
        return "unknown (the driver does not report it: " + report.tls_reason + ")";
    }
    if (tls_field(report.tls, "tls") != "1") {
        return "off (not encrypted)";
    }
    const std::string verified = tls_field(report.tls, "verified");
    const std::string meaning = verified == "full" ? "certificate and host name verified"
                                : verified == "ca" ? "certificate verified, host name not"
                                                   : "certificate not verified";
    return tls_field(report.tls, "protocol") + ", " + tls_field(report.tls, "cipher") + ", "
           + meaning;
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& out) {
    for (const Diagnostic& d : diagnostics) {
        out << "  SQLSTATE " << d.sqlstate << ": " << d.message << '\n';
    }
}

void json_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& out) {
    out << '[';
    const char* separator = "";
    for (const Diagnostic& d : diagnostics) {
        out << separator << "{\"sqlstate\": " << json_string(d.sqlstate)
            << ", \"native\": " << d.native << ", \"message\": " << json_string(d.message) << '}';
        separator = ", ";
    }
    out << ']';
}

void json_notes(const std::vector<KeywordNote>& notes, std::string_view note_key,
                std::ostream& out) {
    out << '[';
    const char* separator = "";
    for (const KeywordNote& n : notes) {
        out << separator << "{\"name\": " << json_string(n.name) << ", " << json_string(note_key)
            << ": " << json_string(n.note) << '}';
        separator = ", ";
    }
    out << ']';
}

void json_number_or_null(double value, std::ostream& out) {
    if (value < 0) {
        out << "null";
    } else {
        char text[32];
        std::snprintf(text, sizeof text, "%.3f", value);
        out << text;
    }
}

}  // namespace

void print_text(const Report& report, std::ostream& out) {
    out << "redshift-odbc check " << (report.target_is_dsn ? "DSN " : "") << report.target
        << "\n\nKeywords (value, where it came from):\n";
    // Columns: name, value (long values overflow rather than widen every line), source.
    constexpr std::size_t max_value_width = 32;
    std::size_t width = 0;
    std::size_t value_width = 0;
    for (const auto& k : report.keywords) {
        width = std::max(width, k.name.size());
        value_width = std::max(value_width, std::min(k.value.size(), max_value_width));
    }
    for (const auto& k : report.keywords) {
        const std::string value = k.value.empty() ? "(empty)" : k.value;
        out << "  " << k.name << std::string(width - k.name.size() + 2, ' ') << value
            << std::string(value.size() < value_width ? value_width - value.size() : 0, ' ')
            << "  [" << k.source << "]\n";
    }
    if (!report.unknown.empty()) {
        out << "\nUnknown keywords (ignored by the driver):\n";
        for (const auto& n : report.unknown) {
            out << "  " << n.name
                << (n.note.empty() ? " (no similar keyword)" : ": did you mean " + n.note + "?")
                << '\n';
        }
    }
    if (!report.unsupported.empty()) {
        out << "\nNot supported by this driver:\n";
        for (const auto& n : report.unsupported) {
            out << "  " << n.name << ": " << n.note << '\n';
        }
    }
    if (!report.ignored.empty()) {
        out << "\nRecognised, nothing to do:\n";
        for (const auto& n : report.ignored) {
            out << "  " << n.name << ": " << n.note << '\n';
        }
    }
    out << "\nDriver: " << (report.driver_name.empty() ? "(none given)" : report.driver_name);
    if (!report.driver_path.empty()) {
        out << " -> " << report.driver_path;
    }
    out << '\n';
    if (!report.connected) {
        out << "Connection: FAILED";
        if (report.connect_ms >= 0) {
            out << " after " << milliseconds(report.connect_ms);
        }
        out << '\n';
        print_diagnostics(report.connect_diagnostics, out);
        out << "Hint: " << report.hint.text << '\n';
        return;
    }
    out << "Connection: OK in " << milliseconds(report.connect_ms) << '\n';
    print_diagnostics(report.connect_diagnostics, out);
    out << "Server: " << report.dbms_name << ' ' << report.dbms_version << " (flavour "
        << report.flavor << ")\n"
        << "Database: " << report.database << ", user " << report.user << '\n'
        << "Driver version: " << report.driver_version << '\n'
        << "TLS: " << tls_summary(report) << '\n';
    if (report.round_trip_ms >= 0) {
        out << "Round trip (SELECT 1): " << milliseconds(report.round_trip_ms) << '\n';
    } else {
        out << "Round trip (SELECT 1): FAILED\n";
        print_diagnostics(report.query_diagnostics, out);
        out << "Hint: " << report.hint.text << '\n';
    }
    if (report.exit_code == 0) {
        out << "OK\n";
    }
}

void print_json(const Report& report, std::ostream& out) {
    out << "{\n  \"ok\": " << (report.exit_code == 0 ? "true" : "false")
        << ",\n  \"exit_code\": " << report.exit_code
        << ",\n  \"target\": " << json_string(report.target)
        << ",\n  \"target_is_dsn\": " << (report.target_is_dsn ? "true" : "false")
        << ",\n  \"keywords\": [";
    const char* separator = "";
    for (const auto& k : report.keywords) {
        out << separator << "\n    {\"name\": " << json_string(k.name)
            << ", \"value\": " << json_string(k.value) << ", \"source\": " << json_string(k.source)
            << '}';
        separator = ",";
    }
    out << "],\n  \"unknown_keywords\": ";
    json_notes(report.unknown, "did_you_mean", out);
    out << ",\n  \"unsupported_keywords\": ";
    json_notes(report.unsupported, "reason", out);
    out << ",\n  \"ignored_keywords\": ";
    json_notes(report.ignored, "reason", out);
    out << ",\n  \"driver\": {\"name\": " << json_string(report.driver_name)
        << ", \"path\": " << json_string(report.driver_path)
        << ", \"version\": " << json_string(report.driver_version) << '}'
        << ",\n  \"connected\": " << (report.connected ? "true" : "false")
        << ",\n  \"connect_ms\": ";
    json_number_or_null(report.connect_ms, out);
    out << ",\n  \"connect_diagnostics\": ";
    json_diagnostics(report.connect_diagnostics, out);
    out << ",\n  \"hint\": ";
    if (report.hint.cause.empty()) {
        out << "null";
    } else {
        out << "{\"cause\": " << json_string(report.hint.cause)
            << ", \"text\": " << json_string(report.hint.text) << '}';
    }
    out << ",\n  \"server\": ";
    if (report.connected) {
        out << "{\"dbms_name\": " << json_string(report.dbms_name)
            << ", \"dbms_version\": " << json_string(report.dbms_version)
            << ", \"flavor\": " << json_string(report.flavor)
            << ", \"database\": " << json_string(report.database)
            << ", \"user\": " << json_string(report.user) << '}';
    } else {
        out << "null";
    }
    out << ",\n  \"tls\": ";
    if (!report.connected) {
        out << "null";
    } else if (report.tls.empty()) {
        out << "{\"state\": \"unknown\", \"reason\": " << json_string(report.tls_reason) << '}';
    } else {
        out << "{\"state\": " << json_string(report.tls);
        for (const std::string_view key : {"tls", "protocol", "cipher", "verified"}) {
            out << ", " << json_string(key) << ": " << json_string(tls_field(report.tls, key));
        }
        out << '}';
    }
    out << ",\n  \"round_trip_ms\": ";
    json_number_or_null(report.round_trip_ms, out);
    out << ",\n  \"query_diagnostics\": ";
    json_diagnostics(report.query_diagnostics, out);
    out << "\n}\n";
}

}  // namespace rsodbc::cli
