#include "catalog/type_names.h"

#include "types/type_table.h"

#include <array>
#include <cctype>
#include <charconv>
#include <string>

namespace rsodbc::catalog {

namespace {

struct Alias {
    std::string_view name;
    unsigned type_oid;
};

// format_type() spellings, their short forms, and the Hive names Spectrum uses.
// clang-format off
constexpr std::array aliases{
    Alias{"smallint", types::oid::int2},          Alias{"int2", types::oid::int2},
    Alias{"tinyint", types::oid::int2},           Alias{"integer", types::oid::int4},
    Alias{"int", types::oid::int4},               Alias{"int4", types::oid::int4},
    Alias{"bigint", types::oid::int8},            Alias{"int8", types::oid::int8},
    Alias{"real", types::oid::float4},            Alias{"float4", types::oid::float4},
    Alias{"float", types::oid::float4},           Alias{"double precision", types::oid::float8},
    Alias{"double", types::oid::float8},          Alias{"float8", types::oid::float8},
    Alias{"numeric", types::oid::numeric},        Alias{"decimal", types::oid::numeric},
    Alias{"boolean", types::oid::boolean},        Alias{"bool", types::oid::boolean},
    Alias{"character", types::oid::bpchar},       Alias{"char", types::oid::bpchar},
    Alias{"bpchar", types::oid::bpchar},          Alias{"nchar", types::oid::bpchar},
    Alias{"character varying", types::oid::varchar}, Alias{"varchar", types::oid::varchar},
    Alias{"nvarchar", types::oid::varchar},       Alias{"string", types::oid::varchar},
    Alias{"text", types::oid::text},              Alias{"name", types::oid::name},
    Alias{"\"char\"", types::oid::single_char},   Alias{"oid", types::oid::oid},
    Alias{"date", types::oid::date},
    Alias{"time", types::oid::time},              Alias{"time without time zone", types::oid::time},
    Alias{"timetz", types::oid::timetz},          Alias{"time with time zone", types::oid::timetz},
    Alias{"timestamp", types::oid::timestamp},
    Alias{"timestamp without time zone", types::oid::timestamp},
    Alias{"timestamptz", types::oid::timestamptz},
    Alias{"timestamp with time zone", types::oid::timestamptz},
    Alias{"interval year to month", types::oid::interval_year_to_month},
    Alias{"interval day to second", types::oid::interval_day_to_second},
    Alias{"super", types::oid::super},            Alias{"varbyte", types::oid::varbyte},
    Alias{"binary varying", types::oid::varbyte}, Alias{"varbinary", types::oid::varbyte},
    Alias{"binary", types::oid::varbyte},         Alias{"geometry", types::oid::geometry},
    Alias{"geography", types::oid::geography},    Alias{"bytea", types::oid::bytea},
    Alias{"uuid", types::oid::uuid},
};

// clang-format on

// "(a)" or "(a,b)" -> numbers; false when absent or malformed.
bool parse_arguments(std::string_view text, int& first, int& second) {
    if (text.size() < 3 || text.front() != '(' || text.back() != ')') {
        return false;
    }
    text = text.substr(1, text.size() - 2);
    const std::size_t comma = text.find(',');
    const std::string_view a = text.substr(0, comma);
    if (std::from_chars(a.data(), a.data() + a.size(), first).ec != std::errc()) {
        return false;
    }
    if (comma != std::string_view::npos) {
        std::string_view b = text.substr(comma + 1);
        while (!b.empty() && b.front() == ' ') {
            b.remove_prefix(1);
        }
        if (std::from_chars(b.data(), b.data() + b.size(), second).ec != std::errc()) {
            return false;
        }
    }
    return true;
}

int modifier_for(unsigned type_oid, bool has_arguments, int first, int second) {
    if (!has_arguments) {
        return -1;
    }
    switch (type_oid) {
        case types::oid::numeric:
            return ((first << 16) | second) + 4;
        case types::oid::bpchar:
        case types::oid::varchar:
        case types::oid::varbyte:
            return first + 4;
        case types::oid::time:
        case types::oid::timetz:
        case types::oid::timestamp:
        case types::oid::timestamptz:
            return first;  // fractional-second digits
        default:
            return -1;
    }
}

}  // namespace

ServerType server_type_from_name(std::string_view name) {
    std::string lowered;
    for (const char c : name) {
        lowered.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    while (!lowered.empty() && lowered.back() == ' ') {
        lowered.pop_back();
    }
    // "timestamp(3) without time zone": the arguments sit before the zone words.
    std::string base = lowered;
    std::string arguments;
    const std::size_t open = lowered.find('(');
    if (open != std::string::npos) {
        const std::size_t close = lowered.find(')', open);
        if (close != std::string::npos) {
            arguments = lowered.substr(open, close - open + 1);
            base = lowered.substr(0, open) + lowered.substr(close + 1);
        }
    }
    while (!base.empty() && base.back() == ' ') {
        base.pop_back();
    }
    // "time(3) without time zone" leaves a double blank behind.
    if (const std::size_t blanks = base.find("  "); blanks != std::string::npos) {
        base.erase(blanks, 1);
    }
    for (const Alias& alias : aliases) {
        if (alias.name == base) {
            int first = 0;
            int second = 0;
            const bool has_arguments = parse_arguments(arguments, first, second);
            return {alias.type_oid, modifier_for(alias.type_oid, has_arguments, first, second)};
        }
    }
    // Hive's array<...>, struct<...>, map<...> and anything unknown arrive as text.
    return {types::oid::text, -1};
}

}  // namespace rsodbc::catalog
