#pragma once
// A statement's text analysed once, when SQLPrepare or SQLExecDirect receives it: everything the
// execution paths (exec/), the transaction rules (core/connection) and parameter descriptions read
// from the text. The text is scanned once here; executions read these fields and scan nothing
// (sql::scans_on_this_thread counts it, SQL_ATTR_RSODBC_TEXT_SCANS reports it).
#include "sql/insert_values.h"
#include "sql/scanner.h"
#include "sql/sql_error.h"
#include "sql/statement_kind.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace rsodbc::sql {

class AnalysedStatement {
public:
    // `text` with ODBC escapes already translated (escapes.h); its `?` markers stay as written.
    explicit AnalysedStatement(std::string text, const ScanOptions& options = {});

    // What a statement without parameters sends, and what the log shows.
    [[nodiscard]] const std::string& text() const { return text_; }

    [[nodiscard]] StatementKind kind() const { return kind_; }

    // `?` markers: a statement with none takes the simple-query path unless parameters are bound.
    [[nodiscard]] std::size_t question_markers() const { return question_markers_; }

    // One query that DECLARE ... CURSOR FOR accepts (UseDeclareFetch).
    [[nodiscard]] bool declarable_as_cursor() const { return declarable_as_cursor_; }

    // Refused by the server inside a transaction block (transaction_block.h).
    [[nodiscard]] bool runs_outside_transaction() const { return runs_outside_transaction_; }

    // A statement starts with CREATE, DROP or ALTER (statement_kind.h).
    [[nodiscard]] bool changes_schema() const { return changes_schema_; }

    // For such a statement, the tables it only creates or drops; nullopt when it may affect any
    // cached statement (ddl_targets.h).
    [[nodiscard]] const std::optional<std::vector<std::string>>& ddl_tables() const {
        return ddl_tables_;
    }

    // The parameters the text takes: its `?` count, or the highest `$n` when it has no `?`.
    // Throws the SqlTextError of number_markers (mixed styles, `$n` out of range), so text that
    // is only sent as it stands is never refused for it.
    [[nodiscard]] std::size_t parameter_count() const;

    // No `?` and no `$n`: the text runs as it stands with any protocol.
    [[nodiscard]] bool without_parameters() const {
        return question_markers_ == 0 && parameters_ == 0 && !numbering_error_;
    }

    // The text with `?` numbered $1..$n, as a prepared statement sends it (number_markers);
    // throws as parameter_count does.
    [[nodiscard]] const std::string& numbered_text() const;

    // The plan of a single-row INSERT ... VALUES (kind() == insert_values): parameter arrays
    // batch it, SQLDescribeParam finds a parameter's column through it.
    [[nodiscard]] const std::optional<InsertPlan>& insert() const { return insert_; }

private:
    void require_numbered() const;

    std::string text_;
    std::string numbered_;  // empty when the text has no `?` (then it is text_ itself)
    std::size_t question_markers_ = 0;
    std::size_t parameters_ = 0;
    std::optional<SqlTextError> numbering_error_;
    StatementKind kind_ = StatementKind::other;
    bool declarable_as_cursor_ = false;
    bool runs_outside_transaction_ = false;
    bool changes_schema_ = false;
    std::optional<std::vector<std::string>> ddl_tables_;
    std::optional<InsertPlan> insert_;
};

}  // namespace rsodbc::sql
