#include "sql/placeholders.h"
#include "sql/sql_error.h"

#include <doctest/doctest.h>

#include <string>

using rsodbc::sql::number_markers;
using rsodbc::sql::PreparedText;
using rsodbc::sql::ScanOptions;
using rsodbc::sql::SqlTextError;

namespace {

std::string numbered(std::string_view sql) {
    return number_markers(sql).text;
}

std::size_t error_offset(std::string_view sql) {
    try {
        number_markers(sql);
    } catch (const SqlTextError& error) {
        return error.offset;
    }
    return std::string::npos;
}

}  // namespace

TEST_SUITE_BEGIN("sql placeholders");

TEST_CASE("sql placeholders: ? markers become $1..$n in order") {
    const PreparedText prepared = number_markers("INSERT INTO t (a, b, c) VALUES (?, ?, ?)");
    CHECK(prepared.text == "INSERT INTO t (a, b, c) VALUES ($1, $2, $3)");
    CHECK(prepared.marker_count == 3);
    CHECK(numbered("SELECT * FROM t WHERE a = ? AND b IN (?,?,?,?,?,?,?,?,?,?)")
          == "SELECT * FROM t WHERE a = $1 AND b IN ($2,$3,$4,$5,$6,$7,$8,$9,$10,$11)");
    CHECK(numbered("SELECT ?::int, CAST(? AS date)") == "SELECT $1::int, CAST($2 AS date)");
}

TEST_CASE("sql placeholders: quotes, comments and dollar quotes are copied untouched") {
    const std::string sql =
        "SELECT '?', E'\\'?', \"a?b\", $$?$$, $tag$ ? $tag$, ? -- ?\n"
        "/* /* ? */ ? */ FROM t WHERE x = ?; -- VALUES ; ?";
    const PreparedText prepared = number_markers(sql);
    CHECK(prepared.text
          == "SELECT '?', E'\\'?', \"a?b\", $$?$$, $tag$ ? $tag$, $1 -- ?\n"
             "/* /* ? */ ? */ FROM t WHERE x = $2; -- VALUES ; ?");
    CHECK(prepared.marker_count == 2);
}

TEST_CASE("sql placeholders: a space keeps $n from joining a neighbour") {
    CHECK(numbered("a=?AND b=?") == "a=$1 AND b=$2");
    CHECK(numbered("LIMIT?") == "LIMIT $1");
    CHECK(numbered("?1") == "$1 1");
    CHECK(numbered("$?") == "$ $1");
    CHECK(numbered("??") == "$1$2");
    CHECK(numbered("?$$x$$") == "$1 $$x$$");
    CHECK(numbered("(?)") == "($1)");
    CHECK(numbered("\xc3\xa9?") == "\xc3\xa9 $1");
}

TEST_CASE("sql placeholders: PostgreSQL $n text is left alone") {
    const PreparedText prepared = number_markers("SELECT $2, $1, $2 WHERE '?' <> $3");
    CHECK(prepared.text == "SELECT $2, $1, $2 WHERE '?' <> $3");
    CHECK(prepared.marker_count == 3);
    CHECK(number_markers("SELECT $$?$$, 1").marker_count == 0);
    CHECK(number_markers("SELECT 1").text == "SELECT 1");
    CHECK(number_markers("").marker_count == 0);
    CHECK(number_markers("SELECT $65535").marker_count == 65535);
}

TEST_CASE("sql placeholders: errors") {
    CHECK(error_offset("SELECT ?, $1") == 10);
    CHECK(error_offset("SELECT $1, ?") == 11);
    CHECK(error_offset("SELECT $65536") == 7);
    CHECK(error_offset("SELECT $99999999999999999999999999") == 7);
    CHECK(error_offset("SELECT '$1', ?") == std::string::npos);
}

TEST_CASE("sql placeholders: numbering twice is numbering once") {
    for (const char* sql :
         {"?", "a?b", "SELECT ?, '?', ?1", "?$$x$$?", "INSERT INTO t VALUES (?,?)"}) {
        INFO(sql);
        const PreparedText once = number_markers(sql);
        const PreparedText twice = number_markers(once.text);
        CHECK(twice.text == once.text);
        CHECK(twice.marker_count == once.marker_count);
    }
}

TEST_CASE("sql placeholders: standard_conforming_strings off") {
    ScanOptions old_style;
    old_style.standard_conforming_strings = false;
    CHECK(number_markers("SELECT '\\'?', ?", old_style).text == "SELECT '\\'?', $1");
    CHECK(number_markers("SELECT '\\'?', ?").text == "SELECT '\\'$1', ?");
}

TEST_SUITE_END();
