#include "sql/analysed_statement.h"

#include "sql/ddl_targets.h"
#include "sql/placeholders.h"
#include "sql/transaction_block.h"

#include <utility>
#include <vector>

namespace rsodbc::sql {

AnalysedStatement::AnalysedStatement(std::string text, const ScanOptions& options)
    : text_(std::move(text)) {
    // The one scan of the text; every fact below walks these tokens.
    const std::vector<Token> tokens = scan(text_, options);
    for (const Token& token : tokens) {
        if (token.kind == TokenKind::marker) {
            ++question_markers_;
        }
    }
    try {
        if (question_markers_ != 0) {
            PreparedText numbered = number_markers(text_, tokens);
            parameters_ = numbered.marker_count;
            numbered_ = std::move(numbered.text);
        } else {
            parameters_ = highest_positional_parameter(text_, tokens);
        }
    } catch (const SqlTextError& error) {
        numbering_error_ = error;
    }
    Classification classification = classify(text_, tokens);
    kind_ = classification.kind;
    declarable_as_cursor_ = classification.declarable_as_cursor;
    insert_ = std::move(classification.insert);
    runs_outside_transaction_ = sql::runs_outside_transaction(text_, tokens, kind_);
    changes_schema_ = sql::changes_schema(text_, tokens);
    if (changes_schema_) {
        ddl_tables_ = created_or_dropped_tables(text_, tokens);
    }
}

void AnalysedStatement::require_numbered() const {
    if (numbering_error_) {
        throw *numbering_error_;
    }
}

std::size_t AnalysedStatement::parameter_count() const {
    require_numbered();
    return parameters_;
}

const std::string& AnalysedStatement::numbered_text() const {
    require_numbered();
    return question_markers_ != 0 ? numbered_ : text_;
}

}  // namespace rsodbc::sql
