#pragma once

// How a fuzz property reports a violation, shared by every property header. A violated property
// throws PropertyFailure: libFuzzer reports the uncaught exception as a crash and saves the input;
// the corpus replay in tests/unit/sql_fuzz_corpus_test.cpp reports the file name and the message.

#include <stdexcept>

namespace rsodbc::fuzz {

struct PropertyFailure : std::logic_error {
    using std::logic_error::logic_error;
};

inline void require(bool holds, const char* property) {
    if (!holds) {
        throw PropertyFailure(property);
    }
}

}  // namespace rsodbc::fuzz
